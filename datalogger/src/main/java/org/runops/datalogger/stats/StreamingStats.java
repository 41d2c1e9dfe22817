package org.runops.datalogger.stats;

/**
 * One pass over a stream of values: count, mean, sample standard deviation (n−1, Welford's update), min,
 * max and mode, matching what the original script got from pandas. Memory is constant except for the
 * mode's value counts, one primitive slot per distinct value.
 *
 * <p>As pandas does, NaN values are skipped by every statistic (and not counted). -0.0 and 0.0 are one
 * value for the mode (pandas hashes them together) and it is reported as 0.0. Of equal extremes the first
 * seen is kept, as numpy's reductions do. Undefined results are NaN: everything when no value was added,
 * the standard deviation when one was (pandas gives NaN for ddof=1 with n=1).
 */
public final class StreamingStats {
    private final DoubleCountMap valueCounts = new DoubleCountMap();
    private long count;
    private double mean;
    private double sumSquaredDeviations;
    private double min = Double.NaN;
    private double max = Double.NaN;

    public void add(double value) {
        if (Double.isNaN(value)) {
            return;
        }
        count++;
        double delta = value - mean;
        mean += delta / count;
        sumSquaredDeviations += delta * (value - mean);
        if (count == 1) {
            min = value;
            max = value;
        } else if (value < min) {
            min = value;
        } else if (value > max) {
            max = value;
        }
        valueCounts.increment(value + 0.0); // -0.0 + 0.0 is 0.0
    }

    /** The statistics of the values added so far, under {@code param}. */
    public ParameterStats result(String param) {
        return new ParameterStats(param, count, count == 0 ? Double.NaN : mean, std(), min, max, valueCounts.mode());
    }

    private double std() {
        if (count < 2) {
            return Double.NaN;
        }
        return Math.sqrt(Math.max(0.0, sumSquaredDeviations / (count - 1)));
    }
}
