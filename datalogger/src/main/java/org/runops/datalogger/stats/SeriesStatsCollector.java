package org.runops.datalogger.stats;

import org.runops.datalogger.SampleBlockConsumer;

/**
 * Collects, in the same single scan of one series, the statistics of its values and of the time between
 * consecutive samples ({@code diff()} of the time column, as the original: an interval next to a NaN time
 * is NaN and therefore skipped). Optionally looks at only the first {@code maxRows} samples ({@code --quick}).
 */
public final class SeriesStatsCollector implements SampleBlockConsumer {
    private final StreamingStats values = new StreamingStats();
    private final StreamingStats intervals = new StreamingStats();
    private final long maxRows;
    private long rows;
    private double previousTime = Double.NaN;

    public SeriesStatsCollector(long maxRows) {
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows must not be negative: " + maxRows);
        }
        this.maxRows = maxRows;
    }

    /** Looks at every sample. */
    public SeriesStatsCollector() {
        this(Long.MAX_VALUE);
    }

    @Override
    public void accept(double[] utcSeconds, double[] samples, int length) {
        int n = (int) Math.min(length, maxRows - rows);
        for (int i = 0; i < n; i++) {
            double t = utcSeconds[i];
            if (rows + i > 0) {
                intervals.add(t - previousTime);
            }
            previousTime = t;
            values.add(samples[i]);
        }
        rows += Math.max(n, 0);
    }

    /** Samples looked at, NaN values included. */
    public long rows() {
        return rows;
    }

    public ParameterStats values(String device) {
        return values.result(device);
    }

    public ParameterStats intervals(String device) {
        return intervals.result(ParameterStats.INTERVAL_PREFIX + device);
    }
}
