package org.runops.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import org.runops.core.exec.ProcessRunner;
import org.runops.strip.EmbeddedRunDatabase;
import org.runops.strip.PassReport;
import org.runops.strip.RunDecision;
import org.runops.strip.RunDatabase;
import org.runops.strip.StripConfig;
import org.runops.strip.StripPass;
import org.runops.testing.FffRunDirectoryWriter;
import org.runops.testing.RootFileWriter;
import org.runops.testing.StandInAnalysis;

/**
 * One commissioning pass over 10,000 run directories of which 9,900 are already in the good ledger
 * and {@code newRuns} are new (each analysed by a stand-in script run as a real process, then
 * validated and recorded), with an embedded H2 database. {@code newRuns=0} is the baseline: listing
 * the storage and reading the ledgers only. Ledgers, history and outputs are restored before each
 * pass (not timed).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class StripPassBenchmark {
    private static final int DIRECTORIES = 10_000;
    private static final long FIRST_RUN = 300_000;
    private static final LocalDateTime START = LocalDateTime.of(2026, 1, 1, 7, 0);
    private static final LocalDateTime END = LocalDateTime.of(2026, 1, 1, 8, 0);

    @Param({"100", "0"})
    public int newRuns;

    private Path root;
    private String ledger;
    private StripPass pass;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        root = BenchmarkFiles.tempDirectory("runops-bench-strip-");
        Path storage = Files.createDirectories(root.resolve("fff"));
        Path prepared = Files.createDirectories(root.resolve("prepared"));
        EmbeddedRunDatabase db = EmbeddedRunDatabase.inMemory("bench-" + System.nanoTime()).partition(1, "TI_27-JAN-2010_2");
        List<String> recorded = new ArrayList<>();
        int known = DIRECTORIES - newRuns;
        for (int i = 0; i < DIRECTORIES; i++) {
            long run = FIRST_RUN + i;
            if (i < known) {
                Files.createDirectories(storage.resolve(String.format(Locale.ROOT, "run%06d", run)));
                recorded.add("run" + run);
            } else {
                FffRunDirectoryWriter.create(storage, run).lumiSection(1, 100).write();
                db.run(run, 1, 2, START, END).analysis(run, run, 1, "PEDESTALS", 1L, 0L);
                RootFileWriter.create().tree("Events", 100).write(prepared.resolve("run" + run + ".root"));
            }
        }
        ledger = String.join("\n", recorded) + (recorded.isEmpty() ? "" : "\n");
        Path script = StandInAnalysis.create(prepared, storage).write(root.resolve("standin.sh"));
        StripConfig config = StripConfig.defaults("srv-bench").withDirectories(storage, root.resolve("Data"), root.resolve("ledgers"))
                .withAnalysisCommand(StandInAnalysis.command(script), Duration.ofMinutes(1));
        pass = new StripPass(config, RunDatabase.jdbc(db.dataSource()),
                Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC), ProcessRunner.create());
    }

    /** Back to 9,900 recorded runs and no outputs, so every pass does the same work. */
    @Setup(Level.Invocation)
    public void restore() throws IOException {
        BenchmarkFiles.deleteRecursively(root.resolve("ledgers"));
        BenchmarkFiles.deleteRecursively(root.resolve("Data"));
        Files.createDirectories(root.resolve("ledgers"));
        Files.writeString(root.resolve("ledgers/analyzedruns.txt"), ledger);
        for (int i = DIRECTORIES - newRuns; i < DIRECTORIES; i++) {
            long run = FIRST_RUN + i;
            Files.deleteIfExists(root.resolve("fff").resolve(String.format(Locale.ROOT, "run%06d", run)).resolve("run" + run + ".root"));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        BenchmarkFiles.deleteRecursively(root);
    }

    @Benchmark
    public PassReport pass() {
        PassReport report = pass.run(false);
        long good = report.results().stream().filter(r -> r.decision() == RunDecision.GOOD).count();
        if (good != newRuns) {
            throw new IllegalStateException("expected " + newRuns + " good runs, got " + report.counts() + ": " + report.results());
        }
        return report;
    }
}
