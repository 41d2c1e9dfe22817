package org.runops.core.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code history.jsonl}: one JSON object per line, appended whole and forced to disk, so "why was run X
 * (not) processed" has an answer long after the pass. Two kinds of line: a decision about one run
 * ({@link HistoryRecord}; no {@code kind} field, as always) and, added later, a pass of a periodic job
 * ({@link PassRecord}, {@code "kind":"pass"}). Readers skip (and report) a torn last line, a line that is
 * neither, and a kind they do not know, never failing on them; fields they do not know are ignored.
 *
 * <p>The first append starts a writer thread; {@link #close()} stops it (a log only read holds nothing).
 */
public final class HistoryLog implements AutoCloseable {
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxStringLength(1 << 20).build())
                    .build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // newer writers may add fields
            .build();
    private static final String PASS = "pass";

    /** The file format of a decision line; the API type is {@link HistoryRecord}. */
    private record DecisionLine(String time, String host, Long run, String decision, String reason, Map<String, String> checks,
            Map<String, Long> durationsMs) {
        static DecisionLine of(HistoryRecord r) {
            return new DecisionLine(r.time().toString(), r.host(), r.run(), r.decision(), r.reason(), r.checks(), r.durations());
        }

        HistoryRecord toRecord() {
            return new HistoryRecord(instant(time, "time"), require(host, "host"), require(run, "run"), require(decision, "decision"),
                    require(reason, "reason"), checks == null ? Map.of() : checks, durationsMs == null ? Map.of() : durationsMs);
        }
    }

    /** The file format of a pass line; {@code time} (= finished) lets a reader order every line by one field. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record PassLine(String kind, String time, String host, String started, String outcome, Integer candidates,
            Map<String, Long> counts, String error, String nextPassDue) {
        static PassLine of(PassRecord p) {
            return new PassLine(PASS, p.finished().toString(), p.host(), p.started().toString(), p.outcome().name(), p.candidates(),
                    p.counts(), p.error().isEmpty() ? null : p.error(), p.nextPassDue().toString());
        }

        PassRecord toRecord() {
            return new PassRecord(instant(started, "started"), instant(time, "time"), require(host, "host"),
                    PassRecord.Outcome.valueOf(require(outcome, "outcome")), require(candidates, "candidates"),
                    counts == null ? Map.of() : counts, error == null ? "" : error, instant(nextPassDue, "nextPassDue"));
        }
    }

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

    /** Appends one decision as one line. */
    public void append(HistoryRecord record) {
        write(DecisionLine.of(record));
    }

    /** Appends one pass as one line. */
    public void append(PassRecord pass) {
        write(PassLine.of(pass));
    }

    /** Every readable decision, oldest first. */
    public List<HistoryRecord> read() {
        return contents().records();
    }

    /** The decisions about one run, oldest first. */
    public List<HistoryRecord> forRun(long run) {
        return read().stream().filter(r -> r.run() == run).toList();
    }

    /** Every readable pass, oldest first. */
    public List<PassRecord> passes() {
        return contents().passes();
    }

    /** Decisions, passes, and the lines that could not be read. */
    public record Contents(List<HistoryRecord> records, List<PassRecord> passes, List<String> problems) {
        public Contents {
            records = List.copyOf(records);
            passes = List.copyOf(passes);
            problems = List.copyOf(problems);
        }
    }

    /** Every readable line, and what was wrong with the others. */
    public Contents contents() {
        AppendOnlyFile.Contents contents = store.read();
        List<HistoryRecord> records = new ArrayList<>();
        List<PassRecord> passes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < contents.lines().size(); i++) {
            String line = contents.lines().get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(line);
                if (!node.isObject()) {
                    throw new IllegalArgumentException("not a JSON object");
                }
                String kind = node.path("kind").asText("");
                if (kind.isEmpty()) {
                    records.add(JSON.treeToValue(node, DecisionLine.class).toRecord());
                } else if (kind.equals(PASS)) {
                    passes.add(JSON.treeToValue(node, PassLine.class).toRecord());
                } else {
                    problems.add(file() + ":" + (i + 1) + ": a kind of record this version does not know: " + kind);
                }
            } catch (JsonProcessingException | RuntimeException e) {
                problems.add(file() + ":" + (i + 1) + ": not a history record: " + e.getMessage());
            }
        }
        if (contents.tornTail() != null) {
            problems.add(file() + ":" + (contents.lines().size() + 1) + ": torn last line ignored");
        }
        return new Contents(records, passes, problems);
    }

    /** Stops this log's writer thread; it can still be read, no longer appended to. */
    @Override
    public void close() {
        store.close();
    }

    private void write(Object line) {
        try {
            store.append(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new LedgerException("cannot write a history line to " + file() + ": " + e.getMessage(), e);
        }
    }

    private static <T> T require(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value;
    }

    private static Instant instant(String value, String field) {
        try {
            return Instant.parse(require(value, field));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("bad " + field + ": " + value, e);
        }
    }
}
