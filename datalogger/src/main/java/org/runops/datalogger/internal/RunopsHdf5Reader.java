package org.runops.datalogger.internal;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.runops.datalogger.DataFileReader;
import org.runops.datalogger.DataFiles;
import org.runops.datalogger.DataLoggerException;
import org.runops.datalogger.SampleBlockConsumer;

/** A runops HDF5 data file: one group per series, float64 {@code utc_seconds} and {@code value}, read in slices. */
final class RunopsHdf5Reader implements DataFileReader {
    private final Path path;
    private final HdfFile hdf;
    private final Map<String, String> attributes;
    private final Map<String, Group> groups = new LinkedHashMap<>();

    RunopsHdf5Reader(Path path, HdfFile hdf, Map<String, String> attributes) {
        this.path = path;
        this.hdf = hdf;
        this.attributes = Map.copyOf(attributes);
        for (Node child : hdf) {
            String name = child instanceof Group g ? Hdf5DataFiles.textAttributes(g).get(DataFiles.ATTR_NAME) : null;
            if (name == null) {
                throw new DataLoggerException("damaged runops data file " + path + ": object " + child.getPath()
                        + " is not a series group with a '" + DataFiles.ATTR_NAME + "' attribute");
            }
            groups.put(name, (Group) child);
        }
        if (hdf.getAttribute(Hdf5DataFiles.KEYS) != null && hdf.getAttribute(Hdf5DataFiles.KEYS).getData() instanceof String[] order) {
            Map<String, Group> ordered = new LinkedHashMap<>();
            for (String key : order) {
                if (groups.containsKey(key)) {
                    ordered.put(key, groups.get(key));
                }
            }
            groups.forEach(ordered::putIfAbsent);
            groups.clear();
            groups.putAll(ordered);
        }
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public List<String> keys() {
        return List.copyOf(groups.keySet());
    }

    @Override
    public Map<String, String> attributes() {
        return attributes;
    }

    @Override
    public Map<String, String> keyAttributes(String key) {
        Map<String, String> attrs = new LinkedHashMap<>(Hdf5DataFiles.textAttributes(group(key)));
        attrs.remove(DataFiles.ATTR_NAME);
        return Map.copyOf(attrs);
    }

    @Override
    public void scan(String key, SampleBlockConsumer consumer) {
        Group g = group(key);
        try {
            Node times = g.getChild(Hdf5DataFiles.UTC_SECONDS);
            Node values = g.getChild(Hdf5DataFiles.VALUE);
            if (times == null && values == null) {
                return; // a series without samples (EMPTY or ERROR fetch)
            }
            if (!(times instanceof Dataset t) || !(values instanceof Dataset v) || t.getDimensions().length != 1
                    || v.getDimensions().length != 1 || t.getDimensions()[0] != v.getDimensions()[0]) {
                throw new DataLoggerException("damaged runops data file " + path + ", series " + key
                        + ": expected 1-D datasets utc_seconds and value of equal length");
            }
            long n = t.getDimensions()[0];
            for (long offset = 0; offset < n; offset += DataFiles.BLOCK_SIZE) {
                int len = (int) Math.min(DataFiles.BLOCK_SIZE, n - offset);
                double[] ts = doubles(t.getData(new long[] {offset}, new int[] {len}), key);
                double[] vs = doubles(v.getData(new long[] {offset}, new int[] {len}), key);
                consumer.accept(ts, vs, len);
            }
        } catch (DataLoggerException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DataLoggerException("damaged runops data file " + path + ", series " + key + ": " + e.getMessage(), e);
        }
    }

    private double[] doubles(Object data, String key) {
        return doubles(data, path, key);
    }

    static double[] doubles(Object data, Path path, String key) {
        if (data instanceof double[] d) {
            return d;
        }
        throw new DataLoggerException("damaged runops data file " + path + ", series " + key + ": expected float64 data, found "
                + (data == null ? "none" : data.getClass().getSimpleName()));
    }

    private Group group(String key) {
        Group g = groups.get(key);
        if (g == null) {
            throw new DataLoggerException("no series \"" + key + "\" in " + path + "; it has " + keysForMessage(new ArrayList<>(groups.keySet())));
        }
        return g;
    }

    static String keysForMessage(List<String> keys) {
        return keys.size() <= 10 ? keys.toString() : keys.subList(0, 10) + " and " + (keys.size() - 10) + " more";
    }

    @Override
    public void close() {
        hdf.close();
    }
}
