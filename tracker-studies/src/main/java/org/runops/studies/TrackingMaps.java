package org.runops.studies;

/**
 * The two numbers trackerstudies computes on a tracking map (the 2-D η–φ histogram
 * {@code TrackEtaPhi_ImpactPoint_GenTk}, 32 φ rows × 31 η columns), on its in-range bin contents as
 * {@code [row][column]} (jsonfairy's {@code bins.content}; under- and overflow are not cells).
 * Both follow {@code trackerstudies/algorithms.py} (CMSTrackerDPG/cms-tracker-studies), so the numbers
 * match the notebook's.
 */
public final class TrackingMaps {
    /** Distance bins of the angular correlation, as the original's {@code binned_statistic(..., bins=50)}. */
    public static final int ENTROPY_BINS = 50;

    private TrackingMaps() {}

    /**
     * How far a run's map is from its reference's: both maps z-normalised over their cells
     * ({@code (c − mean) / sd}, population sd), then half the mean squared difference,
     * {@code Σ (z_run − z_ref)² / (2 n)}. 0 means the same shape whatever the statistics; two
     * independent maps give about 1.
     *
     * <p>NaN, as in the original, when it cannot be told: the maps differ in shape (rows or columns)
     * or one is flat (zero variance, e.g. empty: it has no shape to compare; the original divides by
     * zero there).
     */
    public static double referenceCost(double[][] run, double[][] reference) {
        if (!sameShape(run, reference)) {
            return Double.NaN;
        }
        double[] a = zNormalised(run);
        double[] b = zNormalised(reference);
        if (a == null || b == null) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum / a.length / 2;
    }

    /**
     * The "angular correlation entropy" of a map: for every ordered pair of cells, their distance in
     * cells ({@code hypot(Δrow, Δcolumn)}) and their absolute content difference; the pairs binned by
     * distance into {@value #ENTROPY_BINS} equal-width bins from the smallest to the largest distance
     * (the last bin closed, as numpy's), the mean difference per bin taken, and the Shannon entropy
     * {@code −Σ p ln p} of those 50 means normalised to sum 1, in <b>nats</b> (natural log, as
     * {@code scipy.stats.entropy}); zero means add nothing. It is at most
     * {@code ln 50 ≈ 3.91}: a map whose cells differ alike at every distance (no structure) scores high.
     *
     * <p>NaN for a map of fewer than two cells, a flat map (every difference 0), or a map so small that a
     * distance bin holds no pair (e.g. 10×10 and below; the original gives NaN there too). The 32×31 tracking
     * map and maps from about 20×20 up fill every bin.
     */
    public static double angularEntropy(double[][] map) {
        int rows = map.length;
        int cols = rows == 0 ? 0 : map[0].length;
        checkRectangular(map);
        if (rows * cols < 2) {
            return Double.NaN;
        }
        // distance depends on (|Δrow|, |Δcolumn|) only: bin every offset once
        double max = Math.hypot(rows - 1, cols - 1);
        double[] edges = linspace(0, max, ENTROPY_BINS + 1);
        int[][] binOf = new int[rows][cols];
        for (int dr = 0; dr < rows; dr++) {
            for (int dc = 0; dc < cols; dc++) {
                binOf[dr][dc] = bin(Math.hypot(dr, dc), edges);
            }
        }
        double[] sum = new double[ENTROPY_BINS];
        long[] count = new long[ENTROPY_BINS];
        for (int r1 = 0; r1 < rows; r1++) {
            for (int c1 = 0; c1 < cols; c1++) {
                double v = map[r1][c1];
                for (int r2 = 0; r2 < rows; r2++) {
                    int[] bins = binOf[Math.abs(r2 - r1)];
                    double[] other = map[r2];
                    for (int c2 = 0; c2 < cols; c2++) {
                        int b = bins[Math.abs(c2 - c1)];
                        sum[b] += Math.abs(v - other[c2]);
                        count[b]++;
                    }
                }
            }
        }
        double total = 0;
        double[] means = new double[ENTROPY_BINS];
        for (int b = 0; b < ENTROPY_BINS; b++) {
            if (count[b] == 0) {
                return Double.NaN; // scipy's binned_statistic mean of an empty bin is NaN, and so is the entropy
            }
            means[b] = sum[b] / count[b];
            total += means[b];
        }
        if (!(total > 0) || Double.isInfinite(total)) {
            return Double.NaN;
        }
        double entropy = 0;
        for (double m : means) {
            if (m > 0) {
                double p = m / total;
                entropy -= p * Math.log(p);
            }
        }
        return entropy;
    }

    /** numpy's {@code linspace(start, stop, n)}: {@code start + k·step}, the last value exactly {@code stop}. */
    private static double[] linspace(double start, double stop, int n) {
        double step = (stop - start) / (n - 1);
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = start + k * step;
        }
        out[n - 1] = stop;
        return out;
    }

    /** The bin of {@code x} among {@code edges}: {@code edges[b] <= x < edges[b+1]}, the last bin closed. */
    private static int bin(double x, double[] edges) {
        int last = edges.length - 2;
        if (x >= edges[last + 1]) {
            return last;
        }
        int lo = 0;
        int hi = last;
        while (lo < hi) { // largest b with edges[b] <= x
            int mid = (lo + hi + 1) >>> 1;
            if (edges[mid] <= x) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The cells z-normalised, flattened; null when the map is flat or holds a non-finite value. */
    private static double[] zNormalised(double[][] map) {
        int n = 0;
        double mean = 0;
        double m2 = 0;
        for (double[] row : map) {
            for (double x : row) { // Welford: maps hold up to 10^7 per cell
                n++;
                double delta = x - mean;
                mean += delta / n;
                m2 += delta * (x - mean);
            }
        }
        double sd = Math.sqrt(m2 / n);
        if (!(sd > 0) || !Double.isFinite(sd)) {
            return null;
        }
        double[] z = new double[n];
        int i = 0;
        for (double[] row : map) {
            for (double x : row) {
                z[i++] = (x - mean) / sd;
            }
        }
        return z;
    }

    private static boolean sameShape(double[][] a, double[][] b) {
        checkRectangular(a);
        checkRectangular(b);
        return a.length == b.length && a.length > 0 && a[0].length == b[0].length && a[0].length > 0;
    }

    private static void checkRectangular(double[][] map) {
        for (double[] row : map) {
            if (row.length != map[0].length) {
                throw new IllegalArgumentException("map rows differ in length: " + map[0].length + " and " + row.length);
            }
        }
    }
}
