package org.runops.oms;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;
import org.runops.core.csv.CsvWriter;
import org.runops.core.run.RunRecord;
import org.runops.oms.internal.RowMap;

/**
 * OMS records flattened into one table: the one flattening that the {@code runops oms runs} output,
 * the tracker-studies table and {@link OmsRunCatalog}'s run records share (as wbmcrawlr's
 * {@code flatten_resource}):
 * <ul>
 * <li>columns: the key attribute ({@code run_number}, {@code fill_number}) first, taken from the record
 *     id when a {@code fields=} projection left it out; then every other attribute in order of first
 *     appearance, or only the projection's {@code fields} in their order;
 * <li>then one {@code <attr>_unit} column ({@link RunRecord#UNIT_SUFFIX}) per attribute column that has
 *     a unit in some record, in column order (never in {@code meta.row}'s order, which varies by row);
 * <li>cells are {@code Long}, {@code Double}, {@code String}, {@code Boolean} or null (missing); lists
 *     ({@code components}) are joined with {@value RunRecord#LIST_SEPARATOR}, as in the shared OMS CSVs.
 * </ul>
 * The table keeps the records and its column layout; the writers go from the records straight to the
 * output in one pass, and {@link #rows()} boxes a row only when it is asked for.
 *
 * <pre>{@code
 * OmsTable t = OmsTable.of(catalog.records(377254, 377296), "run_number");
 * t.writeCsv(out);   // the CSV of `runops oms runs`
 * }</pre>
 */
public final class OmsTable {
    private static final JsonFactory JSON = new JsonFactory();

    private final List<OmsRecord> records;
    private final List<String> columns;
    /** The attribute of each column, then the attribute of each unit column after them. */
    private final String[] attributes;
    private final String[] unitOf;

    private OmsTable(List<OmsRecord> records, List<String> columns, String[] attributes, String[] unitOf) {
        this.records = List.copyOf(records);
        this.columns = List.copyOf(columns);
        this.attributes = attributes;
        this.unitOf = unitOf;
    }

    /** The records flattened with {@code keyAttribute} first and the other attributes in order of first appearance. */
    public static OmsTable of(List<OmsRecord> records, String keyAttribute) {
        return of(records, keyAttribute, List.of());
    }

    /**
     * As {@link #of(List, String)}, but with only the key and {@code fields}, in this order, when {@code fields}
     * is not empty (a {@code fields=} projection: the table keeps to it whatever the server sent).
     */
    public static OmsTable of(List<OmsRecord> records, String keyAttribute, List<String> fields) {
        Objects.requireNonNull(keyAttribute, "keyAttribute");
        Set<String> attributes = new LinkedHashSet<>();
        attributes.add(keyAttribute);
        attributes.addAll(fields);
        Set<String> withUnit = new HashSet<>();
        Object lastShape = null;
        Map<String, String> lastUnits = null;
        for (OmsRecord r : records) {
            // the rows of a parsed page share one attribute shape and one units map: look at each once;
            // 13x to 26x faster than looking at every row's keys (OmsOutputBenchmark.tableOf*, C1 and C2)
            Object shape = r.attributes() instanceof RowMap m ? m.shape() : r.attributes();
            if (fields.isEmpty() && shape != lastShape) {
                lastShape = shape;
                attributes.addAll(r.attributes().keySet());
            }
            if (r.units() != lastUnits) {
                lastUnits = r.units();
                withUnit.addAll(r.units().keySet());
            }
        }
        List<String> columns = new ArrayList<>(attributes);
        List<String> unitOf = new ArrayList<>();
        for (String a : attributes) {
            // an attribute that OMS itself calls <a>_unit keeps its name and its value
            if (withUnit.contains(a) && !attributes.contains(a + RunRecord.UNIT_SUFFIX)) {
                unitOf.add(a);
                columns.add(a + RunRecord.UNIT_SUFFIX);
            }
        }
        return new OmsTable(records, columns, attributes.toArray(String[]::new), unitOf.toArray(String[]::new));
    }

    /**
     * The cells of one record at a time, as the record holds them (a list stays a list), null when missing.
     * A parsed row's values are read by position, the positions worked out once per page shape, not by a
     * map lookup per cell.
     */
    private final class Cells {
        private OmsRecord record;
        private RowMap row;
        private RowMap.Shape shape;
        private int[] positions;

        void of(OmsRecord r) {
            record = r;
            row = r.attributes() instanceof RowMap m ? m : null;
            if (row != null && row.shape() != shape) {
                shape = row.shape();
                positions = new int[attributes.length];
                for (int c = 0; c < attributes.length; c++) {
                    positions[c] = shape.indexOf(attributes[c]);
                }
            }
        }

        Object get(int column) {
            if (column >= attributes.length) {
                return record.units().get(unitOf[column - attributes.length]);
            }
            Object v = row == null ? record.attributes().get(attributes[column])
                    : positions[column] < 0 ? null : row.valueAt(positions[column]);
            return v == null && column == 0 ? key(record.id()) : v;
        }
    }

    /** A numeric id (run, fill number) as a number, anything else as written. */
    private static Object key(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return id;
        }
    }

    /** The column names, in order. */
    public List<String> columns() {
        return columns;
    }

    /**
     * The rows, one value per column; see the class comment for the types. Every {@code get} boxes the row
     * again: copy ({@code List.copyOf(rows())}) to read the rows more than once.
     */
    public List<List<Object>> rows() {
        return new Rows();
    }

    private final class Rows extends AbstractList<List<Object>> implements RandomAccess {
        @Override
        public List<Object> get(int i) {
            Cells cells = new Cells();
            cells.of(records.get(i));
            Object[] row = new Object[columns.size()];
            for (int c = 0; c < row.length; c++) {
                Object v = cells.get(c);
                row[c] = v instanceof List<?> list ? Text.join(new StringBuilder(), list).toString() : v;
            }
            return Collections.unmodifiableList(Arrays.asList(row));
        }

        @Override
        public int size() {
            return records.size();
        }
    }

    /** Number of rows. */
    public int size() {
        return records.size();
    }

    /**
     * Writes the table as CSV the way the shared OMS tables are written (pandas {@code QUOTE_NONNUMERIC}):
     * header and strings quoted, numbers and booleans bare, missing values empty, LF line ends. A string
     * such as {@code "123"} thus stays a string when read back.
     */
    public void writeCsv(Writer out) {
        CsvWriter csv = new CsvWriter(out, "OMS table");
        columns.forEach(csv::quoted);
        csv.endRecord();
        Text list = new Text();
        Cells cells = new Cells();
        for (OmsRecord r : records) {
            cells.of(r);
            for (int c = 0; c < columns.size(); c++) {
                Object v = cells.get(c);
                if (v instanceof List<?> l) {
                    csv.quoted(list.join(l));
                } else {
                    csv.value(v);
                }
            }
            csv.endRecord();
        }
        csv.flush();
    }

    /** Writes the table as a JSON array of objects, fields in column order, null for missing; the writer is not closed. */
    public void writeJson(Writer out) {
        SerializedString[] names = columns.stream().map(SerializedString::new).toArray(SerializedString[]::new);
        Text text = new Text();
        Cells cells = new Cells();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (OmsRecord r : records) {
                cells.of(r);
                g.writeStartObject();
                for (int c = 0; c < names.length; c++) {
                    g.writeFieldName(names[c]);
                    Object v = cells.get(c);
                    if (v instanceof List<?> l) {
                        text.join(l);
                        g.writeString(text.chars(), 0, text.length());
                    } else {
                        OmsJson.writeValue(g, v);
                    }
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("writing the OMS table as JSON", e);
        }
    }

    /**
     * Scratch text for one cell, reused for every cell: a joined list, handed to the writers without a
     * String per cell.
     */
    private static final class Text {
        private final StringBuilder text = new StringBuilder(128);
        private char[] chars = new char[128];

        StringBuilder join(List<?> list) {
            text.setLength(0);
            return join(text, list);
        }

        static StringBuilder join(StringBuilder text, List<?> list) {
            boolean first = true;
            for (Object o : list) {
                if (!first) {
                    text.append(RunRecord.LIST_SEPARATOR);
                }
                text.append(o); // String.valueOf: null is "null", as the joins before
                first = false;
            }
            return text;
        }

        /** The current text's chars, in a buffer reused for every cell. */
        char[] chars() {
            if (chars.length < text.length()) {
                chars = new char[Math.max(text.length(), 2 * chars.length)];
            }
            text.getChars(0, text.length(), chars, 0);
            return chars;
        }

        int length() {
            return text.length();
        }
    }

    @Override
    public String toString() {
        return "OmsTable[" + records.size() + " rows × " + columns.size() + " columns]";
    }
}
