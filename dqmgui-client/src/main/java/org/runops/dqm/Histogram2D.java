package org.runops.dqm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A 2-D histogram ({@code type} {@code TH2}, or {@code TProfile2D}, which the GUI serialises the same
 * way). Cell values have 6 significant digits ({@code 2.74584e+07}), so sums match the entries only to
 * that precision.
 *
 * @param content     one row per shown y bin, each with one value per shown x bin ({@code [ybin][xbin]})
 * @param integral3x3 {@code bins.integral}: rows x-overflow, x-in-range, x-underflow; columns
 *                    y-underflow, y-in-range, y-overflow. The stats' underflow/overflow of a 2-D
 *                    histogram are corner cells only, so out-of-range counts come from here.
 */
public record Histogram2D(String type, String title, String name, double entries, AxisStats x, AxisStats yStats,
        Axis xAxis, Axis yAxis, List<BinValues> integral3x3, List<BinValues> content) implements Histogram {
    public Histogram2D {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(yStats, "yStats");
        Objects.requireNonNull(xAxis, "xAxis");
        Objects.requireNonNull(yAxis, "yAxis");
        integral3x3 = List.copyOf(integral3x3);
        content = List.copyOf(content);
        if (integral3x3.size() != 3 || integral3x3.stream().anyMatch(r -> r.size() != 3)) {
            throw new IllegalArgumentException(name + ": the integral must be 3×3, got " + integral3x3);
        }
        if (content.size() != yAxis.nbins()) {
            throw new IllegalArgumentException(name + ": " + content.size() + " content rows for a y axis of " + yAxis.nbins() + " bins");
        }
        for (int y = 0; y < content.size(); y++) {
            if (content.get(y).size() != xAxis.nbins()) {
                throw new IllegalArgumentException(name + ": content row " + y + " has " + content.get(y).size()
                        + " values for an x axis of " + xAxis.nbins() + " bins");
            }
        }
    }

    @Override
    public Optional<AxisStats> y() {
        return Optional.of(yStats);
    }

    /** The value of the cell at y bin {@code ybin} and x bin {@code xbin} (0-based among the shown bins). */
    public double content(int ybin, int xbin) {
        return content.get(ybin).get(xbin);
    }

    /** A copy of the content as {@code [ybin][xbin]}. */
    public double[][] contentArray() {
        double[][] a = new double[content.size()][];
        for (int y = 0; y < a.length; y++) {
            a[y] = content.get(y).toArray();
        }
        return a;
    }

    /** One cell of {@link #integral3x3()}: {@code row} 0..2 (x over, in, under), {@code column} 0..2 (y under, in, over). */
    public double integral(int row, int column) {
        return integral3x3.get(row).get(column);
    }

    /** The in-range integral, the centre of the 3×3. */
    @Override
    public double integral() {
        return integral(1, 1);
    }

    /** The sum of the eight out-of-range cells of the 3×3 (entries = in-range + this, up to rounding). */
    public double outOfRange() {
        double s = 0;
        for (BinValues row : integral3x3) {
            s += row.sum();
        }
        return s - integral();
    }

    /** Sum of the content cells (equals {@link #integral()} up to the 6-digit rounding of the centre cell). */
    public double contentSum() {
        double s = 0;
        for (BinValues row : content) {
            s += row.sum();
        }
        return s;
    }
}
