package org.runops.datalogger.stats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.runops.datalogger.DataFileReader;
import org.runops.datalogger.DataLoggerException;
import org.runops.datalogger.SampleBlockConsumer;

/** A data file held in memory, streamed in blocks of 2 samples; a series can be made to fail half way, as a truncated file does. */
final class InMemoryDataFile implements DataFileReader {
    private final Path path;
    private final Map<String, double[][]> series = new LinkedHashMap<>();
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<String> damaged = new ArrayList<>();
    boolean closed;

    InMemoryDataFile(Path path) {
        this.path = path;
    }

    InMemoryDataFile series(String key, double[] times, double[] values) {
        series.put(key, new double[][] {times, values});
        return this;
    }

    InMemoryDataFile attribute(String name, String value) {
        attributes.put(name, value);
        return this;
    }

    InMemoryDataFile damaged(String key) {
        damaged.add(key);
        return this;
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public List<String> keys() {
        return List.copyOf(series.keySet());
    }

    @Override
    public Map<String, String> attributes() {
        return Map.copyOf(attributes);
    }

    @Override
    public void scan(String key, SampleBlockConsumer consumer) {
        double[][] s = series.get(key);
        double[] t = new double[2];
        double[] v = new double[2];
        for (int from = 0; from < s[0].length; from += 2) {
            if (damaged.contains(key) && from > 0) {
                throw new DataLoggerException(path + ": series " + key + " ends at sample " + from + " of " + s[0].length);
            }
            int n = Math.min(2, s[0].length - from);
            System.arraycopy(s[0], from, t, 0, n);
            System.arraycopy(s[1], from, v, 0, n);
            consumer.accept(t, v, n);
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
