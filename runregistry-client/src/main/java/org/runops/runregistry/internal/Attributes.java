package org.runops.runregistry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Defensive copies for the records: server order kept (Map.copyOf would lose it), JSON values deep-copied. */
public final class Attributes {
    private Attributes() {}

    /** An unmodifiable, ordered copy with every value deep-copied (a JsonNode is mutable); JSON null kept as NullNode. */
    public static Map<String, JsonNode> copy(Map<String, JsonNode> attributes) {
        Objects.requireNonNull(attributes, "attributes");
        Map<String, JsonNode> copy = new LinkedHashMap<>();
        attributes.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "attribute name"),
                Objects.requireNonNull(v, () -> "value of " + k + " (use NullNode for JSON null)").deepCopy()));
        return Collections.unmodifiableMap(copy);
    }

    /** An unmodifiable, ordered copy; neither keys nor values may be null. */
    public static <V> Map<String, V> ordered(Map<String, V> map) {
        Objects.requireNonNull(map, "map");
        Map<String, V> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, () -> "value of " + k)));
        return Collections.unmodifiableMap(copy);
    }

    /** The value of {@code name}, absent when missing or JSON null. */
    public static Optional<JsonNode> value(Map<String, JsonNode> attributes, String name) {
        JsonNode v = attributes.get(name);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }
}
