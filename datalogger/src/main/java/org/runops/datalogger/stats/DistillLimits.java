package org.runops.datalogger.stats;

/**
 * How much of each file {@link StatsDistiller} looks at: the original's {@code --quick} reads only the first
 * {@code maxParams} series and the first {@code maxRows} samples of each. {@code 0} means no limit.
 */
public record DistillLimits(int maxParams, int maxRows) {
    /** Everything. */
    public static final DistillLimits NONE = new DistillLimits(0, 0);
    /** The original's {@code --quick} defaults. */
    public static final DistillLimits QUICK = new DistillLimits(2, 100);

    public DistillLimits {
        if (maxParams < 0 || maxRows < 0) {
            throw new IllegalArgumentException("limits must not be negative: maxParams " + maxParams + ", maxRows " + maxRows);
        }
    }
}
