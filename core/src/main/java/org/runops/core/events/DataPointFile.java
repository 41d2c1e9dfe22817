package org.runops.core.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One DAQ data-point file ({@code .jsn}): {@code {"data": ["1000", "65536000"], "definition": "...jsd", "source": "BU-0"}}.
 * Values are kept as the text the DAQ wrote (strings, or numbers from some writers); each field's
 * meaning is its position in the {@code .jsd} named by {@code definition}.
 */
public record DataPointFile(Path file, List<String> data, String definition, String source) {

    public DataPointFile {
        Objects.requireNonNull(file, "file");
        data = List.copyOf(data);
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(source, "source");
    }

    /** Reads and parses one file (at most 1 MiB). */
    public static DataPointFile read(Path file) {
        return parse(file, DaqJson.read(file));
    }

    /** Parses {@code json}; {@code file} only names the input in errors. */
    public static DataPointFile parse(Path file, byte[] json) {
        List<String> data = null;
        String definition = "";
        String source = "";
        try (JsonParser p = DaqJson.parser(json)) {
            DaqJson.expectObject(p, file);
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String field = DaqJson.fieldName(p, t, file);
                JsonToken value = p.nextToken();
                switch (field) {
                    case "data" -> data = values(p, value, file);
                    case "definition" -> definition = text(p, value, file, field);
                    case "source" -> source = text(p, value, file, field);
                    default -> p.skipChildren();
                }
            }
            DaqJson.expectEnd(p, file);
        } catch (IOException e) {
            throw DaqJson.failure(file, e);
        }
        if (data == null) {
            throw new JsnFormatException(file, "no \"data\" array");
        }
        return new DataPointFile(file, data, definition, source);
    }

    /**
     * The integer at {@code index} of {@code data}.
     *
     * @throws JsnFormatException when there is no such field, or it is "N/A", empty, not an integer or negative
     */
    public long longAt(int index, String fieldName) {
        if (index < 0 || index >= data.size()) {
            throw new JsnFormatException(file, fieldName + " (data[" + index + "]) is missing: data has " + data.size() + " values");
        }
        String text = data.get(index).trim();
        if (text.isEmpty()) {
            throw new JsnFormatException(file, fieldName + " (data[" + index + "]) is empty");
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new JsnFormatException(file, fieldName + " (data[" + index + "]) is \"" + abbreviate(text) + "\", not an integer");
        }
        if (value < 0) {
            throw new JsnFormatException(file, fieldName + " (data[" + index + "]) is negative: " + value);
        }
        return value;
    }

    private static List<String> values(JsonParser p, JsonToken start, Path file) throws IOException {
        if (start != JsonToken.START_ARRAY) {
            throw new JsnFormatException(file, "\"data\" is " + DaqJson.describe(start) + ", not an array");
        }
        List<String> values = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) {
                throw new JsnFormatException(file, "truncated \"data\" array");
            }
            switch (t) {
                case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> values.add(p.getText());
                case VALUE_NULL -> values.add("");
                default -> throw new JsnFormatException(file, "data[" + values.size() + "] is " + DaqJson.describe(t)
                        + ", not a string or number");
            }
        }
        return values;
    }

    private static String text(JsonParser p, JsonToken value, Path file, String field) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            p.skipChildren();
            throw new JsnFormatException(file, "\"" + field + "\" is " + DaqJson.describe(value) + ", not a string");
        }
        return p.getText();
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
