package org.runops.datalogger.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The statistics of one series in one data file: a device's values, or under {@code Interval_<device>} the
 * time between its consecutive samples. Undefined statistics are NaN (see {@link StreamingStats}).
 */
public record ParameterStats(String param, long count, double mean, double std, double min, double max, double mode) {
    /** The paramname prefix the original gives a device's sample-interval statistics. */
    public static final String INTERVAL_PREFIX = "Interval_";

    public ParameterStats {
        Objects.requireNonNull(param, "param");
        if (param.isBlank()) {
            throw new IllegalArgumentException("parameter name is blank");
        }
        if (count < 0) {
            throw new IllegalArgumentException("negative count " + count + " for " + param);
        }
    }

    /**
     * The rows as {@code statname → statval}, in the original's order ({@code mode, std, min, max}) followed
     * by the two it computed but never stored ({@code mean, count}).
     */
    public Map<String, Double> byStatName() {
        Map<String, Double> stats = new LinkedHashMap<>();
        stats.put("mode", mode);
        stats.put("std", std);
        stats.put("min", min);
        stats.put("max", max);
        stats.put("mean", mean);
        stats.put("count", (double) count);
        return stats;
    }
}
