package org.runops.core.refrun;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.runops.core.refrun.internal.DistanceScan;
import org.runops.core.refrun.internal.NearestHeap;
import org.runops.core.run.Quantity;
import org.runops.core.run.RunRecord;
import org.runops.core.run.Units;

/**
 * Numeric features of runs, one row per run, stored column-major in primitive arrays so that a
 * distance scan streams one column at a time. Missing values are NaN. Rows keep insertion order; a
 * hash index finds the row of a run in O(1). Immutable once built.
 *
 * <pre>{@code
 * FeatureTable t = FeatureCsv.read(csv, "run_number", List.of("init_lumi", "end_lumi", "duration"));
 * int[] pool = t.allRows();
 * FeatureTable.Standardization s = t.standardization(pool);
 * List<FeatureTable.Neighbor> top = t.nearest(t.row(t.rowOf(316201)), 10, s.sd(), weights, pool);
 * }</pre>
 */
public final class FeatureTable {

    private final List<String> columns;
    private final long[] runs;
    private final double[][] data; // [column][row]
    private final double[][] clean; // [column][row], NaN → 0: the distance scan's branch-free input
    private final int[][] missingRows; // [column]: rows where data is NaN, ascending
    private final Map<Long, Integer> rowByRun;

    private FeatureTable(List<String> columns, long[] runs, double[][] data, Map<Long, Integer> rowByRun) {
        this.columns = columns;
        this.runs = runs;
        this.data = data;
        this.rowByRun = rowByRun;
        this.clean = Arrays.stream(data).map(DistanceScan::clean).toArray(double[][]::new);
        this.missingRows = Arrays.stream(data).map(DistanceScan::missingRows).toArray(int[][]::new);
    }

    /** A builder for a table with these (distinct, non-empty) column names. */
    public static Builder builder(List<String> columns) {
        return new Builder(columns);
    }

    /** Collects rows; {@link #build()} hands the arrays over without copying. */
    public static final class Builder {
        private final List<String> columns;
        private long[] runs = new long[64];
        private double[][] data;
        private final Map<Long, Integer> rowByRun = new HashMap<>();
        private int size;
        private boolean built;

        private Builder(List<String> columns) {
            this.columns = List.copyOf(columns);
            if (new HashSet<>(this.columns).size() != this.columns.size()) {
                throw new IllegalArgumentException("duplicate column names in " + columns);
            }
            data = new double[this.columns.size()][64];
        }

        /** Adds the row of {@code run}; one value per column, NaN when missing. */
        public Builder add(long run, double... values) {
            if (built) {
                throw new IllegalStateException("build() was already called");
            }
            if (values.length != columns.size()) {
                throw new IllegalArgumentException("run " + run + ": " + values.length + " values for " + columns.size()
                        + " columns " + columns);
            }
            for (int j = 0; j < values.length; j++) {
                if (Double.isInfinite(values[j])) { // distances need finite values; NaN means missing
                    throw new IllegalArgumentException("run " + run + ": " + columns.get(j) + " is " + values[j]);
                }
            }
            if (rowByRun.putIfAbsent(run, size) != null) {
                throw new IllegalArgumentException("duplicate run " + run + " (already row " + rowByRun.get(run) + ")");
            }
            if (size == runs.length) {
                int capacity = Math.max(64, size * 2);
                runs = Arrays.copyOf(runs, capacity);
                for (int j = 0; j < data.length; j++) {
                    data[j] = Arrays.copyOf(data[j], capacity);
                }
            }
            runs[size] = run;
            for (int j = 0; j < values.length; j++) {
                data[j][size] = values[j];
            }
            size++;
            return this;
        }

        /** The table of the rows added so far. */
        public FeatureTable build() {
            built = true;
            double[][] exact = new double[data.length][];
            for (int j = 0; j < data.length; j++) {
                exact[j] = data[j].length == size ? data[j] : Arrays.copyOf(data[j], size);
            }
            return new FeatureTable(columns, Arrays.copyOf(runs, size), exact, Map.copyOf(rowByRun));
        }
    }

    /**
     * The {@code columns} of runs from a run catalogue ({@code RunCatalog.runs}), one row per run in their
     * order. A value whose unit the source gave ({@code <column>_unit}) and {@link Units} knows is taken in
     * its family's reference unit ({@link Quantity#inReferenceUnit()}: luminosities in 10^{34}cm^{-2}s^{-1}
     * and pb^{-1} whatever the era wrote); other values as given; {@code true}/{@code false} as 1/0; absent
     * as NaN. A value that is not a number is a {@code CatalogException} naming the run.
     */
    public static FeatureTable fromRuns(List<RunRecord> runs, List<String> columns) {
        Builder table = builder(columns);
        double[] row = new double[columns.size()];
        for (RunRecord r : runs) {
            for (int j = 0; j < row.length; j++) {
                row[j] = feature(r, columns.get(j));
            }
            table.add(r.run(), row); // the builder copies the values
        }
        return table.build();
    }

    private static double feature(RunRecord r, String column) {
        String text = r.attribute(column).orElse(null);
        if (text == null) {
            return Double.NaN;
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text) ? 1 : 0;
        }
        Quantity q = r.quantity(column).orElseThrow();
        return q.knownUnit().isPresent() ? q.inReferenceUnit().value() : q.value();
    }

    /** Number of rows. */
    public int size() {
        return runs.length;
    }

    /** Number of columns. */
    public int dimensions() {
        return columns.size();
    }

    /** The column names. */
    public List<String> columns() {
        return columns;
    }

    /** The run of {@code row}. */
    public long run(int row) {
        return runs[row];
    }

    /** The row of {@code run}, or -1 when the table has none. */
    public int rowOf(long run) {
        Integer row = rowByRun.get(run);
        return row == null ? -1 : row;
    }

    /** One value (NaN when missing). */
    public double value(int row, int column) {
        return data[column][row];
    }

    /** A copy of one row's values. */
    public double[] row(int row) {
        Objects.checkIndex(row, runs.length);
        double[] out = new double[data.length];
        for (int j = 0; j < data.length; j++) {
            out[j] = data[j][row];
        }
        return out;
    }

    /** The indices of every row, 0..size-1. */
    public int[] allRows() {
        int[] all = new int[runs.length];
        Arrays.setAll(all, i -> i);
        return all;
    }

    /** The rows of these runs (runs not in the table are skipped), in the order given. */
    public int[] rowsOf(long... runNumbers) {
        return Arrays.stream(runNumbers).mapToInt(this::rowOf).filter(r -> r >= 0).toArray();
    }

    /** Per-column mean and standard deviation, for scaling distances or standardising features. */
    public record Standardization(double[] mean, double[] sd) {
        public Standardization {
            if (mean.length != sd.length) {
                throw new IllegalArgumentException(mean.length + " means for " + sd.length + " standard deviations");
            }
            mean = mean.clone();
            sd = sd.clone();
        }

        @Override
        public double[] mean() {
            return mean.clone();
        }

        @Override
        public double[] sd() {
            return sd.clone();
        }

        /** {@code (raw - mean) / sd} per column; NaN stays NaN. */
        public double[] apply(double[] raw) {
            if (raw.length != mean.length) {
                throw new IllegalArgumentException(raw.length + " values for " + mean.length + " columns");
            }
            double[] z = new double[raw.length];
            for (int j = 0; j < raw.length; j++) {
                z[j] = (raw[j] - mean[j]) / sd[j];
            }
            return z;
        }
    }

    /**
     * Mean and (population) standard deviation of each column over {@code rows}, ignoring NaN. A column
     * without data gets mean 0 and sd 1; a constant column sd 1, so that dividing by it is harmless.
     */
    public Standardization standardization(int[] rows) {
        checkRows(rows);
        int d = data.length;
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (int j = 0; j < d; j++) {
            double[] col = data[j];
            int n = 0;
            double m = 0;
            double m2 = 0;
            for (int r : rows) { // Welford: stable for large offsets such as run numbers
                double x = col[r];
                if (!Double.isNaN(x)) {
                    n++;
                    double delta = x - m;
                    m += delta / n;
                    m2 += delta * (x - m);
                }
            }
            mean[j] = n == 0 ? 0 : m;
            double s = n == 0 ? 0 : Math.sqrt(m2 / n);
            sd[j] = s > 0 && Double.isFinite(s) ? s : 1;
        }
        return new Standardization(mean, sd);
    }

    /**
     * A principal-component analysis fitted on standardised rows.
     *
     * @param columns                the feature columns
     * @param mean                   per-column means used to standardise
     * @param sd                     per-column standard deviations used to standardise
     * @param loadings               [component][column], unit vectors, each signed so its largest entry is positive
     * @param explainedVarianceRatio per component, the share of the total variance it explains
     */
    public record Pca(List<String> columns, double[] mean, double[] sd, double[][] loadings, double[] explainedVarianceRatio) {
        public Pca {
            columns = List.copyOf(columns);
            mean = mean.clone();
            sd = sd.clone();
            loadings = Arrays.stream(loadings).map(double[]::clone).toArray(double[][]::new);
            explainedVarianceRatio = explainedVarianceRatio.clone();
            int d = columns.size();
            if (mean.length != d || sd.length != d || Arrays.stream(loadings).anyMatch(l -> l.length != d)
                    || explainedVarianceRatio.length != loadings.length) {
                throw new IllegalArgumentException("PCA arrays do not match " + d + " columns and " + loadings.length
                        + " components");
            }
        }

        @Override
        public double[] mean() {
            return mean.clone();
        }

        @Override
        public double[] sd() {
            return sd.clone();
        }

        @Override
        public double[][] loadings() {
            return Arrays.stream(loadings).map(double[]::clone).toArray(double[][]::new);
        }

        @Override
        public double[] explainedVarianceRatio() {
            return explainedVarianceRatio.clone();
        }

        /** The number of components. */
        public int components() {
            return loadings.length;
        }

        /** The component scores of one raw row (standardised first; NaN counts as the mean). */
        public double[] project(double[] raw) {
            if (raw.length != columns.size()) {
                throw new IllegalArgumentException(raw.length + " values for " + columns.size() + " columns");
            }
            double[] scores = new double[loadings.length];
            for (int j = 0; j < raw.length; j++) {
                double z = (raw[j] - mean[j]) / sd[j];
                if (Double.isNaN(z)) {
                    continue;
                }
                for (int c = 0; c < loadings.length; c++) {
                    scores[c] += loadings[c][j] * z;
                }
            }
            return scores;
        }

        /** The squared loadings [component][column]: how much each feature weighs in each component (sums to 1 per component). */
        public double[][] squaredLoadings() {
            double[][] sq = new double[loadings.length][];
            for (int c = 0; c < loadings.length; c++) {
                sq[c] = Arrays.stream(loadings[c]).map(v -> v * v).toArray();
            }
            return sq;
        }
    }

    /**
     * PCA with {@code components} components over {@code rows} (at least two): each column standardised
     * over those rows, missing values replaced by the column mean (0 after standardising), then an SVD
     * of the standardised matrix. A component's sign is fixed so that its largest loading is positive.
     * With fewer rows than columns, components beyond the rows' rank have zero loadings and ratio 0.
     */
    public Pca pca(int components, int[] rows) {
        checkRows(rows);
        int d = data.length;
        if (components < 1 || components > d) {
            throw new IllegalArgumentException("components must be in 1.." + d + ", was " + components);
        }
        if (rows.length < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 rows, got " + rows.length);
        }
        Standardization s = standardization(rows);
        double[] mean = s.mean();
        double[] sd = s.sd();
        double[][] z = new double[rows.length][d];
        for (int j = 0; j < d; j++) {
            double[] col = data[j];
            for (int i = 0; i < rows.length; i++) {
                double v = (col[rows[i]] - mean[j]) / sd[j];
                z[i][j] = Double.isNaN(v) ? 0 : v;
            }
        }
        RealMatrix matrix = new Array2DRowRealMatrix(z, false);
        SingularValueDecomposition svd = new SingularValueDecomposition(matrix);
        double[] singular = svd.getSingularValues();
        RealMatrix v = svd.getV();
        double total = 0;
        for (double sv : singular) {
            total += sv * sv;
        }
        int available = Math.min(components, singular.length);
        double[][] loadings = new double[components][d];
        double[] ratio = new double[components];
        for (int c = 0; c < available; c++) {
            double[] loading = v.getColumn(c);
            int largest = 0;
            for (int j = 1; j < d; j++) {
                if (Math.abs(loading[j]) > Math.abs(loading[largest])) {
                    largest = j;
                }
            }
            double sign = loading[largest] < 0 ? -1 : 1;
            for (int j = 0; j < d; j++) {
                loadings[c][j] = sign * loading[j] + 0.0; // + 0.0 turns -0.0 into 0.0
            }
            ratio[c] = total > 0 ? singular[c] * singular[c] / total : 0;
        }
        return new Pca(columns, mean, sd, loadings, ratio);
    }

    /** One result of {@link #nearest}: the row, its run and the weighted distance to the query. */
    public record Neighbor(int row, long run, double distance) {}

    /**
     * The {@code k} rows among {@code candidates} nearest to {@code query}, nearest first (ties: lower
     * row first). The squared distance is {@code Σ_j weights[j]·((x_ij − query_j)/scale[j])²}, where a
     * dimension in which the row or the query is missing adds {@code weights[j]} (one scale unit
     * apart); {@link Neighbor#distance()} is its square root. Scales must be positive, weights ≥ 0,
     * the query finite or NaN, the candidates distinct rows.
     */
    public List<Neighbor> nearest(double[] query, int k, double[] scale, double[] weights, int[] candidates) {
        int d = data.length;
        if (query.length != d || scale.length != d || weights.length != d) {
            throw new IllegalArgumentException("query, scale and weights need " + d + " values each, got " + query.length
                    + ", " + scale.length + ", " + weights.length);
        }
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, was " + k);
        }
        for (int j = 0; j < d; j++) {
            if (Double.isInfinite(query[j])) {
                throw new IllegalArgumentException("query value of " + columns.get(j) + " is " + query[j]);
            }
            if (!(scale[j] > 0) || Double.isInfinite(scale[j])) {
                throw new IllegalArgumentException("scale of " + columns.get(j) + " must be positive and finite, was " + scale[j]);
            }
            if (!(weights[j] >= 0) || Double.isInfinite(weights[j])) {
                throw new IllegalArgumentException("weight of " + columns.get(j) + " must be >= 0 and finite, was " + weights[j]);
            }
        }
        Objects.requireNonNull(candidates, "candidates"); // rows are checked by the scan, in the pass it makes anyway
        int n = candidates.length;
        double[] acc = DistanceScan.squaredDistances(data, clean, missingRows, runs.length, query, scale, weights, candidates);
        NearestHeap heap = new NearestHeap(Math.min(k, n));
        for (int i = 0; i < n; i++) {
            heap.offer(acc[i], candidates[i]);
        }
        int[] rows = new int[heap.size()];
        double[] dist = new double[heap.size()];
        int found = heap.drainAscending(rows, dist);
        List<Neighbor> out = new ArrayList<>(found);
        for (int i = 0; i < found; i++) {
            out.add(new Neighbor(rows[i], runs[rows[i]], Math.sqrt(dist[i])));
        }
        return out;
    }

    private void checkRows(int[] rows) {
        Objects.requireNonNull(rows, "rows");
        for (int r : rows) {
            if (r < 0 || r >= runs.length) {
                throw new IllegalArgumentException("row " + r + " is outside 0.." + (runs.length - 1));
            }
        }
    }
}
