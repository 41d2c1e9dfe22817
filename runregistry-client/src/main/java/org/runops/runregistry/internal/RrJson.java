package org.runops.runregistry.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.runops.core.http.Redaction;
import org.runops.runregistry.RunRegistryException;

/** The one Jackson mapper of the module, and reading a body into a tree with errors that name the source. */
public final class RrJson {
    /** Thread-safe once configured; duplicate keys are an error (a record with two run numbers is not one record). */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static {
        // a hostile body cannot nest deeper than any real answer does
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
    }

    private RrJson() {}

    /** {@code body} as a JSON tree; a {@link RunRegistryException} naming {@code source} when it is not whole JSON. */
    public static JsonNode tree(byte[] body, String source) {
        if (body.length == 0) {
            throw new RunRegistryException(source + ": empty answer where JSON was expected");
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new RunRegistryException(source + ": no JSON value in the answer");
            }
            return node;
        } catch (IOException e) {
            throw new RunRegistryException(source + ": not valid JSON (" + firstLine(e.getMessage()) + "); starts with \""
                    + Redaction.excerpt(new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8)) + "\"", e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
