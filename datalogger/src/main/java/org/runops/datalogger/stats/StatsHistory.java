package org.runops.datalogger.stats;

import java.util.Objects;

/**
 * One parameter's stored statistics over time, aligned on the key times ({@code epochUTCsec}, ascending);
 * a statistic missing or undefined at a time is NaN.
 */
public record StatsHistory(String param, double[] epochUTCsec, double[] max, double[] mode, double[] std, double[] min) {
    public StatsHistory {
        Objects.requireNonNull(param, "param");
        int n = epochUTCsec.length;
        if (max.length != n || mode.length != n || std.length != n || min.length != n) {
            throw new IllegalArgumentException("statistics of " + param + " are not aligned on its " + n + " times");
        }
        epochUTCsec = epochUTCsec.clone();
        max = max.clone();
        mode = mode.clone();
        std = std.clone();
        min = min.clone();
    }

    public int size() {
        return epochUTCsec.length;
    }

    @Override
    public double[] epochUTCsec() {
        return epochUTCsec.clone();
    }

    @Override
    public double[] max() {
        return max.clone();
    }

    @Override
    public double[] mode() {
        return mode.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    @Override
    public double[] min() {
        return min.clone();
    }

    /** {@code mode + std} element-wise (the original's {@code +1sigma}). */
    public double[] plusSigma() {
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = mode[i] + std[i];
        }
        return out;
    }

    /** {@code mode − std} element-wise (the original's {@code -1sigma}). */
    public double[] minusSigma() {
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = mode[i] - std[i];
        }
        return out;
    }
}
