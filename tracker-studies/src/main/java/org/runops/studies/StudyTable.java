package org.runops.studies;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.runops.core.RegularFiles;
import org.runops.core.ledger.AtomicFiles;
import org.runops.core.csv.CsvFormatException;
import org.runops.core.csv.CsvReader;
import org.runops.core.csv.CsvWriter;
import org.runops.oms.OmsJson;

/**
 * A flat table for studies: ordered column names and rows whose values are {@code Long},
 * {@code Double}, {@code String}, {@code Boolean} or {@code null} (missing). Immutable; operations
 * that add columns return a new table. Reads and writes CSV (RFC 4180; strings quoted, so a string
 * {@code "123"} stays a string, an empty unquoted field is null) and JSON (an array of objects).
 * Files are written atomically.
 *
 * <pre>{@code
 * StudyTable runs = StudyTable.readCsv(Path.of("omsrundata_2018.csv"));
 * double[] lumi = runs.numeric("init_lumi");
 * runs.withColumn("lumi_ratio", ratios).writeJson(Path.of("runs.json"));
 * }</pre>
 */
public final class StudyTable {
    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,18}+");
    // possessive and unambiguous: a long run of digits never makes the matcher backtrack
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d++(\\.\\d*+)?|\\.\\d++)([eE][-+]?\\d++)?");
    private static final int MAX_JSON_COLUMNS = 10_000;
    private static final long MAX_JSON_CELLS = 20_000_000;

    private final List<String> columns;
    private final Map<String, Integer> index;
    private final List<Object[]> rows;

    private StudyTable(List<String> columns, List<Object[]> rows) {
        this.columns = List.copyOf(columns);
        this.index = new HashMap<>();
        for (int i = 0; i < this.columns.size(); i++) {
            if (index.putIfAbsent(this.columns.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate column " + this.columns.get(i));
            }
        }
        this.rows = Collections.unmodifiableList(rows);
    }

    /** A table of these rows; each row has one value per column (see the class comment for the types). */
    public static StudyTable of(List<String> columns, List<? extends List<?>> rows) {
        Builder b = builder(columns);
        rows.forEach(r -> b.add(r.toArray()));
        return b.build();
    }

    /** A builder for a table with these distinct column names. */
    public static Builder builder(List<String> columns) {
        return new Builder(columns);
    }

    /** Collects rows, normalising values: ints to {@code Long}, floats to {@code Double}. */
    public static final class Builder {
        private final List<String> columns;
        private final List<Object[]> rows = new ArrayList<>();

        private Builder(List<String> columns) {
            this.columns = List.copyOf(columns);
        }

        /** Adds one row, one value per column. */
        public Builder add(Object... values) {
            if (values.length != columns.size()) {
                throw new IllegalArgumentException("row " + rows.size() + ": " + values.length + " values for " + columns.size()
                        + " columns");
            }
            Object[] row = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                row[i] = normalise(values[i], columns.get(i), rows.size());
            }
            rows.add(row);
            return this;
        }

        public StudyTable build() {
            return new StudyTable(columns, new ArrayList<>(rows));
        }
    }

    static Object normalise(Object v, String column, int row) {
        if (v == null || v instanceof Long || v instanceof String || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Double d) {
            return d.isNaN() ? null : d;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte || v instanceof BigInteger) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float || v instanceof BigDecimal) {
            return normalise(((Number) v).doubleValue(), column, row);
        }
        throw new IllegalArgumentException("row " + row + ", column " + column + ": unsupported value type "
                + v.getClass().getName());
    }

    /** The column names in order. */
    public List<String> columns() {
        return columns;
    }

    /** Number of rows. */
    public int size() {
        return rows.size();
    }

    public boolean hasColumn(String name) {
        return index.containsKey(name);
    }

    /** One value; null when missing. */
    public Object value(int row, String column) {
        return rows.get(row)[indexOf(column)];
    }

    /** One row's values, in column order. */
    public List<Object> row(int row) {
        return Collections.unmodifiableList(Arrays.asList(rows.get(row).clone()));
    }

    /** A column's values, in row order (nulls kept). */
    public List<Object> column(String name) {
        int c = indexOf(name);
        List<Object> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(r[c]);
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * A column as numbers: {@code Long}/{@code Double} as they are, booleans 1/0, numeric strings
     * parsed, null as NaN. Any other string is an error naming the column, row and value.
     */
    public double[] numeric(String name) {
        int c = indexOf(name);
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(rows.get(i)[c], name, i);
        }
        return out;
    }

    private static double number(Object v, String column, int row) {
        if (v == null) {
            return Double.NaN;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        String s = ((String) v).trim();
        if (CsvReader.isMissing(s)) {
            return Double.NaN;
        }
        if (DECIMAL.matcher(s).matches()) {
            return Double.parseDouble(s);
        }
        throw new StudyException("column " + column + ", row " + row + ": not a number: \"" + v + "\"");
    }

    /** A column's value as a whole number (run or fill number), empty when missing or not integral. */
    static OptionalLong wholeNumber(Object v) {
        if (v instanceof Long l) {
            return OptionalLong.of(l);
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return OptionalLong.of(d.longValue());
        }
        if (v instanceof String s && INTEGER.matcher(s.trim()).matches()) {
            return OptionalLong.of(Long.parseLong(s.trim()));
        }
        return OptionalLong.empty();
    }

    /** This table with column {@code name} added at the end, or replaced in place when it exists. */
    public StudyTable withColumn(String name, List<?> values) {
        return withColumns(List.of(name), List.of(values));
    }

    /** This table with a numeric column added or replaced; NaN becomes null. */
    public StudyTable withColumn(String name, double[] values) {
        return withColumns(List.of(name), new double[][] {values});
    }

    /** This table with several columns added or replaced in one pass over the rows ({@code values[k]} for {@code names[k]}). */
    public StudyTable withColumns(List<String> names, List<? extends List<?>> values) {
        if (names.size() != values.size()) {
            throw new IllegalArgumentException(names.size() + " column names for " + values.size() + " columns");
        }
        List<String> cols = new ArrayList<>(columns);
        int[] at = new int[names.size()];
        for (int k = 0; k < names.size(); k++) {
            String name = names.get(k);
            if (values.get(k).size() != rows.size()) {
                throw new IllegalArgumentException("column " + name + ": " + values.get(k).size() + " values for " + rows.size() + " rows");
            }
            int c = cols.indexOf(name);
            if (c < 0) {
                c = cols.size();
                cols.add(name);
            }
            at[k] = c;
        }
        List<Object[]> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = Arrays.copyOf(rows.get(i), cols.size());
            for (int k = 0; k < at.length; k++) {
                r[at[k]] = normalise(values.get(k).get(i), names.get(k), i);
            }
            out.add(r);
        }
        return new StudyTable(cols, out);
    }

    /** {@link #withColumns(List, List)} of numeric columns; NaN becomes null. */
    public StudyTable withColumns(List<String> names, double[][] values) {
        List<List<Object>> boxed = new ArrayList<>(values.length);
        for (double[] column : values) {
            List<Object> b = new ArrayList<>(column.length);
            for (double v : column) {
                b.add(Double.isNaN(v) ? null : v);
            }
            boxed.add(b);
        }
        return withColumns(names, boxed);
    }

    int indexOf(String column) {
        Integer c = index.get(column);
        if (c == null) {
            throw new StudyException("no column \"" + column + "\"; available: " + String.join(", ", columns));
        }
        return c;
    }

    Object[] rawRow(int row) {
        return rows.get(row);
    }

    // ---------------------------------------------------------------- CSV

    /**
     * Reads a CSV file with a header row. Unquoted fields become {@code Long}, {@code Double},
     * {@code Boolean} or, for {@code ""}, {@code nan}, {@code NaN}, {@code None}, {@code null},
     * {@code NA}, null; any other unquoted text and every quoted field are strings.
     */
    public static StudyTable readCsv(Path csv) {
        try (CsvReader reader = CsvReader.open(csv)) {
            return read(reader);
        } catch (CsvFormatException e) {
            throw new StudyException(e.getMessage(), e);
        }
    }

    /** As {@link #readCsv(Path)}, from {@code csv}; {@code source} names it in errors. */
    public static StudyTable readCsv(Reader csv, String source) {
        try (CsvReader reader = new CsvReader(csv, source)) {
            return read(reader);
        } catch (CsvFormatException e) {
            throw new StudyException(e.getMessage(), e);
        }
    }

    private static StudyTable read(CsvReader reader) {
        List<String> header = reader.header();
        List<Object[]> rows = new ArrayList<>();
        while (reader.next()) {
            Object[] row = new Object[header.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = reader.quoted(i) ? reader.field(i) : infer(reader.field(i));
            }
            rows.add(row);
        }
        try {
            return new StudyTable(header, rows);
        } catch (IllegalArgumentException e) {
            throw new StudyException(reader.source() + ": " + e.getMessage());
        }
    }

    /** An unquoted CSV field as a value: null, Boolean, Long, Double or the text itself. */
    static Object infer(String text) {
        String s = text.trim();
        if (CsvReader.isMissing(s)) {
            return null;
        }
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(s);
        }
        if (INTEGER.matcher(s).matches()) {
            return Long.parseLong(s);
        }
        if (DECIMAL.matcher(s).matches()) {
            return Double.parseDouble(s);
        }
        return text;
    }

    /** Writes the table as CSV, atomically. */
    public void writeCsv(Path csv) {
        writeAtomically(csv, this::writeCsv);
    }

    /** Writes the table as CSV: header and strings quoted, numbers and booleans bare, null empty, LF line ends. */
    public void writeCsv(Writer writer) {
        BufferedWriter out = writer instanceof BufferedWriter b ? b : new BufferedWriter(writer, 1 << 16);
        CsvWriter csv = new CsvWriter(out, "CSV output");
        columns.forEach(csv::quoted);
        csv.endRecord();
        for (Object[] row : rows) {
            for (Object v : row) {
                csv.value(v);
            }
            csv.endRecord();
        }
        csv.flush();
    }

    private static void writeAtomically(Path target, Consumer<Writer> content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
        content.accept(writer);
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        writeAtomically(target, bytes.toByteArray());
    }

    /** Writes a whole file so that readers see the old or the new content, never a part. */
    static void writeAtomically(Path target, byte[] content) {
        try {
            AtomicFiles.write(target, content);
        } catch (IOException e) {
            throw new StudyException("cannot write " + target + ": " + e, e);
        }
    }

    // ---------------------------------------------------------------- JSON

    /** Writes the table as a JSON array of objects, atomically. */
    public void writeJson(Path json) {
        writeAtomically(json, this::writeJson);
    }

    /** Writes the table as a JSON array with one object per row, fields in column order, null for missing. */
    public void writeJson(Writer writer) {
        try (JsonGenerator g = JSON.createGenerator(writer)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.writeStartArray();
            for (Object[] row : rows) {
                g.writeStartObject();
                for (int i = 0; i < row.length; i++) {
                    g.writeFieldName(columns.get(i));
                    OmsJson.writeValue(g, row[i]);
                }
                g.writeEndObject();
                g.writeRaw('\n');
            }
            g.writeEndArray();
            g.writeRaw('\n');
            g.flush();
        } catch (IOException e) {
            throw new StudyException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a JSON array of flat objects (as {@link #writeJson} writes); the columns are the union of
     * the fields in order of first appearance, absent fields are null. Nested values are an error.
     */
    public static StudyTable readJson(Path json) {
        try (InputStream in = RegularFiles.newInputStream(json)) {
            return readJson(in, json.toString());
        } catch (IOException e) {
            throw new StudyException("cannot read " + json + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #readJson(Path)}, from {@code in}; {@code source} names it in errors. */
    public static StudyTable readJson(InputStream in, String source) {
        List<Map<String, Object>> objects = new ArrayList<>();
        LinkedHashMap<String, Boolean> names = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new StudyException(source + ": expected a JSON array of objects");
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t != JsonToken.START_OBJECT) {
                    throw new StudyException(source + ": element " + objects.size() + " is not an object");
                }
                Map<String, Object> object = new HashMap<>();
                for (JsonToken f = p.nextToken(); f != JsonToken.END_OBJECT; f = p.nextToken()) {
                    String name = p.currentName();
                    if (names.putIfAbsent(name, Boolean.TRUE) == null && names.size() > MAX_JSON_COLUMNS) {
                        // every row gets every column: unbounded names would make rows × names cells
                        throw new StudyException(source + ": more than " + MAX_JSON_COLUMNS + " distinct field names");
                    }
                    object.put(name, scalar(p, p.nextToken(), source, objects.size(), name));
                }
                objects.add(object);
            }
        } catch (JsonProcessingException e) {
            throw new StudyException(source + ": malformed JSON after " + objects.size() + " rows: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new StudyException("cannot read " + source + ": " + e.getMessage(), e);
        }
        if ((long) names.size() * objects.size() > MAX_JSON_CELLS) {
            throw new StudyException(source + ": " + objects.size() + " rows × " + names.size()
                    + " distinct field names is more than " + MAX_JSON_CELLS + " cells");
        }
        List<String> columns = new ArrayList<>(names.keySet());
        List<Object[]> rows = new ArrayList<>(objects.size());
        for (Map<String, Object> o : objects) {
            rows.add(columns.stream().map(o::get).toArray());
        }
        return new StudyTable(columns, rows);
    }

    private static Object scalar(JsonParser p, JsonToken t, String source, int row, String name) throws IOException {
        return switch (t) {
            case VALUE_NULL -> null;
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? (Object) p.getDoubleValue() // beyond long: keep its magnitude
                    : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_STRING -> p.getText();
            default -> throw new StudyException(source + ": row " + row + ", field " + name + ": expected a scalar, found " + t);
        };
    }

    /** Reads a table by extension: {@code .json} as JSON, anything else as CSV. */
    public static StudyTable read(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? readJson(file) : readCsv(file);
    }

    @Override
    public String toString() {
        return "StudyTable[" + rows.size() + " rows × " + columns.size() + " columns " + columns + "]";
    }
}
