package org.runops.oms;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.runops.oms.internal.PageParser;

/**
 * One page of an OMS aggregation-API response: its rows, the server's {@code meta.totalResourceCount}
 * and the {@code meta.fields.<attr>.units} that {@code include=meta} adds (already applied to the rows
 * that lack their own {@code meta.row} units).
 *
 * @param records            the rows in server order
 * @param totalResourceCount the total of the whole query, or -1 when the response does not say
 * @param metaUnits          top-level units by attribute name, empty without {@code include=meta}
 */
public record OmsPage(List<OmsRecord> records, long totalResourceCount, Map<String, String> metaUnits) {
    public OmsPage {
        records = List.copyOf(Objects.requireNonNull(records, "records"));
        metaUnits = Map.copyOf(Objects.requireNonNull(metaUnits, "metaUnits"));
        if (totalResourceCount < -1) {
            throw new IllegalArgumentException("totalResourceCount must be >= -1: " + totalResourceCount);
        }
    }

    /**
     * Parses one response body. {@code source} (a URL or file) names it in errors: malformed or
     * truncated JSON, or a response without a {@code data} array, is an {@link OmsException} naming the
     * source, the row index and the byte offset.
     */
    public static OmsPage parse(byte[] json, String source) {
        return PageParser.parse(json, source);
    }
}
