package org.runops.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Samples of several metrics per row (a variant, or a command and variant), printed as a Markdown table of
 * "median (min–max)" cells. A row that failed once shows FAILED and why, never a median: a wrong answer is not a time.
 */
final class TimingTable {
    private final String firstColumn;
    private final List<String> metrics;
    private final Map<String, List<double[]>> samples = new LinkedHashMap<>();
    private final Map<String, String> notes = new LinkedHashMap<>();
    private final Map<String, String> failures = new LinkedHashMap<>();

    TimingTable(String firstColumn, List<String> metrics) {
        this.firstColumn = firstColumn;
        this.metrics = List.copyOf(metrics);
    }

    /** Declares a row, so rows print in this order. */
    void row(String row) {
        samples.computeIfAbsent(row, r -> new ArrayList<>());
    }

    void add(String row, double... values) {
        if (values.length != metrics.size()) {
            throw new IllegalArgumentException(row + ": expected " + metrics.size() + " values, got " + values.length);
        }
        samples.computeIfAbsent(row, r -> new ArrayList<>()).add(values.clone());
    }

    /** The row's output, e.g. "20000 rows, 9.7 MB" (last one wins). */
    void note(String row, String note) {
        notes.put(row, note);
    }

    /** Marks the row failed; the first reason is kept. */
    void fail(String row, String reason) {
        row(row);
        failures.putIfAbsent(row, reason);
    }

    boolean failed(String row) {
        return failures.containsKey(row);
    }

    String markdown() {
        StringBuilder s = new StringBuilder("| ").append(firstColumn).append(" | n |");
        metrics.forEach(m -> s.append(' ').append(m).append(" |"));
        s.append(" output |\n|---|---:|");
        metrics.forEach(m -> s.append("---:|"));
        s.append("---|\n");
        for (Map.Entry<String, List<double[]>> row : samples.entrySet()) {
            s.append("| ").append(row.getKey()).append(" | ").append(row.getValue().size()).append(" |");
            String failure = failures.get(row.getKey());
            for (int m = 0; m < metrics.size(); m++) {
                s.append(' ').append(failure != null ? (m == 0 ? "**FAILED**" : "") : cell(row.getValue(), m)).append(" |");
            }
            s.append(' ').append(failure != null ? failure.replace('|', '/').replace('\n', ' ') : notes.getOrDefault(row.getKey(), ""))
                    .append(" |\n");
        }
        return s.toString();
    }

    private static String cell(List<double[]> rows, int metric) {
        double[] v = rows.stream().mapToDouble(r -> r[metric]).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return "n/a";
        }
        return v.length == 1 ? seconds(v[0]) : seconds(median(v)) + " (" + seconds(v[0]) + "–" + seconds(v[v.length - 1]) + ")";
    }

    /** The median of {@code sorted}, which must be in ascending order ({@link #cell} sorts once). */
    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.2f", s);
    }
}
