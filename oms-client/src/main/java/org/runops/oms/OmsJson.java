package org.runops.oms;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Writes records in the OMS response shape ({@code data[].attributes}, {@code data[].meta.row.<attr>.units},
 * {@code meta.totalResourceCount}), so {@link OmsPage#parse} reads both OMS answers and what this writes
 * (the {@link OmsCache} files, exports).
 */
public final class OmsJson {
    private static final JsonFactory JSON = new JsonFactory();

    private OmsJson() {}

    /** One page holding {@code records}, with {@code totalResourceCount} = their number. */
    public static byte[] page(List<OmsRecord> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("data");
            for (OmsRecord r : records) {
                row(g, r);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("meta");
            g.writeNumberField("totalResourceCount", records.size());
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory stream: cannot happen
        }
        return out.toByteArray();
    }

    private static void row(JsonGenerator g, OmsRecord r) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.id());
        g.writeStringField("type", r.type());
        g.writeObjectFieldStart("attributes");
        for (Map.Entry<String, Object> e : r.attributes().entrySet()) {
            g.writeFieldName(e.getKey());
            writeValue(g, e.getValue());
        }
        g.writeEndObject();
        if (!r.units().isEmpty()) {
            g.writeObjectFieldStart("meta");
            g.writeObjectFieldStart("row");
            for (Map.Entry<String, String> e : r.units().entrySet()) {
                g.writeObjectFieldStart(e.getKey());
                g.writeStringField("units", e.getValue());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** Writes one attribute value as JSON: the kinds {@link OmsRecord} holds (Long, Double, String, Boolean, List, null). */
    public static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Number n) {
            g.writeNumber(n.toString());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                g.writeString(String.valueOf(o));
            }
            g.writeEndArray();
        } else {
            g.writeString(v.toString());
        }
    }
}
