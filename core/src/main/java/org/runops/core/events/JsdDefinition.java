package org.runops.core.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A DAQ definition file ({@code .jsd}): the names of the fields of a {@code .jsn}'s {@code data}
 * array, under the label {@code legend} (evb) or {@code data} (cmssw's budef.jsd).
 */
public record JsdDefinition(Path file, List<String> names) {

    public JsdDefinition {
        names = List.copyOf(names);
    }

    /** Reads and parses one file (at most 1 MiB). */
    public static JsdDefinition read(Path file) {
        return parse(file, DaqJson.read(file));
    }

    /** Parses {@code json}; {@code file} only names the input in errors. */
    public static JsdDefinition parse(Path file, byte[] json) {
        List<String> names = null;
        try (JsonParser p = DaqJson.parser(json)) {
            DaqJson.expectObject(p, file);
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String field = DaqJson.fieldName(p, t, file);
                JsonToken value = p.nextToken();
                if ((field.equals("legend") || field.equals("data")) && names == null) {
                    names = names(p, value, file, field);
                } else {
                    p.skipChildren();
                }
            }
            DaqJson.expectEnd(p, file);
        } catch (IOException e) {
            throw DaqJson.failure(file, e);
        }
        if (names == null) {
            throw new JsnFormatException(file, "neither a \"legend\" nor a \"data\" array");
        }
        return new JsdDefinition(file, names);
    }

    /** Position of the field called {@code name}, or -1. */
    public int indexOf(String name) {
        return names.indexOf(name);
    }

    /**
     * Finds the file a {@code definition} names. The path written by the DAQ is absolute on the
     * machine that wrote it ({@code /raid/fff/run338999/jsd/EoR.jsd}); like cmssw, strip leading
     * components until the rest exists under the run directory, then try the path as written.
     */
    public static Optional<Path> locate(Path runDirectory, String definition) {
        if (definition.isBlank()) {
            return Optional.empty();
        }
        Path written;
        try {
            written = Path.of(definition);
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
        int n = written.getNameCount();
        for (int i = 0; i < n; i++) {
            Path candidate = runDirectory.resolve(written.subpath(i, n).toString()).normalize();
            if (candidate.startsWith(runDirectory.normalize()) && Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Files.isRegularFile(written) ? Optional.of(written) : Optional.empty();
    }

    private static List<String> names(JsonParser p, JsonToken start, Path file, String label) throws IOException {
        if (start != JsonToken.START_ARRAY) {
            throw new JsnFormatException(file, "\"" + label + "\" is " + DaqJson.describe(start) + ", not an array");
        }
        List<String> names = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) {
                throw new JsnFormatException(file, "truncated \"" + label + "\" array");
            }
            if (t != JsonToken.START_OBJECT) {
                throw new JsnFormatException(file, label + "[" + names.size() + "] is " + DaqJson.describe(t) + ", not an object");
            }
            String name = "";
            for (JsonToken f = p.nextToken(); f != JsonToken.END_OBJECT; f = p.nextToken()) {
                String key = DaqJson.fieldName(p, f, file);
                JsonToken v = p.nextToken();
                if (key.equals("name") && v == JsonToken.VALUE_STRING) {
                    name = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            names.add(name);
        }
        return names;
    }
}
