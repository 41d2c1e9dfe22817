package org.runops.calo.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.runops.calo.CaloException;

/**
 * The names in nopayloaddb's {@code globalTags} answer: a JSON array of objects
 * {@code {"id", "name", "author", "status", ...}}; every other field is skipped.
 */
public final class GlobalTagNames {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).build())
            .build();

    private GlobalTagNames() {}

    /** The global tag names, in answer order; a {@link CaloException} naming {@code source} when it is not that answer. */
    public static List<String> parse(byte[] json, String source) {
        List<String> names = new ArrayList<>();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new CaloException(source + ": expected a JSON array of global tags");
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t != JsonToken.START_OBJECT) {
                    throw new CaloException(source + ": global tag " + names.size() + " is not an object");
                }
                String name = null;
                for (JsonToken f = p.nextToken(); f != JsonToken.END_OBJECT; f = p.nextToken()) {
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    if (field.equals("name") && v == JsonToken.VALUE_STRING) {
                        name = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
                if (name == null) {
                    throw new CaloException(source + ": global tag " + names.size() + " has no name");
                }
                names.add(name);
            }
        } catch (JsonProcessingException e) {
            throw new CaloException(source + ": malformed JSON after " + names.size() + " global tags: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CaloException(source + ": cannot read: " + e.getMessage(), e);
        }
        return names;
    }
}
