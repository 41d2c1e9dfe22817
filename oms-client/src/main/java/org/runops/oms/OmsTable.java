package org.runops.oms;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.runops.core.csv.CsvWriter;
import org.runops.core.run.RunRecord;

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
 *
 * <pre>{@code
 * OmsTable t = OmsTable.of(catalog.records(377254, 377296), "run_number");
 * t.writeCsv(out);   // the CSV of `runops oms runs`
 * }</pre>
 */
public final class OmsTable {
    private static final JsonFactory JSON = new JsonFactory();

    private final List<String> columns;
    private final List<List<Object>> rows;

    private OmsTable(List<String> columns, List<List<Object>> rows) {
        this.columns = List.copyOf(columns);
        this.rows = Collections.unmodifiableList(rows);
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
        for (OmsRecord r : records) {
            if (fields.isEmpty()) {
                attributes.addAll(r.attributes().keySet());
            }
            withUnit.addAll(r.units().keySet());
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
        List<List<Object>> rows = new ArrayList<>(records.size());
        for (OmsRecord r : records) {
            Object[] row = new Object[columns.size()];
            int i = 0;
            for (String a : attributes) {
                row[i++] = cell(r.attributes().get(a));
            }
            for (String a : unitOf) {
                row[i++] = r.units().get(a);
            }
            if (row[0] == null) {
                row[0] = key(r.id());
            }
            rows.add(Collections.unmodifiableList(Arrays.asList(row)));
        }
        return new OmsTable(columns, rows);
    }

    private static Object cell(Object value) {
        return value instanceof List<?> list ? String.join(RunRecord.LIST_SEPARATOR, list.stream().map(String::valueOf).toList()) : value;
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

    /** The rows, one value per column; see the class comment for the types. */
    public List<List<Object>> rows() {
        return rows;
    }

    /** Number of rows. */
    public int size() {
        return rows.size();
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
        for (List<Object> row : rows) {
            for (Object v : row) {
                csv.value(v);
            }
            csv.endRecord();
        }
        csv.flush();
    }

    /** Writes the table as a JSON array of objects, fields in column order, null for missing; the writer is not closed. */
    public void writeJson(Writer out) {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (List<Object> row : rows) {
                g.writeStartObject();
                for (int i = 0; i < row.size(); i++) {
                    g.writeFieldName(columns.get(i));
                    OmsJson.writeValue(g, row.get(i));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("writing the OMS table as JSON", e);
        }
    }

    @Override
    public String toString() {
        return "OmsTable[" + rows.size() + " rows × " + columns.size() + " columns]";
    }
}
