package org.runops.oms.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.runops.oms.OmsException;
import org.runops.oms.OmsPage;
import org.runops.oms.OmsRecord;

/**
 * Streaming (jackson-core) parser of OMS pages; the hot path of {@code OmsPageParseBenchmark}. It walks
 * the tokens once, builds each row's attribute map directly and skips {@code relationships} and
 * {@code links} without materialising them. Field names are interned by jackson, so repeated
 * attribute names cost no allocation.
 */
public final class PageParser {
    /** data → row → attributes → list value is depth 5; meta.row.attr.units is 5 too. Anything deeper is not OMS. */
    private static final int MAX_DEPTH = 16;
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    private PageParser() {}

    /** See {@link OmsPage#parse(byte[], String)}. */
    public static OmsPage parse(byte[] json, String source) {
        Rows rows = new Rows();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new OmsException(source + ": expected a JSON object (an OMS response), found " + p.currentToken());
            }
            boolean sawData = false;
            long total = -1;
            Map<String, String> metaUnits = Map.of();
            for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                JsonToken value = p.nextToken();
                switch (field) {
                    case "data" -> {
                        sawData = true;
                        readData(p, value, rows, source);
                    }
                    case "meta" -> {
                        if (value == JsonToken.START_OBJECT) {
                            TopMeta meta = readTopMeta(p);
                            total = meta.total;
                            metaUnits = meta.units;
                        } else {
                            p.skipChildren();
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw new OmsException(source + ": malformed OMS response: expected a field name or '}' at byte "
                        + p.currentLocation().getByteOffset());
            }
            if (!sawData) {
                throw new OmsException(source + ": no data array in the OMS response");
            }
            return new OmsPage(rows.build(metaUnits), total, metaUnits);
        } catch (JsonProcessingException e) {
            long offset = e.getLocation() != null ? e.getLocation().getByteOffset() : -1;
            throw new OmsException(source + ": malformed or truncated JSON in row " + rows.size() + " at byte " + offset
                    + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new OmsException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    private static void readData(JsonParser p, JsonToken value, Rows rows, String source) throws IOException {
        if (value == JsonToken.START_OBJECT) { // a single resource (runs/297050) answers with one object
            readRow(p, rows, source);
            return;
        }
        if (value != JsonToken.START_ARRAY) {
            throw new OmsException(source + ": no data array in the OMS response (data is " + value + ")");
        }
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.START_OBJECT) {
                throw new OmsException(source + ": row " + rows.size() + " is not an object but " + t + " at byte "
                        + p.currentLocation().getByteOffset());
            }
            readRow(p, rows, source);
        }
    }

    private static void readRow(JsonParser p, Rows rows, String source) throws IOException {
        String id = null;
        String type = null;
        Map<String, Object> attributes = null;
        Map<String, String> units = null;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            JsonToken value = p.nextToken();
            switch (field) {
                case "id" -> id = value == JsonToken.VALUE_NULL ? null : p.getText();
                case "type" -> type = value == JsonToken.VALUE_NULL ? null : p.getText();
                case "attributes" -> attributes = readAttributes(p, value, rows, source);
                case "meta" -> units = readRowUnits(p, value);
                default -> p.skipChildren(); // relationships, links
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw new OmsException(source + ": row " + rows.size() + " is cut short at byte " + p.currentLocation().getByteOffset());
        }
        if (id == null) {
            throw new OmsException(source + ": row " + rows.size() + " has no id");
        }
        rows.add(id, type == null ? "" : type, attributes == null ? new LinkedHashMap<>() : attributes, units);
    }

    private static Map<String, Object> readAttributes(JsonParser p, JsonToken value, Rows rows, String source) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            throw new OmsException(source + ": row " + rows.size() + ": attributes is " + value + ", expected an object");
        }
        // Rows of a page share their attribute names and order: keep only the values while they match
        // the previous row's shape, and make a new shape where they do not.
        RowMap.Shape shape = rows.shape;
        List<String> names = rows.names;
        List<Object> values = rows.values;
        names.clear();
        values.clear();
        boolean same = shape != null;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            same = same && shape.hasKeyAt(values.size(), name);
            names.add(name);
            values.add(readValue(p, p.nextToken()));
        }
        if (!same || values.size() != shape.size()) {
            shape = RowMap.Shape.of(names);
            if (shape == null) { // a repeated name: the last value wins, as in any JSON map
                Map<String, Object> plain = new LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    plain.put(names.get(i), values.get(i));
                }
                return plain;
            }
            rows.shape = shape;
        }
        return new RowMap(shape, values.toArray());
    }

    private static Object readValue(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? (Object) p.getDoubleValue() : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_STRING -> p.getText();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case START_ARRAY -> readList(p);
            case START_OBJECT -> { // no OMS attribute is an object; kept as absent rather than guessed at
                p.skipChildren();
                yield null;
            }
            default -> null;
        };
    }

    /** Lists ({@code components}) become strings; null elements are dropped. */
    private static List<String> readList(JsonParser p) throws IOException {
        List<String> list = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected end of input inside a list");
            }
            if (t.isScalarValue() && t != JsonToken.VALUE_NULL) {
                list.add(p.getText());
            } else {
                p.skipChildren();
            }
        }
        return List.copyOf(list);
    }

    /** {@code meta.row.<attr>.units}; null when the row has none. */
    private static Map<String, String> readRowUnits(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        Map<String, String> units = null;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            if (field.equals("row") && t == JsonToken.START_OBJECT) {
                units = readUnits(p);
            } else {
                p.skipChildren();
            }
        }
        return units;
    }

    /** An object {@code {<attr>: {"units": "..."}, ...}}, the form of both meta.row and meta.fields. */
    private static Map<String, String> readUnits(JsonParser p) throws IOException {
        Map<String, String> units = new HashMap<>();
        for (String attr = p.nextFieldName(); attr != null; attr = p.nextFieldName()) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
                JsonToken t = p.nextToken();
                if (key.equals("units") && t == JsonToken.VALUE_STRING) {
                    String unit = p.getText();
                    if (!unit.isBlank()) {
                        units.put(attr, unit);
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        return units;
    }

    private record TopMeta(long total, Map<String, String> units) {}

    private static TopMeta readTopMeta(JsonParser p) throws IOException {
        long total = -1;
        Map<String, String> units = Map.of();
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            if (field.equals("totalResourceCount") && t == JsonToken.VALUE_NUMBER_INT) {
                total = p.getLongValue();
            } else if (field.equals("fields") && t == JsonToken.START_OBJECT) {
                units = readUnits(p);
            } else {
                p.skipChildren();
            }
        }
        return new TopMeta(total, units);
    }

    /** Rows gathered before the top-level meta (which comes after data) is known. */
    private static final class Rows {
        /** The attribute shape of the last row, and scratch lists reused for every row. */
        private RowMap.Shape shape;
        private final List<String> names = new ArrayList<>(64);
        private final List<Object> values = new ArrayList<>(64);
        private final List<String> ids = new ArrayList<>();
        private final List<String> types = new ArrayList<>();
        private final List<Map<String, Object>> attributes = new ArrayList<>();
        private final List<Map<String, String>> units = new ArrayList<>();

        int size() {
            return ids.size();
        }

        void add(String id, String type, Map<String, Object> attrs, Map<String, String> rowUnits) {
            ids.add(id);
            types.add(type);
            attributes.add(attrs);
            units.add(rowUnits);
        }

        List<OmsRecord> build(Map<String, String> metaUnits) {
            List<OmsRecord> records = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                records.add(new OmsRecord(ids.get(i), types.get(i), attributes.get(i), unitsOf(i, metaUnits)));
            }
            return records;
        }

        private Map<String, String> lastUnits = Map.of();

        /** Rows mostly have the same units: share one immutable map (OmsRecord then keeps it without a copy). */
        private Map<String, String> shared(Map<String, String> units) {
            if (!units.equals(lastUnits)) {
                lastUnits = Map.copyOf(units);
            }
            return lastUnits;
        }

        /** Row units win; include=meta units fill in the attributes the row has no unit for. */
        private Map<String, String> unitsOf(int i, Map<String, String> metaUnits) {
            Map<String, String> row = units.get(i);
            if (metaUnits.isEmpty()) {
                return row == null ? Map.of() : shared(row);
            }
            Map<String, String> merged = new HashMap<>();
            Map<String, Object> attrs = attributes.get(i);
            metaUnits.forEach((attr, unit) -> {
                if (attrs.containsKey(attr)) {
                    merged.put(attr, unit);
                }
            });
            if (row != null) {
                merged.putAll(row);
            }
            return shared(merged);
        }
    }
}
