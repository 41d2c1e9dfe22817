package org.runops.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
import org.runops.calo.CalibrationSpec;
import org.runops.calo.CdbLookup;
import org.runops.calo.RestCdbLookup;
import org.runops.calo.RunCdbState;
import org.runops.calo.RunTag;

/**
 * Plan-side CDB checking of {@code cdbRuns} runs × the 7 default calibrations against a REST CDB on loopback
 * ({@link LoopbackCdb}: pre-rendered positional rows, 8 server threads, each answer after {@code serverLatencyMs}).
 * {@code restConcurrent}: {@link RestCdbLookup}, one GET per run answering all 7 maps, {@code concurrency}
 * runs at a time. Baseline {@code sequentialPerMap}: what the original does — one GET per (run, map), one
 * after the other (7× the requests) — parsed and judged by the same code ({@link SequentialPerMapCdbLookup}).
 * Single-shot time of a whole check; runs/s = {@code cdbRuns} / score. Both methods must find the same
 * number of runs needing maps (3 in 4). The baseline runs once (no warm-up): it takes 7× as long, and the
 * whole benchmark must stay under two minutes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = LoopbackCdb.NO_DELAY)
public class CdbLookupBenchmark {
    private static final String TAG = "new_newcdbtag_v008";
    private static final long FIRST_RUN = 66457;
    private static final List<CalibrationSpec> MAPS = CalibrationSpec.DEFAULTS;

    @Param({"20000"})
    public int cdbRuns;

    @Param({"8"})
    public int concurrency;

    /** Time the server spends on each answer (a real CDB's query and the network); 0 = loopback only, CPU-bound. */
    @Param({"0"})
    public int serverLatencyMs;

    private LoopbackCdb server;
    private List<RunTag> runs;
    private RestCdbLookup lookup;
    private CdbLookup baseline;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        runs = new ArrayList<>(cdbRuns);
        for (int i = 0; i < cdbRuns; i++) {
            runs.add(new RunTag(FIRST_RUN + i, TAG));
        }
        server = LoopbackCdb.start(runs, Math.max(8, concurrency), serverLatencyMs);
        lookup = RestCdbLookup.builder(server.baseUrl()).globalTag(LoopbackCdb.GLOBAL_TAG).concurrency(concurrency).build();
        baseline = new SequentialPerMapCdbLookup(lookup);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        baseline.close();
        lookup.close();
        server.close();
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public int restConcurrent() {
        return checked(lookup.check(runs, MAPS));
    }

    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public int sequentialPerMap() {
        return checked(baseline.check(runs, MAPS));
    }

    private int checked(List<RunCdbState> states) {
        int needing = 0;
        for (RunCdbState s : states) {
            if (s.undecided().isPresent()) {
                throw new IllegalStateException(s.undecided().get());
            }
            needing += s.needsMaps() ? 1 : 0;
        }
        if (needing != LoopbackCdb.needingMaps(cdbRuns)) {
            throw new IllegalStateException(needing + " runs need maps, expected " + LoopbackCdb.needingMaps(cdbRuns));
        }
        return needing;
    }
}
