package org.runops.datalogger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One series as a data file stores it: its key (a device name, a DRF string or {@code Event0c}), its
 * samples (UTC epoch seconds and values, in time order) and its attributes (node, units, window,
 * backend, fetch status). The arrays are the caller's: the writer reads them, it does not copy them.
 */
public record StoredSeries(String key, double[] utcSeconds, double[] values, Map<String, String> attributes) {
    public StoredSeries {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(utcSeconds, "utcSeconds");
        Objects.requireNonNull(values, "values");
        if (key.isBlank()) {
            throw new IllegalArgumentException("a stored series needs a non-blank key");
        }
        if (utcSeconds.length != values.length) {
            throw new IllegalArgumentException(key + ": " + utcSeconds.length + " times but " + values.length + " values");
        }
        attributes = Map.copyOf(attributes);
    }

    /**
     * A fetched device under its device name, with the attributes {@code node}, {@code units} (when
     * known), {@code window_start}/{@code window_end} (ISO UTC), {@code backend} and {@code status}.
     */
    public static StoredSeries of(TimeSeries series, String backend) {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put(DataFiles.ATTR_NODE, series.request().node().name());
        series.units().ifPresent(u -> attrs.put(DataFiles.ATTR_UNITS, u));
        attrs.put(DataFiles.ATTR_WINDOW_START, series.window().start().toString());
        attrs.put(DataFiles.ATTR_WINDOW_END, series.window().end().toString());
        attrs.put(DataFiles.ATTR_BACKEND, backend);
        attrs.put(DataFiles.ATTR_STATUS, series.status().toString());
        return new StoredSeries(series.request().device().text(), series.utcSecondsArray(), series.valuesArray(), attrs);
    }

    public int size() {
        return values.length;
    }
}
