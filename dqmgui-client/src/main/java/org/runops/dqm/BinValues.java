package org.runops.dqm;

import java.util.Arrays;

/**
 * An immutable sequence of bin values (contents, errors or widths of a 1-D histogram, one row of a
 * 2-D one). Index 0 is the first shown bin.
 */
public final class BinValues {
    private static final BinValues EMPTY = new BinValues(new double[0]);
    private final double[] values;

    private BinValues(double[] values) {
        this.values = values;
    }

    /** A copy of {@code values}. */
    public static BinValues of(double... values) {
        return values.length == 0 ? EMPTY : new BinValues(values.clone());
    }

    /** Takes {@code values} without copying: for parsers that built the array and drop it. */
    static BinValues wrap(double[] values) {
        return values.length == 0 ? EMPTY : new BinValues(values);
    }

    public int size() {
        return values.length;
    }

    public boolean isEmpty() {
        return values.length == 0;
    }

    public double get(int i) {
        return values[i];
    }

    /** Sum of all values (NaN if any is). */
    public double sum() {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    public double[] toArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BinValues b && Arrays.equals(values, b.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return values.length <= 8 ? Arrays.toString(values) : "[" + values.length + " values]";
    }
}
