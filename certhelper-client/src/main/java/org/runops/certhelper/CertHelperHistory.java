package org.runops.certhelper;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.runops.core.RegularFiles;
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
        try (InputStream in = RegularFiles.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new RunopsException(file + ": " + RegularFiles.reason(e), e);
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
            // Text after the array is a second document or a damaged file, never part of this history.
            JsonToken after = p.nextToken();
            if (after != null) {
                throw new RunopsException(source + ": unexpected " + (after.asString() != null ? "'" + after.asString() + "'"
                        : after.name().toLowerCase(Locale.ROOT)) + " after the closing ] of the " + pairs.size() + " rows");
            }
        } catch (JsonProcessingException e) {
            throw new RunopsException(source + ": malformed JSON after " + pairs.size() + " rows: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new RunopsException(source + ": cannot read: " + e.getMessage(), e);
        }
        return pairs;
    }

    /**
     * Writes {@code pairs} as a dump in Certhelper's own form — one JSON array, one object per row with
     * {@code run_number, run_reconstruction_type, reference_run_number, reference_run_reconstruction_type,
     * dataset} (null when unknown), one row per line — which {@link #parse} reads back as the same pairs.
     * {@code target} names the output in errors; the caller closes {@code out}.
     */
    public static void write(List<RunReferencePair> pairs, Writer out, String target) {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.setPrettyPrinter(new OneRowPerLine());
            g.writeStartArray();
            for (RunReferencePair p : pairs) {
                g.writeStartObject();
                g.writeNumberField("run_number", p.run());
                g.writeStringField("run_reconstruction_type", p.reconstruction());
                g.writeNumberField("reference_run_number", p.referenceRun());
                g.writeStringField("reference_run_reconstruction_type", p.referenceReconstruction());
                if (p.dataset().isEmpty()) {
                    g.writeNullField("dataset");
                } else {
                    g.writeStringField("dataset", p.dataset());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new RunopsException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Compact rows, one per line: small, and a diff of two dumps shows the rows that changed. */
    private static final class OneRowPerLine extends MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            g.writeRaw("[\n");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(",\n");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            g.writeRaw(values == 0 ? "]" : "\n]");
        }
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
