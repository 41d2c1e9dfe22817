package org.runops.runregistry;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON-portal request as Run Registry's {@code sample_json_logic} files hold it: an optional dataset name pattern
 * (SQL SIMILAR TO) on the first non-blank line, then the json-logic object. A text that starts with {@code {} is the
 * logic alone.
 */
public record JsonLogicRequest(Optional<String> datasetPattern, String logic) {
    public JsonLogicRequest {
        Objects.requireNonNull(datasetPattern, "datasetPattern");
        Objects.requireNonNull(logic, "logic");
        if (logic.isBlank()) {
            throw new IllegalArgumentException("a JSON-portal request needs a json-logic object, got none");
        }
    }

    /** Reads the file format; the logic is checked as JSON only when it is sent. */
    public static JsonLogicRequest parse(String text) {
        List<String> lines = List.of(Objects.requireNonNull(text, "text").split("\\R", -1));
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first == lines.size()) {
            throw new IllegalArgumentException("a JSON-portal request needs a json-logic object, got an empty text");
        }
        String head = lines.get(first).strip();
        if (head.startsWith("{")) {
            return new JsonLogicRequest(Optional.empty(), String.join("\n", lines.subList(first, lines.size())));
        }
        return new JsonLogicRequest(Optional.of(head), String.join("\n", lines.subList(first + 1, lines.size())));
    }
}
