package org.runops.datalogger.internal;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.runops.datalogger.DataFileReader;
import org.runops.datalogger.DataFiles;
import org.runops.datalogger.DataLoggerException;
import org.runops.datalogger.SampleBlockConsumer;

/**
 * The files the original scripts wrote with pandas {@code to_hdf(..., format="table", append=True)}:
 * one top-level group per key holding a compound dataset {@code table} of {@code index} and
 * {@code values_block_N} members, whose column names PyTables keeps pickled in the attributes
 * {@code values_block_N_kind}. Which column is the time (spec §2.2, §2.8): one named
 * {@code utc_seconds...} (epoch s), {@code Timestamps} (epoch µs) or {@code epoch} (event files); the
 * other numeric column is the value. A table with pairs {@code utc_seconds<DEV>}/{@code <DEV>} (the
 * 2019 style, several devices under key {@code x}) gives one series per {@code DEV}. Rows whose time
 * or value is NaN (the padding of those wide tables) are skipped, as pandas statistics skip them.
 */
final class PandasTableReader implements DataFileReader {
    private final Path path;
    private final HdfFile hdf;
    private final Map<String, LegacySeries> series;

    /** Where one series lives: the table, its time column (and the factor to seconds) and its value column. */
    private record LegacySeries(String key, String hdfKey, Dataset table, Column time, double timeScale, Column value, String problem) {}

    /** A column: a compound member, and the position inside it when the member is a block of several columns. */
    private record Column(String name, String member, int position) {}

    private PandasTableReader(Path path, HdfFile hdf, Map<String, LegacySeries> series) {
        this.path = path;
        this.hdf = hdf;
        this.series = series;
    }

    static DataFileReader open(Path path, HdfFile hdf) {
        Map<String, LegacySeries> series = new LinkedHashMap<>();
        List<String> others = new ArrayList<>();
        for (Node child : hdf) {
            Node table = child instanceof Group g ? g.getChild("table") : null;
            if (table instanceof Dataset d && d.isCompound()) {
                for (LegacySeries s : resolve(path, child.getName(), d)) {
                    series.putIfAbsent(s.key, s);
                }
            } else {
                others.add(child.getPath());
            }
        }
        if (series.isEmpty()) {
            throw new DataLoggerException("foreign HDF5 file " + path + ": neither a runops data file (no file attribute '"
                    + DataFiles.ATTR_FORMAT + "') nor pandas tables (no top-level group with a 'table' dataset); it holds "
                    + (others.isEmpty() ? "nothing" : RunopsHdf5Reader.keysForMessage(others)));
        }
        return new PandasTableReader(path, hdf, series);
    }

    private static List<LegacySeries> resolve(Path path, String hdfKey, Dataset table) {
        List<Column> numeric = new ArrayList<>();
        Map<String, String> attrs = Hdf5DataFiles.textAttributes(table);
        for (String member : memberNames(table)) {
            if (member.equals("index")) {
                continue;
            }
            String dtype = attrs.getOrDefault(member + "_dtype", "");
            if (!dtype.isEmpty() && !dtype.startsWith("float") && !dtype.startsWith("int") && !dtype.startsWith("uint")) {
                continue; // text or dates (e.g. the 'datetime' strings of event files): not a number series
            }
            String kind = attrs.get(member + "_kind");
            if (kind == null) { // a data column stored as its own member
                numeric.add(new Column(member, member, -1));
                continue;
            }
            Optional<List<String>> names = PickledNames.parse(kind);
            if (names.isEmpty()) {
                return List.of(broken(hdfKey, table, "cannot read the column names of " + member + " (attribute " + member + "_kind)"));
            }
            for (int i = 0; i < names.get().size(); i++) {
                numeric.add(new Column(names.get().get(i), member, i));
            }
        }
        List<Column> times = numeric.stream().filter(c -> isTime(c.name)).toList();
        List<Column> values = numeric.stream().filter(c -> !isTime(c.name)).toList();
        if (times.size() == 1 && values.size() == 1) {
            Column t = times.get(0);
            String device = t.name.startsWith("utc_seconds") ? t.name.substring("utc_seconds".length()) : "";
            String key = device.equals(values.get(0).name) ? device : hdfKey;
            return List.of(new LegacySeries(key, hdfKey, table, t, scaleOf(t), values.get(0), null));
        }
        List<LegacySeries> pairs = new ArrayList<>();
        for (Column v : values) {
            times.stream().filter(t -> t.name.equals("utc_seconds" + v.name)).findFirst()
                    .ifPresent(t -> pairs.add(new LegacySeries(v.name, hdfKey, table, t, 1, v, null)));
        }
        if (!pairs.isEmpty() && pairs.size() == times.size()) {
            return pairs;
        }
        List<String> names = numeric.stream().map(Column::name).toList();
        return List.of(broken(hdfKey, table, "cannot tell time from value among the numeric columns " + names
                + " (expected utc_seconds + value, utc_seconds<DEV> + <DEV>, Timestamps + Data or epoch + one value)"));
    }

    private static LegacySeries broken(String hdfKey, Dataset table, String problem) {
        return new LegacySeries(hdfKey, hdfKey, table, null, 1, null, problem);
    }

    private static boolean isTime(String column) {
        return column.startsWith("utc_seconds") || column.equals("Timestamps") || column.equals("epoch");
    }

    private static double scaleOf(Column time) {
        return time.name.equals("Timestamps") ? 1e-6 : 1; // the nanny stores integer microseconds
    }

    private static List<String> memberNames(Dataset table) {
        List<String> names = new ArrayList<>();
        Attribute fieldCount = null;
        for (int i = 0; ; i++) {
            Attribute a = table.getAttribute("FIELD_" + i + "_NAME");
            if (a == null) {
                break;
            }
            fieldCount = a;
            names.add(String.valueOf(a.getData()));
        }
        if (fieldCount == null) { // not written by PyTables: ask the datatype
            ((io.jhdf.object.datatype.CompoundDataType) table.getDataType()).getMembers().forEach(m -> names.add(m.getName()));
        }
        return names;
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
        return Map.of();
    }

    @Override
    public void scan(String key, SampleBlockConsumer consumer) {
        LegacySeries s = series.get(key);
        if (s == null) {
            throw new DataLoggerException("no series \"" + key + "\" in " + path + "; it has " + RunopsHdf5Reader.keysForMessage(keys()));
        }
        if (s.problem != null) {
            throw new DataLoggerException("foreign table in " + path + ", key " + s.hdfKey + ": " + s.problem);
        }
        try {
            long n = s.table.getDimensions()[0];
            double[] times = new double[DataFiles.BLOCK_SIZE];
            double[] values = new double[DataFiles.BLOCK_SIZE];
            for (long offset = 0; offset < n; offset += DataFiles.BLOCK_SIZE) {
                int len = (int) Math.min(DataFiles.BLOCK_SIZE, n - offset);
                Map<?, ?> block = (Map<?, ?>) s.table.getData(new long[] {offset}, new int[] {len});
                Object timeData = block.get(s.time.member);
                Object valueData = block.get(s.value.member);
                int kept = 0;
                for (int i = 0; i < len; i++) {
                    double t = number(timeData, i, s.time.position) * s.timeScale;
                    double v = number(valueData, i, s.value.position);
                    if (!Double.isNaN(t) && !Double.isNaN(v)) {
                        times[kept] = t;
                        values[kept++] = v;
                    }
                }
                if (kept > 0) {
                    consumer.accept(times, values, kept);
                }
            }
        } catch (DataLoggerException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DataLoggerException("damaged pandas table in " + path + ", key " + s.hdfKey + ": " + e.getMessage(), e);
        }
    }

    /** Row {@code row} of a member: a block {@code T[rows][width]} (column {@code position}) or a plain column {@code T[rows]}. */
    private static double number(Object member, int row, int position) {
        if (member instanceof double[][] d) {
            return d[row][position];
        }
        if (member instanceof long[][] l) {
            return l[row][position];
        }
        Object cell = position < 0 ? Array.get(member, row) : Array.get(Array.get(member, row), position);
        return ((Number) cell).doubleValue();
    }

    @Override
    public void close() {
        hdf.close();
    }
}
