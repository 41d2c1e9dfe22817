package org.runops.benchmarks;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.runops.datalogger.DataFileHeader;
import org.runops.datalogger.DataFileReader;
import org.runops.datalogger.DataFiles;
import org.runops.datalogger.StoredSeries;
import org.runops.datalogger.TimeWindow;
import org.runops.datalogger.stats.DistillLimits;
import org.runops.datalogger.stats.DistillOutcome;
import org.runops.datalogger.stats.StatsDatabase;
import org.runops.datalogger.stats.StatsDistiller;

/**
 * {@code runops datalogger distill} of one generated day of 15 Hz data (47 devices, as ParamList.txt:
 * 24 h × 15 Hz × 47 = 60.9 M samples, a 1 GB runops HDF5 file written once per trial by
 * {@link DataFiles#writeHdf5}), beside {@code scan}: the same file opened and every series streamed
 * through {@link DataFileReader#scan} into a sum, with no statistics. The ratio is what the single
 * statistics pass (and the SQLite transaction) costs on top of reading. Time per whole file; samples/s
 * = samples / time (the setup prints the sample count).
 *
 * <p>Data: two of three devices hold a few levels (most logged channels are constant or switch between
 * settings); every third is noisy, rounded to 1e-4 of its range (tens of thousands of distinct values, so the
 * mode's count map grows as it does on real readbacks). {@code 3x1min} is the tiny case for the smoke test.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class StatsDistillBenchmark {
    private static final double HZ = 15.0;
    private static final Instant START = Instant.parse("2020-03-10T05:00:00Z");

    @Param({"47x24h", "3x1min"})
    public String dataset;

    private Path dir;
    private Path file;
    private Path db;
    private long samples;

    @Setup(Level.Trial)
    public void writeDay() {
        String[] parts = dataset.split("x");
        int devices = Integer.parseInt(parts[0]);
        int perDevice = parts[1].equals("24h") ? (int) (24 * 3600 * HZ) : (int) (60 * HZ);
        dir = BenchmarkFiles.tempDirectory("runops-bench-distill-");
        file = dir.resolve("MLParamData_1583906408.0_From_MLrn_2020-03-10+00:00:00_to_2020-03-11+00:00:00.h5");
        db = dir.resolve("GMPSAI.db");
        SplittableRandom random = new SplittableRandom(42);
        List<StoredSeries> series = new ArrayList<>(devices);
        double t0 = START.getEpochSecond();
        for (int d = 0; d < devices; d++) {
            double[] t = new double[perDevice];
            double[] v = new double[perDevice];
            double level = 100.0 * (d + 1);
            for (int i = 0; i < perDevice; i++) {
                t[i] = t0 + i / HZ + random.nextInt(3) * 0.001; // ms jitter, as logged times have
                v[i] = d % 3 == 2 ? Math.rint((level + random.nextGaussian() * 5) * 1e4) / 1e4 : level + (i / 54_000) % 4;
            }
            series.add(new StoredSeries("B:DEV" + d, t, v, Map.of()));
        }
        DataFiles.writeHdf5(file, new DataFileHeader(DataFileHeader.PARAMS, "simulated",
                new TimeWindow(START, START.plusSeconds(86400)), START.plusSeconds(90000)), series);
        samples = (long) devices * perDevice;
        System.out.printf("%n%s: %,d samples in %s%n", dataset, samples, file);
    }

    @TearDown(Level.Trial)
    public void deleteDay() {
        BenchmarkFiles.deleteRecursively(dir);
    }

    @Benchmark
    public DistillOutcome distill() {
        try (StatsDatabase stats = StatsDatabase.open(db)) {
            DistillOutcome outcome = new StatsDistiller(stats, DataFiles::open, Clock.fixed(START, ZoneOffset.UTC), DistillLimits.NONE)
                    .distill(file);
            if (!outcome.ok()) {
                throw new IllegalStateException(outcome.problem().orElseThrow());
            }
            return outcome;
        }
    }

    @Benchmark
    public void scan(Blackhole bh) {
        long[] seen = new long[1];
        double[] sum = new double[1];
        try (DataFileReader reader = DataFiles.open(file)) {
            for (String key : reader.keys()) {
                reader.scan(key, (t, v, n) -> {
                    for (int i = 0; i < n; i++) {
                        sum[0] += t[i] + v[i];
                    }
                    seen[0] += n;
                });
            }
        }
        if (seen[0] != samples) {
            throw new IllegalStateException("scanned " + seen[0] + " samples, wrote " + samples);
        }
        bh.consume(sum[0]);
    }
}
