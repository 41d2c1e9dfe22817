package org.runops.datalogger.stats;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Statistics databases with hand-picked values (exact in binary, so sums print the same in Java and Python). */
final class StatsFixtures {
    static final double DAY1 = 1583798400.0; // 2020-03-10+00:00:00 read as UTC
    static final double DAY2 = 1583884800.0;

    private StatsFixtures() {}

    /** B:VIMIN on two days, B|GMPSSC (with its interval statistics) on the first, std undefined; from the acl backend. */
    static Path twoDevices(Path dir) {
        return twoDevices(dir, "acl");
    }

    /** As {@link #twoDevices(Path)}, the second day's file made by {@code day2Backend}. */
    static Path twoDevices(Path dir, String day2Backend) {
        Path db = dir.resolve("GMPSAI.db");
        try (StatsDatabase stats = StatsDatabase.open(db)) {
            stats.store(file("day1.h5", DAY1, "acl", 2), List.of(
                    new ParameterStats("B:VIMIN", 1000, 103.6, 0.5, 100.75, 106.0, 103.5),
                    new ParameterStats("Interval_B:VIMIN", 999, 0.0667, 0.001, 0.066, 0.067, 0.0667),
                    new ParameterStats("B|GMPSSC", 1, 7.0, Double.NaN, 7.0, 7.0, 7.0),
                    new ParameterStats("Interval_B|GMPSSC", 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN)));
            stats.store(file("day2.h5", DAY2, day2Backend, 1), List.of(
                    new ParameterStats("B:VIMIN", 1000, 103.5, 0.25, 101.0, 105.75, 103.5)));
        }
        return db;
    }

    private static DistilledFile file(String name, double key, String backend, int series) {
        return new DistilledFile(name, key, backend, null, null, Instant.parse("2026-12-03T14:00:00Z"), series);
    }
}
