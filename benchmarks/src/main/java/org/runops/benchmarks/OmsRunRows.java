package org.runops.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OMS {@code runs} rows of the real 2024 shape, numbered {@link #FIRST_RUN}.. consecutively: row {@code i} is a
 * copy of the real row {@code i % 28} of {@value #SOURCE} with {@code id} and {@code attributes.run_number} set to
 * {@code FIRST_RUN + i} and the run number in its {@code links} and {@code relationships} URLs rewritten; its
 * 43 attributes and {@code meta.row} units are kept. Each row is serialised once, so serving a page only copies bytes.
 */
final class OmsRunRows {
    static final long FIRST_RUN = 400_000;
    static final String SOURCE = "data/oms/runs_377254-377296_int0185_2024-03.json";

    private final byte[][] rows;
    private final List<String> attributeNames;

    private OmsRunRows(byte[][] rows, List<String> attributeNames) {
        this.rows = rows;
        this.attributeNames = List.copyOf(attributeNames);
    }

    /** {@code count} rows built from {@value #SOURCE} under {@code shared}; an {@link IllegalStateException} naming it when absent. */
    static OmsRunRows of(Path shared, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("row count must be at least 1, got " + count);
        }
        Path file = shared.resolve(SOURCE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the OMS rows come from " + file.toAbsolutePath()
                    + ", which is missing: run from the repository root beside ../shared, or set -Drunops.shared=/path/to/shared");
        }
        ObjectMapper json = new ObjectMapper();
        try {
            JsonNode data = json.readTree(file.toFile()).path("data");
            if (!data.isArray() || data.isEmpty()) {
                throw new IllegalStateException(file + ": expected a non-empty data[] array of runs");
            }
            byte[][] rows = new byte[count][];
            for (int i = 0; i < count; i++) {
                rows[i] = json.writeValueAsBytes(renumbered(data.get(i % data.size()), FIRST_RUN + i, file));
            }
            Set<String> names = new LinkedHashSet<>();
            data.forEach(row -> row.path("attributes").fieldNames().forEachRemaining(names::add));
            return new OmsRunRows(rows, new ArrayList<>(names));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OMS rows from " + file, e);
        }
    }

    int size() {
        return rows.length;
    }

    /** Every attribute name of the source rows (43 in 2024), in first-seen order. */
    List<String> attributeNames() {
        return attributeNames;
    }

    long lastRun() {
        return FIRST_RUN + rows.length - 1;
    }

    /** The serialised row of {@code run}, one of {@code FIRST_RUN..lastRun()}. */
    byte[] row(long run) {
        return rows[Math.toIntExact(run - FIRST_RUN)];
    }

    private static JsonNode renumbered(JsonNode template, long run, Path file) {
        ObjectNode row = template.deepCopy();
        JsonNode original = row.path("attributes").path("run_number");
        if (!original.canConvertToLong()) {
            throw new IllegalStateException(file + ": a row without a numeric attributes.run_number");
        }
        String from = "/runs/" + original.asLong();
        String to = "/runs/" + run;
        row.put("id", Long.toString(run));
        ((ObjectNode) row.get("attributes")).put("run_number", run);
        rewriteUrls(row.get("links"), from, to);
        rewriteUrls(row.get("relationships"), from, to);
        return row;
    }

    /** Every text value under {@code node} with {@code from} replaced by {@code to} (the row's own URLs). */
    private static void rewriteUrls(JsonNode node, String from, String to) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isTextual()) {
                field.setValue(TextNode.valueOf(field.getValue().asText().replace(from, to)));
            } else {
                rewriteUrls(field.getValue(), from, to);
            }
        }
    }
}
