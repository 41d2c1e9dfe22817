package org.runops.studies;

import java.awt.Color;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.runops.core.refrun.Evaluation;

/** The evaluation's top-k curves as a PNG: hit rate within the first k candidates, one line per method. */
public final class HitRatePlot {
    private static final Color[] COLOURS = {new Color(0xD62728), new Color(0x1F77B4), new Color(0x2CA02C), new Color(0x9467BD), new Color(0xFF7F0E)};

    private HitRatePlot() {}

    /** Writes one line per method (at least one), hit rate against k = 1..{@link Evaluation#MAX_RANK}, as PNG. */
    public static void write(Collection<Evaluation.Metrics> methods, Path png) {
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("no method to plot");
        }
        int targets = methods.iterator().next().targets();
        XYChart chart = new XYChartBuilder().width(900).height(560)
                .title("Reference-run recommendation: hit rate within the first k (" + targets + " targets)")
                .xAxisTitle("k (rank of the true reference)").yAxisTitle("fraction of targets").build();
        // start the axis a little below the weakest curve: the differences that matter are near the top
        double lowest = methods.stream().mapToDouble(m -> m.hitRates().get(0)).min().orElse(0);
        chart.getStyler().setYAxisMin(Math.max(0, Math.floor((lowest - 0.05) * 10) / 10)).setYAxisMax(1.0).setXAxisDecimalPattern("0").setYAxisDecimalPattern("0.00")
                .setChartBackgroundColor(Color.WHITE).setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE)
                .setMarkerSize(7);
        double[] k = IntStream.rangeClosed(1, Evaluation.MAX_RANK).asDoubleStream().toArray();
        int i = 0;
        for (Evaluation.Metrics m : methods) {
            double[] rates = m.hitRates().stream().mapToDouble(Double::doubleValue).toArray();
            XYSeries series = chart.addSeries(String.format(Locale.ROOT, "%s (top-1 %.3f)", m.method(), m.top1()), k, rates);
            Color colour = COLOURS[i % COLOURS.length];
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setLineColor(colour);
            series.setMarkerColor(colour);
            i++;
        }
        PngCharts.write(chart, chart.getTitle(), png);
    }
}
