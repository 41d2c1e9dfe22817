package org.runops.datalogger.stats;

/**
 * One pass over a stream of values: count, mean, sample standard deviation (n−1), min, max and mode,
 * matching what the original script got from pandas. Memory is constant except for the mode's value
 * counts, one primitive slot per distinct value.
 *
 * <p>Values come one at a time ({@link #add}, Welford's update) or a block at a time ({@link #addAll}: the
 * block's mean and squared deviations in two passes over the array, merged into the running ones with
 * Chan et al.'s formula — no division per value, and as stable). Runs of equal values, common in logged
 * data, are counted once for the mode.
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
    private double runValue;
    private long runLength;

    public void add(double value) {
        if (Double.isNaN(value)) {
            return;
        }
        count++;
        double delta = value - mean;
        mean += delta / count;
        sumSquaredDeviations += delta * (value - mean);
        extremes(value);
        countForMode(value);
    }

    /** Adds {@code values[0..length)}. */
    public void addAll(double[] values, int length) {
        // sums of differences from a shift near the data keep the precision that a large offset (1e9 s) would eat
        double shift = count > 0 ? mean : firstNumber(values, length);
        long n = 0;
        double sum = 0;
        for (int i = 0; i < length; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                continue;
            }
            n++;
            sum += v - shift;
            extremes(v);
            countForMode(v);
        }
        if (n == 0) {
            return;
        }
        double blockMean = shift + sum / n;
        double blockSquares = 0;
        for (int i = 0; i < length; i++) {
            double d = values[i] - blockMean;
            if (d == d) { // not NaN
                blockSquares += d * d;
            }
        }
        if (count == 0) {
            mean = blockMean;
            sumSquaredDeviations = blockSquares;
        } else {
            long total = count + n;
            double delta = blockMean - mean;
            mean += delta * n / total;
            sumSquaredDeviations += blockSquares + delta * delta * ((double) count * n / total);
        }
        count += n;
    }

    private static double firstNumber(double[] values, int length) {
        for (int i = 0; i < length; i++) {
            if (!Double.isNaN(values[i])) {
                return values[i];
            }
        }
        return 0;
    }

    private void extremes(double value) {
        if (Double.isNaN(min)) {
            min = value;
            max = value;
        } else if (value < min) {
            min = value;
        } else if (value > max) {
            max = value;
        }
    }

    private void countForMode(double value) {
        double v = value + 0.0; // -0.0 + 0.0 is 0.0
        if (runLength > 0 && v == runValue) {
            runLength++;
            return;
        }
        if (runLength > 0) {
            valueCounts.add(runValue, runLength);
        }
        runValue = v;
        runLength = 1;
    }

    /** The statistics of the values added so far, under {@code param}. */
    public ParameterStats result(String param) {
        if (runLength > 0) {
            valueCounts.add(runValue, runLength);
            runLength = 0;
        }
        return new ParameterStats(param, count, count == 0 ? Double.NaN : mean, std(), min, max, valueCounts.mode());
    }

    private double std() {
        if (count < 2) {
            return Double.NaN;
        }
        return Math.sqrt(Math.max(0.0, sumSquaredDeviations / (count - 1)));
    }
}
