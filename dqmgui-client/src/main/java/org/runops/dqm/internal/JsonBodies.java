package org.runops.dqm.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import org.runops.core.http.Redaction;

/** What the GUI's two JSON parsers (jsonfairy, samples) share: a bounded mapper and the body excerpt of their messages. */
public final class JsonBodies {
    private JsonBodies() {}

    /**
     * A mapper for untrusted GUI bodies: nesting, strings and numbers bounded, and bytes after the JSON value
     * an error (an HTML tail must not pass as "unsupported type").
     */
    public static ObjectMapper mapper(int maxNestingDepth, JsonReadFeature... features) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxNestingDepth)
                        .maxStringLength(1 << 20)
                        .maxNumberLength(64)
                        .build())
                .build();
        JsonMapper.Builder b = JsonMapper.builder(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        for (JsonReadFeature f : features) {
            b.enable(f);
        }
        return b.build();
    }

    /** The start of {@code body} quoted for a message (secrets hidden by {@link Redaction#excerpt}), or "an empty body". */
    public static String excerpt(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 2048), StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "an empty body" : "\"" + Redaction.excerpt(text) + "\"";
    }
}
