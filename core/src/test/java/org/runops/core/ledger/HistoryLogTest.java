package org.runops.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

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
}
