package org.runops.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.runops.core.refrun.FeatureTable;

/**
 * {@code FeatureTable.nearest}: the 10 nearest of {@code candidates} rows with {@code dimensions}
 * features (random Gaussian data, fixed seed, 5 % missing), beside {@code stream}: the same
 * column-by-column pass over the same values through the same candidate list, only adding each value
 * into a per-candidate buffer (no arithmetic, no missing-value handling, no selection).
 * {@code pool}: every row, or a random 5 % of them (the recommender's case: a pool of references in
 * a larger table of runs, which takes the scan's few-candidates path).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FeatureDistanceBenchmark {
    private static final int K = 10;

    @Param({"1000", "10000", "100000"})
    public int candidates;

    @Param({"8", "32"})
    public int dimensions;

    @Param({"all", "5pct"})
    public String pool;

    private FeatureTable table;
    private double[][] columns; // the same values, column-major, for the baseline
    private int[] rows;
    private double[] query;
    private double[] scale;
    private double[] weights;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(42);
        List<String> names = new ArrayList<>();
        for (int j = 0; j < dimensions; j++) {
            names.add("f" + j);
        }
        FeatureTable.Builder builder = FeatureTable.builder(names);
        columns = new double[dimensions][candidates];
        for (int i = 0; i < candidates; i++) {
            double[] row = new double[dimensions];
            for (int j = 0; j < dimensions; j++) {
                row[j] = random.nextDouble() < 0.05 ? Double.NaN : random.nextGaussian() * (j + 1);
                columns[j][i] = row[j];
            }
            builder.add(300_000L + i, row);
        }
        table = builder.build();
        rows = pool.equals("all") ? table.allRows() : fivePercent(random);
        query = table.row(candidates / 2);
        FeatureTable.Standardization s = table.standardization(rows);
        scale = s.sd();
        weights = new double[dimensions];
        java.util.Arrays.fill(weights, 1);
        if (nearest().size() != K || nearest().get(0).run() != table.run(candidates / 2)) {
            throw new IllegalStateException("the query row must be its own nearest neighbour");
        }
    }

    /** A random 5 % of the rows, in random order, always holding the query row. */
    private int[] fivePercent(Random random) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < candidates; i++) {
            all.add(i);
        }
        java.util.Collections.shuffle(all, random);
        List<Integer> picked = new ArrayList<>(all.subList(0, candidates / 20));
        if (!picked.contains(candidates / 2)) {
            picked.set(0, candidates / 2);
        }
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }

    @Benchmark
    public List<FeatureTable.Neighbor> nearest() {
        return table.nearest(query, K, scale, weights, rows);
    }

    @Benchmark
    public double[] stream() {
        double[] acc = new double[rows.length];
        for (double[] col : columns) {
            for (int i = 0; i < rows.length; i++) {
                acc[i] += col[rows[i]];
            }
        }
        return acc;
    }
}
