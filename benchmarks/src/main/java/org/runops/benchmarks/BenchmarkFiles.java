package org.runops.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where benchmark inputs come from: {@code ../shared/data} read in place, or files generated into a temp dir. */
final class BenchmarkFiles {
    private BenchmarkFiles() {}

    /** {@code shared/}: the {@code runops.shared} system property, else {@code ../shared} from the working directory. */
    static Path shared() {
        String configured = System.getProperty("runops.shared");
        return configured != null ? Path.of(configured) : Path.of("..", "shared");
    }

    static Path tempDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
