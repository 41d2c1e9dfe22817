package org.runops.certhelper;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The real Certhelper dumps and feature tables in {@code ../shared/data/refrun}, read in place; tests skip without them. */
final class RefrunData {
    private RefrunData() {}

    /** {@code shared/data/refrun/<relative>}, skipping the calling test when it is not there. */
    static Path require(String relative) {
        String configured = System.getProperty("runops.shared");
        Path p = (configured != null ? Path.of(configured) : Path.of("..", "..", "shared")).resolve("data/refrun").resolve(relative);
        Assumptions.assumeTrue(Files.exists(p), () -> "skipped: shared test data not found at " + p.toAbsolutePath());
        return p;
    }

    /** The March 2024 Certhelper dump (10,448 rows). */
    static Path march2024() {
        return require("ReferenceRunRank/AllRunsRefRuns_Mar5_2024.json");
    }
}
