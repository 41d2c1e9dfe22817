package org.runops.oms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.runops.oms.internal.RowMap;

/**
 * One row of an OMS aggregation-API response, untyped: {@code data[i].id}, {@code .type}, the
 * {@code attributes} as plain Java values ({@code Long}, {@code Double}, {@code String},
 * {@code Boolean}, {@code List<String>} or {@code null}, in the server's order) and the units of the
 * attributes that have one (from {@code data[i].meta.row} or the response's {@code include=meta}).
 *
 * @param id         the server's id: run number for runs, fill number for fills, {@code "<run>_<ls>"} for lumisections
 * @param type       the resource type ({@code runs}, {@code fills}, {@code lumisections}, ...)
 * @param attributes attribute values by name; a value may be null
 * @param units      unit strings by attribute name, as the server wrote them (normalised by the typed records)
 */
public record OmsRecord(String id, String type, Map<String, Object> attributes, Map<String, String> units) {
    public OmsRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        // Map.copyOf refuses null values and loses order: OMS has both, so keep an ordered unmodifiable copy
        // (the parser's RowMap already is one, and is kept as it is: the page parser's hot path).
        Objects.requireNonNull(attributes, "attributes");
        attributes = attributes instanceof RowMap ? attributes : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        units = Map.copyOf(Objects.requireNonNull(units, "units"));
    }

    /** The attribute's value, absent when missing or null. */
    public Optional<Object> value(String attribute) {
        return Optional.ofNullable(attributes.get(attribute));
    }

    /** The attribute's unit as the server wrote it, if it has one. */
    public Optional<String> unit(String attribute) {
        return Optional.ofNullable(units.get(attribute));
    }
}
