package org.runops.studies;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;

/**
 * Where every plot becomes a PNG: rendered by XChart in {@link Locale#ROOT}, written atomically. Nothing here sets
 * {@code java.awt.headless}: the JDK is headless on its own when there is no display, and a program
 * that wants to force it (the {@code runops} launcher does) sets it before anything draws.
 */
final class PngCharts {
    private PngCharts() {}

    static byte[] png(Chart<?, ?> chart, String title) {
        if (chart.getStyler() instanceof AxesChartStyler axes) {
            axes.setLocale(Locale.ROOT); // tick labels say 0.95 on every host, never 0,95
        }
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new StudyException("cannot render plot \"" + title + "\": " + e.getMessage(), e);
        }
    }

    static void write(Chart<?, ?> chart, String title, Path png) {
        StudyTable.writeAtomically(png, png(chart, title));
    }
}
