package org.runops.datalogger.stats;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.runops.core.ledger.AtomicFiles;
import org.runops.datalogger.DataLoggerException;

/**
 * The statistics history as one PNG people can look at directly: a panel per device, stacked, each with
 * max, mode ± std (dashed) and min over time. The time axis is UTC, at the real start of each logged
 * window ({@link FileKeyTime#trueStart}, the keys being wall times in {@code zone}). Rendered in
 * {@link Locale#ROOT}; written atomically. When any file behind the shown statistics was simulated, every
 * panel title says so.
 */
public final class StatsTrendPlot {
    static final int WIDTH = 900;
    static final int PANEL_HEIGHT = 240;

    private static final Color MAX_MIN = new Color(0, 100, 50);
    private static final Color MODE = new Color(0, 60, 160);
    private static final Color SIGMA = new Color(120, 150, 220);

    private StatsTrendPlot() {}

    /** Plots {@code params} (every device when empty) from {@code db} into {@code png}. */
    public static void write(StatsDatabase db, List<String> params, ZoneId zone, Path png) {
        List<StatsHistory> histories = StatsJsonExporter.histories(db, params, 0);
        if (histories.isEmpty()) {
            throw new DataLoggerException("statistics database " + db.path() + " holds no device statistics to plot");
        }
        try {
            AtomicFiles.write(png, render(histories, zone, StatsJsonExporter.showsSimulated(db, histories)));
        } catch (IOException e) {
            throw new DataLoggerException("cannot write plot " + png + ": " + e.getMessage(), e);
        }
    }

    static byte[] render(List<StatsHistory> histories, ZoneId zone, boolean simulated) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, PANEL_HEIGHT * histories.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            for (int i = 0; i < histories.size(); i++) {
                g.drawImage(BitmapEncoder.getBufferedImage(panel(histories.get(i), zone, simulated)), 0, i * PANEL_HEIGHT, null);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static XYChart panel(StatsHistory h, ZoneId zone, boolean simulated) {
        String title = (simulated ? StatsJsonExporter.SIMULATED_TITLE + ": " : "") + h.param() + (h.size() == 0 ? " (no statistics)" : "");
        XYChart chart = new XYChartBuilder().width(WIDTH).height(PANEL_HEIGHT)
                .title(title).xAxisTitle("start of the logged window (UTC)").yAxisTitle(h.param()).build();
        chart.getStyler().setLocale(Locale.ROOT);
        chart.getStyler().setTimezone(TimeZone.getTimeZone("UTC"));
        chart.getStyler().setDatePattern("yyyy-MM-dd HH:mm");
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setMarkerSize(4);
        List<Date> times = new ArrayList<>(h.size());
        for (double key : h.epochUTCsec()) {
            times.add(Date.from(FileKeyTime.trueStart(key, zone)));
        }
        add(chart, "max", times, h.max(), MAX_MIN, SeriesLines.SOLID);
        add(chart, "+1sigma", times, h.plusSigma(), SIGMA, SeriesLines.DASH_DASH);
        add(chart, "mode", times, h.mode(), MODE, SeriesLines.SOLID);
        add(chart, "-1sigma", times, h.minusSigma(), SIGMA, SeriesLines.DASH_DASH);
        add(chart, "min", times, h.min(), MAX_MIN, SeriesLines.SOLID);
        return chart;
    }

    /** Adds a series unless it has no defined value (a lone sample has no std): XChart cannot scale an axis on NaN alone. */
    private static void add(XYChart chart, String name, List<Date> times, double[] values, Color colour,
                            java.awt.BasicStroke line) {
        List<Double> ys = new ArrayList<>(values.length);
        boolean any = false;
        for (double v : values) {
            ys.add(v);
            any |= Double.isFinite(v);
        }
        if (!any) {
            return;
        }
        XYSeries s = chart.addSeries(name, times, ys);
        s.setLineColor(colour);
        s.setMarkerColor(colour);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setLineStyle(line);
    }
}
