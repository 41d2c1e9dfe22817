package org.runops.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryLogTest {

    @TempDir
    Path tmp;

    private static HistoryRecord record(long run, String decision, String reason) {
        return new HistoryRecord(Instant.parse("2026-11-24T12:00:00Z"), "srv-s2b17-29-01", run, decision, reason,
                Map.of("events", "MATCH"), Map.of("analysis", 812_000L));
    }

    @Test
    void recordsRoundTripAndAnswerWhyForOneRun() {
        HistoryLog log = HistoryLog.open(tmp.resolve("history.jsonl"));
        log.append(record(338999, "SKIP", "RECENTLY_FINISHED: ended 40 min ago (< 2 h)"));
        log.append(record(339000, "GOOD", "EMPTY_RUN: zero-event run"));
        log.append(record(338999, "GOOD", "VALIDATED: events MATCH, ANALYSIS rows present, client and source files present"));
        assertThat(log.read()).hasSize(3);
        assertThat(log.forRun(338999)).extracting(HistoryRecord::decision).containsExactly("SKIP", "GOOD");
        HistoryRecord back = log.forRun(339000).get(0);
        assertThat(back).isEqualTo(record(339000, "GOOD", "EMPTY_RUN: zero-event run"));
    }

    @Test
    void quotesNewlinesAndUnicodeInReasonsStayOnOneLine() throws IOException {
        HistoryLog log = HistoryLog.open(tmp.resolve("h.jsonl"));
        log.append(record(1, "FAILED", "analysis said \"no\"\nand then µ-something"));
        assertThat(Files.readAllLines(tmp.resolve("h.jsonl"))).hasSize(1);
        assertThat(log.read().get(0).reason()).isEqualTo("analysis said \"no\"\nand then µ-something");
    }

    @Test
    void badAndTornLinesAreReportedNotFatal() throws IOException {
        Path f = tmp.resolve("h.jsonl");
        HistoryLog log = HistoryLog.open(f);
        log.append(record(1, "GOOD", "ok"));
        Files.writeString(f, "not json\n{\"run\": 2}\n{\"time\":\"2026", StandardOpenOption.APPEND);
        HistoryLog.Contents c = log.contents();
        assertThat(c.records()).hasSize(1);
        assertThat(c.problems()).hasSize(3);
        log.append(record(3, "GOOD", "ok"));
        assertThat(log.read()).extracting(HistoryRecord::run).containsExactly(1L, 3L);
        assertThat(tmp.resolve("h.jsonl.torn")).exists();
    }

    @Test
    void decisionLinesKeepTheirFormat() throws IOException {
        try (HistoryLog log = HistoryLog.open(tmp.resolve("h.jsonl"))) {
            log.append(record(338999, "GOOD", "VALIDATED: ok"));
        }
        assertThat(Files.readAllLines(tmp.resolve("h.jsonl"))).containsExactly("{\"time\":\"2026-11-24T12:00:00Z\","
                + "\"host\":\"srv-s2b17-29-01\",\"run\":338999,\"decision\":\"GOOD\",\"reason\":\"VALIDATED: ok\","
                + "\"checks\":{\"events\":\"MATCH\"},\"durationsMs\":{\"analysis\":812000}}");
    }

    @Test
    void passesRoundTripBesideDecisionsWhichReadersOfDecisionsDoNotSee() {
        Path f = tmp.resolve("history.jsonl");
        PassRecord failed = new PassRecord(Instant.parse("2026-11-24T12:00:00Z"), Instant.parse("2026-11-24T12:00:03Z"), "srv-a",
                PassRecord.Outcome.FAILED, 0, Map.of(), "UncheckedIOException: cannot list /raid/fff",
                Instant.parse("2026-11-24T12:00:04Z"));
        PassRecord completed = new PassRecord(Instant.parse("2026-11-24T12:00:04Z"), Instant.parse("2026-11-24T12:01:00Z"), "srv-a",
                PassRecord.Outcome.COMPLETED, 3, Map.of("GOOD", 2L, "SKIP", 1L), "", Instant.parse("2026-11-24T13:00:00Z"));
        try (HistoryLog log = HistoryLog.open(f)) {
            log.append(failed);
            log.append(record(1, "GOOD", "ok"));
            log.append(completed);
            assertThat(log.passes()).containsExactly(failed, completed);
            assertThat(log.read()).extracting(HistoryRecord::run).containsExactly(1L);
            assertThat(log.contents().problems()).isEmpty();
        }
    }

    @Test
    void unknownFieldsAreIgnoredAndUnknownKindsReported() throws IOException {
        Path f = tmp.resolve("h.jsonl");
        Files.writeString(f, "{\"time\":\"2026-11-24T12:00:00Z\",\"host\":\"h\",\"run\":7,\"decision\":\"GOOD\",\"reason\":\"ok\","
                + "\"added\":{\"later\":[1,2]}}\n{\"kind\":\"maintenance\",\"time\":\"2026-11-24T12:00:00Z\"}\n");
        HistoryLog.Contents c = HistoryLog.open(f).contents();
        assertThat(c.records()).singleElement().satisfies(r -> {
            assertThat(r.run()).isEqualTo(7);
            assertThat(r.checks()).isEmpty();
        });
        assertThat(c.problems()).singleElement().satisfies(p -> assertThat(p).contains(":2:", "maintenance"));
    }

    @Test
    void aPassRecordSaysWhyItFailed() {
        Instant t = Instant.parse("2026-11-24T12:00:00Z");
        assertThatThrownBy(() -> new PassRecord(t, t, "h", PassRecord.Outcome.FAILED, 0, Map.of(), " ", t))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FAILED");
        assertThatThrownBy(() -> new PassRecord(t, t.minusSeconds(1), "h", PassRecord.Outcome.COMPLETED,
                0, Map.of(), "", t)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before");
    }
}
