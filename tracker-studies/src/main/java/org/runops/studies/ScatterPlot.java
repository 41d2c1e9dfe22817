package org.runops.studies;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A scatter plot written as PNG with XChart: named series of (x, y) points, each in its own
 * colour, with axis titles and a legend. {@link #colouredBy} makes one series per distinct value of a
 * column of a {@link StudyTable} (the largest first, at most {@code maxSeries}, the rest as "other").
 *
 * <pre>{@code
 * ScatterPlot.colouredBy(table, "pc1", "pc2", "reconstruction", 12).title("2018 runs").write(Path.of("pca.png"));
 * new ScatterPlot("x", "y").add("fit", xs, ys).size(800, 600).write(Path.of("xy.png"));
 * }</pre>
 */
public final class ScatterPlot {
    /** Default cap on the number of series of {@link #colouredBy}. */
    public static final int MAX_SERIES = 12;
    /** Distinguishable colours (Tableau 10 plus two), then grey for "other". */
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0xbcbd22), new Color(0x17becf), new Color(0x000080),
        new Color(0x7f7f00), new Color(0x00a080)};
    private static final Color OTHER = new Color(0x9a9a9a);
    private static final String OTHER_NAME = "other";

    private record Series(String name, double[] x, double[] y) {}

    private String xTitle;
    private String yTitle;
    private final List<Series> series = new ArrayList<>();
    private String title = "";
    private int width = 1000;
    private int height = 700;

    /** An empty plot with these axis titles. */
    public ScatterPlot(String xTitle, String yTitle) {
        this.xTitle = xTitle;
        this.yTitle = yTitle;
    }

    /**
     * {@code y} against {@code x}, one series per distinct value of {@code colourBy} (null: one series).
     * Rows where x or y is missing are left out; a missing colour value is its own series "(none)".
     */
    public static ScatterPlot colouredBy(StudyTable table, String x, String y, String colourBy, int maxSeries) {
        if (maxSeries < 1) {
            throw new IllegalArgumentException("maxSeries must be >= 1, was " + maxSeries);
        }
        double[] xs = table.numeric(x);
        double[] ys = table.numeric(y);
        List<Object> colours = colourBy == null ? null : table.column(colourBy);
        Map<String, List<Integer>> rowsByLabel = new LinkedHashMap<>();
        for (int i = 0; i < xs.length; i++) {
            if (Double.isNaN(xs[i]) || Double.isNaN(ys[i])) {
                continue;
            }
            String label = colours == null ? y : label(colours.get(i));
            rowsByLabel.computeIfAbsent(label, k -> new ArrayList<>()).add(i);
        }
        if (rowsByLabel.isEmpty()) {
            throw new StudyException("nothing to plot: no row has both " + x + " and " + y);
        }
        List<Map.Entry<String, List<Integer>>> groups = new ArrayList<>(rowsByLabel.entrySet());
        groups.sort(Comparator.comparingInt((Map.Entry<String, List<Integer>> e) -> -e.getValue().size())
                .thenComparing(Map.Entry::getKey));
        int kept = groups.size() <= maxSeries ? groups.size() : maxSeries - 1;
        ScatterPlot plot = new ScatterPlot(x, y);
        for (int g = 0; g < kept; g++) {
            List<Integer> rows = groups.get(g).getValue();
            plot.add(groups.get(g).getKey() + " (" + rows.size() + ")", pick(xs, rows), pick(ys, rows));
        }
        if (kept < groups.size()) {
            List<Integer> rest = new ArrayList<>();
            groups.subList(kept, groups.size()).forEach(e -> rest.addAll(e.getValue()));
            plot.add(OTHER_NAME + " (" + (groups.size() - kept) + " values, " + rest.size() + ")", pick(xs, rest), pick(ys, rest));
        }
        if (colourBy != null) {
            plot.title(y + " vs " + x + " by " + colourBy);
        }
        return plot;
    }

    private static String label(Object v) {
        if (v == null) {
            return "(none)";
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return v.toString();
    }

    private static double[] pick(double[] values, List<Integer> rows) {
        return rows.stream().mapToDouble(i -> values[i]).toArray();
    }

    /** Adds a series; NaN points are dropped. */
    public ScatterPlot add(String name, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series " + name + ": " + x.length + " x values, " + y.length + " y values");
        }
        if (series.stream().anyMatch(s -> s.name.equals(name))) {
            throw new IllegalArgumentException("series " + name + " added twice");
        }
        int n = 0;
        double[] xs = new double[x.length];
        double[] ys = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                xs[n] = x[i];
                ys[n++] = y[i];
            }
        }
        series.add(new Series(name, java.util.Arrays.copyOf(xs, n), java.util.Arrays.copyOf(ys, n)));
        return this;
    }

    /** Replaces the axis titles (e.g. to add units or a component's explained variance). */
    public ScatterPlot axisTitles(String xTitle, String yTitle) {
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        return this;
    }

    public ScatterPlot title(String title) {
        this.title = title == null ? "" : title;
        return this;
    }

    /** The image size in pixels (default 1000 × 700). */
    public ScatterPlot size(int width, int height) {
        if (width < 100 || height < 100 || width > 20_000 || height > 20_000) {
            throw new IllegalArgumentException("plot size must be 100..20000 pixels a side, was " + width + " × " + height);
        }
        this.width = width;
        this.height = height;
        return this;
    }

    /** The names of the series, in legend order. */
    public List<String> seriesNames() {
        return series.stream().map(Series::name).toList();
    }

    /** The XChart chart, for callers that want to style or show it further. */
    public XYChart chart() {
        if (series.stream().allMatch(s -> s.x.length == 0)) {
            throw new StudyException("nothing to plot: every series of \"" + title + "\" is empty");
        }
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle)
                .build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(0xe0e0e0));
        chart.getStyler().setMarkerSize(width >= 800 ? 7 : 5);
        int colour = 0;
        for (Series s : series) {
            if (s.x.length == 0) {
                continue;
            }
            XYSeries xy = chart.addSeries(s.name, s.x, s.y);
            xy.setMarker(SeriesMarkers.CIRCLE);
            // opaque markers, largest series first: smaller series stay visible on top of it
            xy.setMarkerColor(s.name.startsWith(OTHER_NAME + " (") ? OTHER : PALETTE[colour++ % PALETTE.length]);
        }
        return chart;
    }

    /** The plot as PNG bytes. */
    public byte[] png() {
        return PngCharts.png(chart(), title);
    }

    /** Writes the plot as PNG, atomically. */
    public void write(Path png) {
        PngCharts.write(chart(), title, png);
    }
}
