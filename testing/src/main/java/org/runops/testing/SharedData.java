package org.runops.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The read-only real data in {@code ../shared/data}, read in place. Tests that use it call
 * {@link #require(String)}, which skips the test (not fails it) when {@code ../shared} is absent.
 */
public final class SharedData {

    private SharedData() {}

    /** Root of {@code shared/}: the {@code runops.shared} system property (set by the build), else {@code ../../shared}. */
    public static Path root() {
        String configured = System.getProperty("runops.shared");
        return configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
    }

    public static boolean available() {
        return Files.isDirectory(root().resolve("data"));
    }

    /** {@code shared/data/<relative>}, skipping the calling test when it is not there. */
    public static Path require(String relative) {
        Path p = root().resolve("data").resolve(relative);
        assumeTrue(Files.exists(p), () -> "skipped: shared test data not found at " + p.toAbsolutePath());
        return p;
    }
}
