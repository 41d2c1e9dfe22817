package org.runops.core.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code history.jsonl}: one JSON object per decision, appended whole and forced to disk, so "why was
 * run X (not) processed" has an answer long after the pass. Readers skip (and report) a torn last
 * line or a line that is not a history record, never failing on them.
 */
public final class HistoryLog {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxStringLength(1 << 20).build())
            .build();

    private final AppendOnlyFile store;

    private HistoryLog(Path file) {
        this.store = new AppendOnlyFile(file);
    }

    public static HistoryLog open(Path file) {
        return new HistoryLog(file);
    }

    public Path file() {
        return store.file();
    }

    /** Appends one record as one line. */
    public void append(HistoryRecord record) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("time", record.time().toString());
            g.writeStringField("host", record.host());
            g.writeNumberField("run", record.run());
            g.writeStringField("decision", record.decision());
            g.writeStringField("reason", record.reason());
            g.writeObjectFieldStart("checks");
            for (Map.Entry<String, String> e : record.checks().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("durationsMs");
            for (Map.Entry<String, Long> e : record.durations().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store.append(out.toString());
    }

    /** Every readable record, oldest first. */
    public List<HistoryRecord> read() {
        return contents().records();
    }

    /** The records of one run, oldest first. */
    public List<HistoryRecord> forRun(long run) {
        return read().stream().filter(r -> r.run() == run).toList();
    }

    /** Records and the lines that could not be read. */
    public record Contents(List<HistoryRecord> records, List<String> problems) {}

    /** Every readable record, and what was wrong with the others. */
    public Contents contents() {
        AppendOnlyFile.Contents contents = store.read();
        List<HistoryRecord> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < contents.lines().size(); i++) {
            String line = contents.lines().get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                records.add(parse(line));
            } catch (IOException | RuntimeException e) {
                problems.add(file() + ":" + (i + 1) + ": not a history record: " + e.getMessage());
            }
        }
        if (contents.tornTail() != null) {
            problems.add(file() + ":" + (contents.lines().size() + 1) + ": torn last line ignored");
        }
        return new Contents(records, problems);
    }

    private static HistoryRecord parse(String line) throws IOException {
        Instant time = null;
        String host = null;
        Long run = null;
        String decision = null;
        String reason = null;
        Map<String, String> checks = new LinkedHashMap<>();
        Map<String, Long> durations = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "time" -> time = Instant.parse(p.getValueAsString());
                    case "host" -> host = p.getValueAsString();
                    case "run" -> run = p.getValueAsLong();
                    case "decision" -> decision = p.getValueAsString();
                    case "reason" -> reason = p.getValueAsString();
                    case "checks" -> readObject(p, value, (k, v) -> checks.put(k, v.getValueAsString()));
                    case "durationsMs" -> readObject(p, value, (k, v) -> durations.put(k, v.getValueAsLong()));
                    default -> p.skipChildren();
                }
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("bad time: " + e.getParsedString(), e);
        }
        if (time == null || host == null || run == null || decision == null || reason == null) {
            throw new IllegalArgumentException("missing one of time, host, run, decision, reason");
        }
        return new HistoryRecord(time, host, run, decision, reason, checks, durations);
    }

    private interface FieldReader {
        void read(String key, JsonParser value) throws IOException;
    }

    private static void readObject(JsonParser p, JsonToken start, FieldReader reader) throws IOException {
        if (start != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("expected an object");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            reader.read(key, p);
        }
    }
}
