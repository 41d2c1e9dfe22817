package org.runops.core.refrun.internal;

import java.util.Arrays;

/**
 * Weighted squared distances from one query to many rows of a column-major table, one column at a
 * time so each column's array is streamed once. Missing values (NaN) count as one scale unit.
 *
 * <p>Why the shape: a per-element "is it NaN?" branch mispredicts on scattered missing values and
 * doubled the loop's cost. So each column also exists as a NaN-free copy ({@code clean}, NaN → 0)
 * with the list of its missing rows: the loop over the candidates has no branch, and the few missing
 * rows are patched afterwards through a row → candidate-position map. Every path computes each term
 * with the same operations, so results are bit-identical whichever path is taken.
 */
public final class DistanceScan {
    private DistanceScan() {}

    /** A column's values with NaN replaced by 0, or the array itself when it has no NaN. */
    public static double[] clean(double[] column) {
        double[] out = null;
        for (int i = 0; i < column.length; i++) {
            if (Double.isNaN(column[i])) {
                if (out == null) {
                    out = column.clone();
                }
                out[i] = 0;
            }
        }
        return out == null ? column : out;
    }

    /** The rows of a column whose value is NaN, ascending. */
    public static int[] missingRows(double[] column) {
        int n = 0;
        for (double v : column) {
            n += Double.isNaN(v) ? 1 : 0;
        }
        int[] rows = new int[n];
        for (int i = 0, k = 0; k < n; i++) {
            if (Double.isNaN(column[i])) {
                rows[k++] = i;
            }
        }
        return rows;
    }

    /**
     * For each candidate i, {@code Σ_j weights[j]·((x − query_j)/scale[j])²} over the columns, or
     * {@code weights[j]} where x or {@code query_j} is NaN. Candidates outside 0..size-1 or repeated are refused.
     *
     * @param data        [column][row] with NaN for missing
     * @param clean       [column][row] the same with NaN → 0 ({@link #clean})
     * @param missingRows [column] the NaN rows ({@link #missingRows})
     * @param size        the number of rows of the table
     */
    public static double[] squaredDistances(double[][] data, double[][] clean, int[][] missingRows, int size,
            double[] query, double[] scale, double[] weights, int[] candidates) {
        int n = candidates.length;
        double[] acc = new double[n];
        // A small candidate set among many rows: a size-long position map would cost more than the branches.
        boolean few = (long) n * 8 < size;
        int[] position = few ? null : positions(candidates, size);
        if (few) {
            refuseRepeatsAndStrays(candidates, size);
        }
        double[] term = null;
        for (int j = 0; j < data.length; j++) {
            double w = weights[j];
            if (w == 0) {
                continue;
            }
            double q = query[j];
            if (Double.isNaN(q)) {
                for (int i = 0; i < n; i++) {
                    acc[i] += w;
                }
                continue;
            }
            double factor = w / (scale[j] * scale[j]);
            if (few) {
                withBranch(data[j], candidates, acc, q, factor, w);
            } else if (missingRows[j].length == 0) {
                addTerms(clean[j], candidates, acc, q, factor);
            } else {
                if (term == null) {
                    term = new double[n];
                }
                terms(clean[j], candidates, term, q, factor);
                for (int r : missingRows[j]) {
                    int p = position[r];
                    if (p >= 0) {
                        term[p] = w;
                    }
                }
                for (int i = 0; i < n; i++) {
                    acc[i] += term[i];
                }
            }
        }
        return acc;
    }

    /** row → its position in {@code candidates}, -1 for rows that are not candidates; duplicates refused. */
    private static int[] positions(int[] candidates, int size) {
        int[] position = new int[size];
        Arrays.fill(position, -1);
        for (int i = 0; i < candidates.length; i++) {
            int r = candidates[i];
            if (r < 0 || r >= size) {
                throw new IllegalArgumentException("row " + r + " is outside 0.." + (size - 1));
            }
            if (position[r] >= 0) {
                throw new IllegalArgumentException("row " + r + " is a candidate twice (positions " + position[r] + " and " + i + ")");
            }
            position[r] = i;
        }
        return position;
    }

    /** One pass with a bitmap of size/8 bytes: cheaper than sorting the candidates, which the few-candidates path avoids. */
    private static void refuseRepeatsAndStrays(int[] candidates, int size) {
        long[] seen = new long[(size + 63) >>> 6];
        for (int r : candidates) {
            if (r < 0 || r >= size) {
                throw new IllegalArgumentException("row " + r + " is outside 0.." + (size - 1));
            }
            long bit = 1L << r;
            if ((seen[r >>> 6] & bit) != 0) {
                throw new IllegalArgumentException("row " + r + " is a candidate twice");
            }
            seen[r >>> 6] |= bit;
        }
    }

    private static void addTerms(double[] col, int[] candidates, double[] acc, double q, double factor) {
        for (int i = 0; i < candidates.length; i++) {
            double diff = col[candidates[i]] - q;
            acc[i] += factor * diff * diff;
        }
    }

    private static void terms(double[] col, int[] candidates, double[] term, double q, double factor) {
        for (int i = 0; i < candidates.length; i++) {
            double diff = col[candidates[i]] - q;
            term[i] = factor * diff * diff;
        }
    }

    private static void withBranch(double[] col, int[] candidates, double[] acc, double q, double factor, double missing) {
        for (int i = 0; i < candidates.length; i++) {
            double x = col[candidates[i]];
            double diff = x - q;
            acc[i] += Double.isNaN(x) ? missing : factor * diff * diff;
        }
    }
}
