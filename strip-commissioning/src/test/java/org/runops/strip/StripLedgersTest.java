package org.runops.strip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.ledger.HistoryRecord;
import org.runops.core.ledger.RunLeases;

class StripLedgersTest {
    private static final Instant FIRST = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant AGAIN = Instant.parse("2026-11-24T10:00:00Z");

    @TempDir
    Path dir;

    /**
     * An operator removed run 338999's ledger line to have it analysed again; the new commit stopped after
     * its ledger line. The old GOOD history line is not this commit's: the next pass must still write the
     * recovered one (it matched any GOOD line of the run before, and wrote nothing).
     */
    @Test
    void aRecommitAfterAnOperatorResetIsRecoveredThoughTheRunHasAnOlderLineOfTheSameDecision() throws IOException {
        Clock clock = Clock.fixed(AGAIN, ZoneOffset.UTC);
        RunLeases leases = StripLedgers.leases(dir, "srv-a", 1, Duration.ofMinutes(30), clock);
        try (StripLedgers ledgers = StripLedgers.open(dir)) {
            assertThat(ledgers.commit(ledgers.good(), List.of(), new HistoryRecord(FIRST, "srv-a", 338999, "GOOD", "VALIDATED: first",
                    Map.of(), Map.of()), Optional.empty(), leases).outcome()).isEqualTo(StripLedgers.Committed.RECORDED);
        }
        Files.writeString(dir.resolve(StripLedgers.GOOD), ""); // the operator's reset
        try (StripLedgers ledgers = StripLedgers.open(dir)) {
            // what a commit stopped between its ledger and history lines leaves behind
            Files.writeString(dir.resolve(StripLedgers.INTENT), "run=338999\nledger=" + StripLedgers.GOOD + "\ndecision=GOOD\nhost=srv-a\ntime="
                    + AGAIN + "\nreason=VALIDATED: again", StandardCharsets.UTF_8);
            ledgers.good().append(338999);
            assertThat(ledgers.reconcile(leases, AGAIN.plusSeconds(60))).containsExactly(338999L);
            List<String> reasons = ledgers.history().forRun(338999).stream().map(HistoryRecord::reason).toList();
            assertThat(reasons).hasSize(2).first().isEqualTo("VALIDATED: first");
            assertThat(reasons.get(1)).startsWith("RECOVERED: VALIDATED: again");
        }
        assertThat(dir.resolve(StripLedgers.INTENT)).doesNotExist();
    }
}
