package org.runops.datalogger;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The samples of one device over one window: UTC epoch seconds (millisecond resolution from the
 * logger, kept as doubles as the original files keep them) and values, in time order, plus how the
 * fetch ended. Arrays are copied in and out; use {@link #utcSeconds(int)} and {@link #value(int)} in loops.
 */
public final class TimeSeries {
    private final DeviceRequest request;
    private final TimeWindow window;
    private final double[] utcSeconds;
    private final double[] values;
    private final String units;
    private final FetchStatus status;

    private TimeSeries(DeviceRequest request, TimeWindow window, double[] utcSeconds, double[] values, String units, FetchStatus status) {
        this.request = Objects.requireNonNull(request, "request");
        this.window = Objects.requireNonNull(window, "window");
        this.status = Objects.requireNonNull(status, "status");
        if (utcSeconds.length != values.length) {
            throw new IllegalArgumentException(request + ": " + utcSeconds.length + " times but " + values.length + " values");
        }
        this.utcSeconds = utcSeconds;
        this.values = values;
        this.units = units;
    }

    public static TimeSeries of(DeviceRequest request, TimeWindow window, double[] utcSeconds, double[] values, FetchStatus status) {
        return new TimeSeries(request, window, utcSeconds.clone(), values.clone(), null, status);
    }

    /** The first {@code length} samples of {@code utcSeconds} and {@code values} (e.g. a parser's partly filled buffers), copied once. */
    public static TimeSeries of(DeviceRequest request, TimeWindow window, double[] utcSeconds, double[] values, int length, FetchStatus status) {
        if (length < 0 || length > utcSeconds.length || length > values.length) {
            throw new IllegalArgumentException(request + ": " + length + " samples asked of buffers of " + utcSeconds.length
                    + " times and " + values.length + " values");
        }
        return new TimeSeries(request, window, Arrays.copyOf(utcSeconds, length), Arrays.copyOf(values, length), null, status);
    }

    /** Samples {@code [from, to)} of this series, with its window, units and status, copied once. */
    public TimeSeries slice(int from, int to) {
        return new TimeSeries(request, window, Arrays.copyOfRange(utcSeconds, from, to), Arrays.copyOfRange(values, from, to), units, status);
    }

    /** A series with no samples: the logger had none ({@link FetchStatus.Kind#EMPTY}) or the fetch failed. */
    public static TimeSeries withoutSamples(DeviceRequest request, TimeWindow window, FetchStatus status) {
        return new TimeSeries(request, window, new double[0], new double[0], null, status);
    }

    /**
     * The samples of {@code parts} one after the other, in the order given (the caller orders them, e.g. the
     * chunks of a window), as one series over {@code window} with {@code status}; units from the first part
     * that has them. Copies each sample once.
     */
    public static TimeSeries concat(DeviceRequest request, TimeWindow window, List<TimeSeries> parts, FetchStatus status) {
        int n = 0;
        for (TimeSeries p : parts) {
            n = Math.addExact(n, p.size());
        }
        double[] times = new double[n];
        double[] vals = new double[n];
        int at = 0;
        String units = null;
        for (TimeSeries p : parts) {
            System.arraycopy(p.utcSeconds, 0, times, at, p.size());
            System.arraycopy(p.values, 0, vals, at, p.size());
            at += p.size();
            units = units != null ? units : p.units;
        }
        return new TimeSeries(request, window, times, vals, units, status);
    }

    public TimeSeries withUnits(String newUnits) {
        return new TimeSeries(request, window, utcSeconds, values, newUnits, status);
    }

    public TimeSeries withStatus(FetchStatus newStatus) {
        return new TimeSeries(request, window, utcSeconds, values, units, newStatus);
    }

    public DeviceRequest request() {
        return request;
    }

    public TimeWindow window() {
        return window;
    }

    public FetchStatus status() {
        return status;
    }

    public Optional<String> units() {
        return Optional.ofNullable(units);
    }

    public int size() {
        return values.length;
    }

    public double utcSeconds(int i) {
        return utcSeconds[i];
    }

    public double value(int i) {
        return values[i];
    }

    public double[] utcSecondsArray() {
        return utcSeconds.clone();
    }

    public double[] valuesArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeSeries t && request.equals(t.request) && window.equals(t.window) && status.equals(t.status)
                && Objects.equals(units, t.units) && Arrays.equals(utcSeconds, t.utcSeconds) && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(request, window, status, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return request + " " + window + ": " + size() + " samples, " + status;
    }
}
