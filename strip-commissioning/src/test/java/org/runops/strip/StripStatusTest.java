package org.runops.strip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.ledger.HistoryRecord;
import org.runops.core.ledger.LedgerEntry;
import org.runops.core.ledger.PassRecord;
import org.runops.core.ledger.RunLeases;

class StripStatusTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void anEmptyDirectoryHasEmptyLedgersAndNothingElse() {
        StripStatus s = StripStatus.read(config(), Clock.fixed(NOW, ZoneOffset.UTC), 5);
        assertThat(s.ledgers()).extracting(StripStatus.LedgerStatus::name).containsExactly("analyzedruns.txt", "failedruns.txt", "ignoredruns.txt");
        assertThat(s.ledgers()).allSatisfy(l -> {
            assertThat(l.runs()).isZero();
            assertThat(l.last()).isEmpty();
        });
        assertThat(s.inProgress()).isEmpty();
        assertThat(s.lastPasses()).isEmpty();
        assertThat(s.lastDecision()).isEmpty();
        assertThat(s.nextPassDue()).isEmpty();
        assertThat(s.problems()).isEmpty();
        assertThat(tmp.resolve("ledgers")).as("reading creates nothing").doesNotExist();
    }

    @Test
    void ledgersLeasesPassesAndTheNextPassAreReadThroughTheLibrary() throws IOException {
        StripConfig config = config();
        Path dir = config.ledgerDirectory();
        try (StripLedgers ledgers = StripLedgers.open(dir)) {
            ledgers.good().append(338999);
            ledgers.good().append(338999);
            ledgers.good().append(339001);
            ledgers.failed().append(400109, "True", "False", "False", "False");
            ledgers.history().append(new HistoryRecord(NOW.minusSeconds(60), "srv-a", 400109, "FAILED", "VALIDATION_FAILED: ...",
                    Map.of(), Map.of()));
            for (int i = 0; i < 3; i++) {
                Instant start = NOW.minus(Duration.ofHours(3 - i));
                ledgers.history().append(new PassRecord(start, start.plusSeconds(30), "srv-a", PassRecord.Outcome.COMPLETED, i,
                        Map.of(), "", start.plus(Duration.ofHours(1))));
            }
        }
        Files.writeString(dir.resolve("failedruns.txt"), "run4001", StandardOpenOption.APPEND); // a torn last line
        RunLeases.in(dir.resolve("leases"), "srv-a", 11, Duration.ofMinutes(30), Clock.fixed(NOW.minus(Duration.ofHours(1)), ZoneOffset.UTC))
                .tryAcquire(339002).orElseThrow();
        RunLeases.in(dir.resolve("leases"), "srv-b", 12, Duration.ofMinutes(30), Clock.fixed(NOW, ZoneOffset.UTC))
                .tryAcquire(339003).orElseThrow();

        StripStatus s = StripStatus.read(config, Clock.fixed(NOW, ZoneOffset.UTC), 2);

        StripStatus.LedgerStatus good = s.ledgers().get(0);
        assertThat(good.runs()).isEqualTo(2);
        assertThat(good.lines()).isEqualTo(3);
        assertThat(good.last()).map(LedgerEntry::line).hasValue("run339001");
        StripStatus.LedgerStatus failed = s.ledgers().get(1);
        assertThat(failed.last()).map(LedgerEntry::line).hasValue("run400109 True False False False");
        assertThat(failed.problems()).isEqualTo(1);
        assertThat(s.problems()).singleElement().satisfies(p -> assertThat(p).contains("torn last line"));
        assertThat(s.lastDecision()).map(HistoryRecord::run).hasValue(400109L);
        assertThat(s.lastPasses()).extracting(PassRecord::candidates).containsExactly(1, 2);
        assertThat(s.nextPassDue()).hasValue(NOW); // the last pass started an hour ago
        assertThat(s.inProgress()).extracting(r -> r.lease().run(), StripStatus.RunInProgress::stale).containsExactly(
                org.assertj.core.groups.Tuple.tuple(339002L, true), org.assertj.core.groups.Tuple.tuple(339003L, false));
    }

    private StripConfig config() {
        return StripConfig.defaults("srv-a").withDirectories(tmp.resolve("fff"), tmp.resolve("Data"), tmp.resolve("ledgers"));
    }
}
