package org.runops.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.runops.core.events.DaqRunDirectory;
import org.runops.testing.FffRunDirectoryWriter;

/**
 * The DAQ event total of a run directory with 10,000 index {@code .jsn} files (100 lumisections of
 * 100 files, no EoR so the index files must be summed, EoLS cross-checks included), beside
 * {@code readOnly}: listing the same directory and reading the same bytes (every {@code .jsn} and
 * the definitions) without parsing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DaqJsonCountBenchmark {
    private static final int LUMIS = 100;
    private static final int FILES_PER_LUMI = 100;

    private Path storage;
    private Path runDirectory;

    @Setup(Level.Trial)
    public void setUp() {
        storage = BenchmarkFiles.tempDirectory("runops-bench-daq-");
        FffRunDirectoryWriter writer = FffRunDirectoryWriter.create(storage, 338999).endOfRun(false);
        long[] perFile = new long[FILES_PER_LUMI];
        for (int i = 0; i < perFile.length; i++) {
            perFile[i] = 1000 + i;
        }
        for (int ls = 1; ls <= LUMIS; ls++) {
            writer.lumiSection(ls, perFile);
        }
        runDirectory = writer.write();
        long expected = (long) LUMIS * FILES_PER_LUMI * 1000 + (long) LUMIS * (FILES_PER_LUMI * (FILES_PER_LUMI - 1) / 2);
        if (daqCount() != expected) {
            throw new IllegalStateException("expected " + expected + " events, counted " + daqCount());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        BenchmarkFiles.deleteRecursively(storage);
    }

    @Benchmark
    public long daqCount() {
        return DaqRunDirectory.scan(runDirectory).expectedEvents().orElse(-1);
    }

    @Benchmark
    public long readOnly() throws IOException {
        long bytes = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(runDirectory)) {
            for (Path p : entries) {
                if (p.getFileName().toString().endsWith(".jsn")) {
                    bytes += Files.readAllBytes(p).length;
                }
            }
        }
        bytes += Files.readAllBytes(runDirectory.resolve("jsd/rawData.jsd")).length;
        bytes += Files.readAllBytes(runDirectory.resolve("jsd/EoLS.jsd")).length;
        return bytes;
    }
}
