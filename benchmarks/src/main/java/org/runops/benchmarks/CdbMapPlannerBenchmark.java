package org.runops.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
import org.runops.calo.CatalogFile;
import org.runops.calo.CatalogQuery;
import org.runops.calo.CdbLookup;
import org.runops.calo.CdbMapPlanner;
import org.runops.calo.FileCatalog;
import org.runops.calo.FileCatalogSettings;
import org.runops.calo.Plan;
import org.runops.calo.PlanOptions;
import org.runops.calo.RestCdbLookup;
import org.runops.calo.RunCdbState;
import org.runops.calo.RunTag;
import org.runops.calo.RunType;
import org.runops.calo.internal.DemoFileCatalog;
import org.runops.calo.internal.FileCatalogTables;
import org.runops.core.exec.batch.BatchSystem;

/**
 * A whole {@link CdbMapPlanner#plan}: {@code planRuns} runs × {@value #SEGMENTS} HIST_CALOQA files from an
 * embedded H2 FileCatalog (PostgreSQL mode, the inferred schema; one tag, a DST_CALO row of 300,000 events
 * per segment, a 500,000-event threshold), the CDB asked over loopback ({@link LoopbackCdb}: 3 runs in 4
 * need maps), and the files of the runs needing maps checked on disk ({@link org.runops.calo.FileValidator}
 * defaults; the files are 1-byte files, the catalogue an H2 file beside them, written once: see
 * {@code reuseFixture}). The run type keeps
 * the name run3auau but spans {@code planRuns} runs from 66457: the real run3auau range holds 12,498.
 *
 * <p>{@code planRest}: the CDB asked by {@link RestCdbLookup}, one GET per run, {@code concurrency} at a
 * time. Baseline {@code planSequentialPerMap}: the same plan with the original's way of asking — one GET per
 * (run, map), one after the other ({@link SequentialPerMapCdbLookup}), so 7× the requests. Single-shot time
 * of a whole plan; runs/s = {@code planRuns} / score. Each iteration prints how much of the plan was spent
 * in the CDB check ("cdb share"), in the catalogue query, and in the rest (mostly the file checks). The
 * baseline runs once, without warm-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", LoopbackCdb.NO_DELAY})
public class CdbMapPlannerBenchmark {
    private static final String TAG = "new_newcdbtag_v008";
    private static final long FIRST_RUN = 66457;
    private static final int SEGMENTS = 10;
    private static final long EVENTS_PER_SEGMENT = 300_000;

    @Param({"20000"})
    public int planRuns;

    @Param({"8"})
    public int concurrency;

    /**
     * Keep the catalogue and files in {@code <java.io.tmpdir>/runops-plan-bench-<planRuns>} for the next fork
     * and run (writing 200,000 files takes minutes on a busy disk); {@code false}: a fresh temporary
     * directory, deleted at the end.
     */
    @Param({"true"})
    public boolean reuseFixture;

    private Path root;
    private Connection keeper;
    private TimedFileCatalog catalog;
    private LoopbackCdb server;
    private RestCdbLookup rest;
    private TimedCdbLookup timedRest;
    private TimedCdbLookup timedBaseline;
    private BatchSystem batch;
    private CdbMapPlanner restPlanner;
    private CdbMapPlanner baselinePlanner;
    private PlanOptions options;
    private long planNanos;

    @Setup(Level.Trial)
    public void setUp() throws IOException, SQLException {
        List<RunTag> runs = new ArrayList<>(planRuns);
        for (long run = FIRST_RUN; run < FIRST_RUN + planRuns; run++) {
            runs.add(new RunTag(run, TAG));
        }
        root = reuseFixture ? Path.of(System.getProperty("java.io.tmpdir"), "runops-plan-bench-" + planRuns)
                : Files.createTempDirectory("runops-plan-bench");
        Path complete = root.resolve("complete");
        if (!Files.exists(complete)) {
            delete(root); // a fixture left half-written
        }
        String url = "jdbc:h2:file:" + root.resolve("catalog").toAbsolutePath() + DemoFileCatalog.H2_POSTGRESQL_MODE;
        keeper = DriverManager.getConnection(url); // keeps the database open between the plans' connections
        if (!Files.exists(complete)) {
            seed(FileCatalogTables.on(keeper).createTables(), runs);
            Files.writeString(complete, planRuns + " runs x " + SEGMENTS + " files\n");
        }
        RunType runType = new RunType("run3auau", FIRST_RUN, FIRST_RUN + planRuns - 1);
        catalog = new TimedFileCatalog(FileCatalogSettings.builder(url).runTypes(List.of(runType)).queryTimeout(Duration.ofMinutes(10)).build());
        options = PlanOptions.of(runType).withMinEvents(500_000).withMaxRuns(planRuns);

        server = LoopbackCdb.start(runs, Math.max(8, concurrency), 0);
        rest = RestCdbLookup.builder(server.baseUrl()).globalTag(LoopbackCdb.GLOBAL_TAG).concurrency(concurrency).build();
        timedRest = new TimedCdbLookup(rest);
        timedBaseline = new TimedCdbLookup(new SequentialPerMapCdbLookup(rest));
        batch = BatchSystem.local(1);
        restPlanner = planner(timedRest);
        baselinePlanner = planner(timedBaseline);
    }

    private CdbMapPlanner planner(CdbLookup cdb) {
        // plan() neither writes nor submits: the output directory and batch system are never used
        return CdbMapPlanner.builder().catalog(catalog).cdb(cdb).batch(batch).output(root.resolve("plans")).build();
    }

    /** The catalogue rows, in one transaction, and the HIST files. */
    private void seed(FileCatalogTables tables, List<RunTag> runs) throws IOException, SQLException {
        keeper.setAutoCommit(false);
        Instant registered = Instant.parse("2025-07-01T00:00:00Z");
        for (RunTag r : runs) {
            long run = r.run();
            long lower = run - run % 100;
            Path dir = Files.createDirectories(root.resolve(String.format(Locale.ROOT, "run_%08d_%08d", lower, lower + 100)));
            for (int seg = 0; seg < SEGMENTS; seg++) {
                String lfn = lfn("HIST_CALOQA", run, seg);
                Path file = Files.write(dir.resolve(lfn), new byte[] {1});
                tables.file(lfn, "gpfs", file.toString(), registered, 1)
                        .dataset(lfn, run, seg, "run3auau", "HIST_CALOQA", null, TAG)
                        .dataset(lfn("DST_CALO", run, seg), run, seg, "run3auau", "DST_CALO", EVENTS_PER_SEGMENT, TAG);
            }
        }
        keeper.commit();
        keeper.setAutoCommit(true);
    }

    private static String lfn(String dstType, long run, int seg) {
        return String.format(Locale.ROOT, "%s_run3auau_%s-%08d-%05d.root", dstType, TAG, run, seg);
    }

    @TearDown(Level.Iteration)
    public void cdbShare() {
        TimedCdbLookup used = timedRest.nanos > 0 ? timedRest : timedBaseline;
        System.out.printf(Locale.ROOT, "%ncdb share: %.1f %% (CDB check %d ms, catalogue query %d ms, files and the rest %d ms;"
                + " plan %d ms)%n", 100.0 * used.nanos / planNanos, used.nanos / 1_000_000, catalog.nanos / 1_000_000,
                (planNanos - used.nanos - catalog.nanos) / 1_000_000, planNanos / 1_000_000);
        catalog.nanos = 0;
        timedRest.nanos = 0;
        timedBaseline.nanos = 0;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException, SQLException {
        timedBaseline.close();
        timedRest.close();
        batch.close();
        server.close();
        catalog.close();
        keeper.close();
        if (!reuseFixture) {
            delete(root);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public int planRest() {
        return checked(restPlanner);
    }

    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public int planSequentialPerMap() {
        return checked(baselinePlanner);
    }

    private int checked(CdbMapPlanner planner) {
        long start = System.nanoTime();
        Plan plan = planner.plan(options);
        planNanos = System.nanoTime() - start;
        int expected = LoopbackCdb.needingMaps(planRuns);
        long files = plan.tasks().stream().mapToLong(t -> t.files().size()).sum();
        if (plan.catalogRuns().size() != planRuns || plan.tasks().size() != expected || files != (long) expected * SEGMENTS
                || !plan.deferred().isEmpty() || !plan.missingFiles().isEmpty()) {
            throw new IllegalStateException("plan of " + plan.catalogRuns().size() + " runs: " + plan.tasks().size() + " tasks, " + files
                    + " files, " + plan.deferred().size() + " deferred, " + plan.missingFiles().size() + " missing; expected "
                    + planRuns + " runs, " + expected + " tasks of " + SEGMENTS + " files");
        }
        return plan.tasks().size();
    }

    /** Adds up the time spent in the catalogue query. */
    private static final class TimedFileCatalog implements FileCatalog {
        private final FileCatalog catalog;
        private long nanos;

        TimedFileCatalog(FileCatalogSettings settings) {
            this.catalog = FileCatalog.jdbc(settings);
        }

        @Override
        public List<CatalogFile> winningFiles(CatalogQuery query) {
            long start = System.nanoTime();
            try {
                return catalog.winningFiles(query);
            } finally {
                nanos += System.nanoTime() - start;
            }
        }

        @Override
        public String describe() {
            return catalog.describe();
        }

        @Override
        public void close() {
            catalog.close();
        }
    }

    /** Adds up the time spent in {@code check}: the plan's wait on the CDB. */
    private static final class TimedCdbLookup implements CdbLookup {
        private final CdbLookup cdb;
        private long nanos;

        TimedCdbLookup(CdbLookup cdb) {
            this.cdb = cdb;
        }

        @Override
        public List<RunCdbState> check(List<RunTag> runs, List<CalibrationSpec> calibrations) {
            long start = System.nanoTime();
            try {
                return cdb.check(runs, calibrations);
            } finally {
                nanos += System.nanoTime() - start;
            }
        }

        @Override
        public String describe() {
            return cdb.describe();
        }

        @Override
        public void close() {
            cdb.close();
        }
    }
}
