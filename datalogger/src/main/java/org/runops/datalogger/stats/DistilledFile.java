package org.runops.datalogger.stats;

import java.time.Instant;
import java.util.Objects;

/**
 * Where one file's statistics came from, kept beside them in {@code runops_distilled_files}: the file,
 * its key time, the backend that made it (so simulated data can never pass for real), the window its
 * attributes state ({@code null} for legacy files without attributes) and when it was distilled.
 */
public record DistilledFile(String file, double epochUTCsec, String backend, String windowStart, String windowEnd,
                            Instant distilledAt, int series) {
    /** The backend recorded for files whose attributes do not name one (the original scripts' files). */
    public static final String UNKNOWN_BACKEND = "unknown";
    /** The backend name the simulated backend records in data files. */
    public static final String SIMULATED_BACKEND = "simulated";

    public DistilledFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(distilledAt, "distilledAt");
        if (Double.isNaN(epochUTCsec)) {
            throw new IllegalArgumentException("key time of " + file + " is NaN");
        }
        if (series < 0) {
            throw new IllegalArgumentException("negative series count " + series + " for " + file);
        }
    }

    /** Whether the statistics came from the simulated backend. */
    public boolean simulated() {
        return isSimulated(backend);
    }

    static boolean isSimulated(String backend) {
        return SIMULATED_BACKEND.equals(backend);
    }
}
