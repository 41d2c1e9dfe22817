package org.runops.certhelper;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.runops.core.RunopsException;
import org.runops.core.refrun.RunReferencePair;

/**
 * Certhelper's run→reference history as the API returns it (one JSON array, no envelope), in every
 * form seen: the current rows {@code run_number, run_reconstruction_type, reference_run_number,
 * reference_run_reconstruction_type, dataset} (dataset may be null, or the legacy "To Be Defined"),
 * the same rows in the 2021 file, and the first API's two fields {@code run_number,
 * reference_run_number}. Unknown fields are skipped; a row without both run numbers is an error
 * naming its position, never a silently shorter history.
 */
public final class CertHelperHistory {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).build())
            .build();

    private CertHelperHistory() {}

    /** Reads a saved dump. */
    public static List<RunReferencePair> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new RunopsException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses a dump from {@code in}; {@code source} names it in errors (a file or a URL). */
    public static List<RunReferencePair> parse(InputStream in, String source) {
        List<RunReferencePair> pairs = new ArrayList<>();
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new RunopsException(source + ": expected a JSON array of run/reference rows");
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t != JsonToken.START_OBJECT) {
                    throw new RunopsException(source + ": row " + pairs.size() + " is not an object");
                }
                pairs.add(row(p, source, pairs.size()));
            }
        } catch (JsonProcessingException e) {
            throw new RunopsException(source + ": malformed JSON after " + pairs.size() + " rows: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new RunopsException("cannot read " + source + ": " + e.getMessage(), e);
        }
        return pairs;
    }

    private static RunReferencePair row(JsonParser p, String source, int index) throws IOException {
        long run = 0;
        long reference = 0;
        String reco = "";
        String referenceReco = "";
        String dataset = "";
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "run_number" -> run = number(p, value);
                case "reference_run_number" -> reference = number(p, value);
                case "run_reconstruction_type" -> reco = text(p, value);
                case "reference_run_reconstruction_type" -> referenceReco = text(p, value);
                case "dataset" -> dataset = text(p, value);
                default -> p.skipChildren();
            }
        }
        if (run <= 0 || reference <= 0) {
            throw new RunopsException(source + ": row " + index + " lacks a positive run_number and reference_run_number");
        }
        return new RunReferencePair(run, reco, reference, referenceReco, dataset);
    }

    private static long number(JsonParser p, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_NUMBER_INT -> p.getLongValue();
            case VALUE_STRING -> parseLong(p.getText());
            default -> {
                p.skipChildren();
                yield 0;
            }
        };
    }

    /** A run number written as a string; anything unreadable is 0, which the row check reports. */
    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Null and absent become "", so grouping treats them as one "unknown" value. */
    private static String text(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return "";
        }
        p.skipChildren();
        return value.isScalarValue() ? p.getText().trim() : "";
    }
}
