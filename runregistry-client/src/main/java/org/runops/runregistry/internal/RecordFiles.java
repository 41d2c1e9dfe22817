package org.runops.runregistry.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import org.runops.core.RegularFiles;
import org.runops.core.ledger.AtomicFiles;
import org.runops.runregistry.RunRegistryException;

/** Reading and writing saved record lists: the shared part of {@code RrDatasets} and {@code RrRuns}. */
public final class RecordFiles {
    private RecordFiles() {}

    /**
     * The records in {@code body}: a JSON array of records, one record, or a saved server page
     * ({@code {"<pageKey>": [...], "count": n, "pages": p}}).
     */
    public static <T> List<T> parse(byte[] body, String source, String pageKey, BiFunction<JsonNode, String, T> reader) {
        JsonNode root = RrJson.tree(body, source);
        JsonNode records = root.isObject() && root.has(pageKey) && root.get(pageKey).isArray() ? root.get(pageKey) : root;
        return RrRecords.each(records, source, reader);
    }

    public static <T> List<T> read(Path file, String pageKey, BiFunction<JsonNode, String, T> reader) {
        return parse(bytes(file), file.toString(), pageKey, reader);
    }

    /** The whole of {@code file}; a {@link RunRegistryException} naming it when it cannot be read. */
    public static byte[] bytes(Path file) {
        try {
            return RegularFiles.readAllBytes(file);
        } catch (IOException e) {
            throw new RunRegistryException("cannot read " + file + ": " + RegularFiles.reason(e), e);
        }
    }

    /** {@code tree} pretty-printed, one trailing newline. */
    public static String pretty(JsonNode tree) {
        try {
            return RrJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    /** {@code text} to {@code file}, atomically. */
    public static void write(Path file, String text) {
        try {
            AtomicFiles.write(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RunRegistryException("cannot write " + file + ": " + RegularFiles.reason(e), e);
        }
    }
}
