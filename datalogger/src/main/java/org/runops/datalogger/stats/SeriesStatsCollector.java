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
    private double[] deltas = new double[0];

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
        if (n <= 0) {
            return;
        }
        if (deltas.length < n) {
            deltas = new double[n];
        }
        int m = 0;
        if (rows > 0) { // the file's first sample has no interval; a later block's first one follows the last block
            deltas[m++] = utcSeconds[0] - previousTime;
        }
        for (int i = 1; i < n; i++) {
            deltas[m++] = utcSeconds[i] - utcSeconds[i - 1];
        }
        previousTime = utcSeconds[n - 1];
        intervals.addAll(deltas, m);
        values.addAll(samples, n);
        rows += n;
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
