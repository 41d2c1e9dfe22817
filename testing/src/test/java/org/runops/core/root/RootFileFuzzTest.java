package org.runops.core.root;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.runops.testing.RootFileWriter;

/**
 * Any byte sequence opened as a ROOT file gives a result or a {@link RootFormatException}: never
 * another exception, a hang, or an allocation out of proportion (lengths read from the file are
 * checked against its size before anything is allocated).
 *
 * <p>{@code ./mvnw verify} runs the seed corpus in
 * {@code src/test/resources/org/runops/core/root/RootFileFuzzTestInputs/openAndCount/} (small files
 * made by {@link RootFileWriter}, see {@code FuzzSeeds}). A longer fuzzing run:
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -pl testing -am test -Dsurefire.failIfNoSpecifiedTests=false -Dtest=RootFileFuzzTest -Djazzer.max_duration=10m
 * </pre>
 * Findings are written next to the seeds; add them to the corpus once fixed.
 */
class RootFileFuzzTest {
    /** Generous: the largest legitimate allocation is one LZ4 block window (16 MiB) or an xz dictionary. */
    private static final long MAX_ALLOCATION = 128L << 20;
    private static final ThreadLocal<Path> FILE = ThreadLocal.withInitial(() -> {
        try {
            Path p = Files.createTempFile("runops-fuzz-", ".root");
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    });

    static {
        // Class loading and the decoders' one-time setup are not the input's allocation.
        try {
            Path warm = RootFileWriter.create().tree("Events", 1).write(Files.createTempFile("runops-fuzz-warm-", ".root"));
            try (RootFile f = RootFile.open(warm)) {
                f.entries("Events");
            }
            Files.delete(warm);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void openAndCount(byte[] data) throws IOException {
        Path file = Files.write(FILE.get(), data);
        long before = allocatedBytes();
        try (RootFile f = RootFile.open(file)) {
            f.isRecovered();
            f.zombieReason();
            for (RootKey key : f.keys()) {
                count(f, key.name());
            }
            count(f, "Events");
        }
        assertThat(allocatedBytes() - before).as("bytes allocated for a %d-byte input", data.length)
                .isLessThan(MAX_ALLOCATION);
    }

    private static void count(RootFile f, String tree) {
        try {
            f.entries(tree);
        } catch (RootFormatException expected) {
            // the documented outcome for a damaged tree
        }
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
