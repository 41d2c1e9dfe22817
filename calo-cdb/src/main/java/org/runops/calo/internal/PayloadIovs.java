package org.runops.calo.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.runops.calo.CaloException;
import org.runops.calo.PayloadRef;

/**
 * The answer of nopayloaddb's {@code payloadiovs/} (one JSON array, one row per payload list of the global
 * tag) as payload type → {@link PayloadRef}. Rows may be positional — {@code [type, url, checksum, size,
 * major, minor, major_end, minor_end(, revision)]}, or without the size column in 7 columns as older servers
 * send them — or objects ({@code shape=dict}: {@code payload_type_name, payload_url, checksum, size,
 * major_iov, minor_iov, major_iov_end, minor_iov_end, revision}); both shapes are read in any answer. A
 * null checksum is "", a null {@code minor_iov_end} an open end. Anything else unexpected is a {@link
 * CaloException} naming the source and the row: a run is never judged from half an answer.
 */
public final class PayloadIovs {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).build())
            .build();

    private PayloadIovs() {}

    /** Parses {@code json}; {@code source} (the URL) names it in errors. */
    public static Map<String, PayloadRef> parse(byte[] json, String source) {
        Map<String, PayloadRef> payloads = new LinkedHashMap<>();
        int row = 0;
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new CaloException(source + ": expected a JSON array of payload IOV rows");
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                PayloadRef ref = switch (t) {
                    case START_ARRAY -> positional(p, source, row);
                    case START_OBJECT -> dict(p, source, row);
                    default -> throw new CaloException(source + ": row " + row + " is neither an array nor an object");
                };
                if (payloads.putIfAbsent(ref.payloadType(), ref) != null) {
                    throw new CaloException(source + ": row " + row + " repeats payload type " + ref.payloadType());
                }
                row++;
            }
            if (p.nextToken() != null) {
                throw new CaloException(source + ": text after the closing ] of the " + row + " rows");
            }
        } catch (JsonProcessingException e) {
            throw new CaloException(source + ": malformed JSON at row " + row + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CaloException(source + ": cannot read: " + e.getMessage(), e);
        }
        return payloads;
    }

    private static PayloadRef positional(JsonParser p, String source, int row) throws IOException {
        List<Object> cells = new ArrayList<>(9);
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            cells.add(scalar(p, t, source, row));
        }
        int n = cells.size();
        if (n < 7 || n > 9) {
            throw new CaloException(source + ": row " + row + " has " + n + " columns, expected 7 (no size), 8 or 9");
        }
        int iov = n == 7 ? 3 : 4; // the size column (index 3) is absent from 7-column rows
        return ref(source, row, cells.get(0), cells.get(1), cells.get(2), cells.get(iov + 1), cells.get(iov + 3));
    }

    private static PayloadRef dict(JsonParser p, String source, int row) throws IOException {
        Object type = null;
        Object url = null;
        Object checksum = null;
        Object minor = null;
        Object minorEnd = null;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String field = p.currentName();
            Object value = scalar(p, p.nextToken(), source, row);
            switch (field) {
                case "payload_type_name" -> type = value;
                case "payload_url" -> url = value;
                case "checksum" -> checksum = value;
                case "minor_iov" -> minor = value;
                case "minor_iov_end" -> minorEnd = value;
                default -> { } // size, major IOVs, revision: sPHENIX keeps major 0 and the client ignores them
            }
        }
        return ref(source, row, type, url, checksum, minor, minorEnd);
    }

    /** A string, a whole number (Long), null, or Boolean.FALSE standing for "something else" (a nested value, a fraction). */
    private static Object scalar(JsonParser p, JsonToken t, String source, int row) throws IOException {
        return switch (t) {
            case VALUE_STRING -> p.getText();
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT -> {
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw new CaloException(source + ": row " + row + " holds " + p.getText() + ", beyond a 64-bit IOV");
                }
                yield p.getLongValue();
            }
            default -> {
                p.skipChildren();
                yield Boolean.FALSE;
            }
        };
    }

    private static PayloadRef ref(String source, int row, Object type, Object url, Object checksum, Object minor,
            Object minorEnd) {
        if (!(type instanceof String t) || t.isEmpty()) {
            throw new CaloException(source + ": row " + row + " has no payload type name");
        }
        if (!(url instanceof String u) || u.isEmpty()) {
            throw new CaloException(source + ": row " + row + " (" + t + ") has no payload URL");
        }
        if (checksum != null && !(checksum instanceof String)) {
            throw new CaloException(source + ": row " + row + " (" + t + ") has a checksum that is not text");
        }
        if (!(minor instanceof Long first)) {
            throw new CaloException(source + ": row " + row + " (" + t + ") has no whole-number minor IOV");
        }
        if (minorEnd != null && !(minorEnd instanceof Long)) {
            throw new CaloException(source + ": row " + row + " (" + t + ") has a minor IOV end that is not a whole number");
        }
        long end = minorEnd == null ? Long.MAX_VALUE : (Long) minorEnd;
        return new PayloadRef(t, u, checksum == null ? "" : (String) checksum, first, end);
    }
}
