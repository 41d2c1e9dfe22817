package org.runops.strip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.runops.core.ledger.HistoryRecord;
import org.runops.core.ledger.RunLedger;

/**
 * Passes stopped hard at every write (a {@link CrashPoints} halt in a child JVM), stalled past their lease
 * (SIGSTOP), or killed while their analysis runs: afterwards every run is recorded exactly once, analysed
 * exactly once, and ledgers, history and leases agree.
 */
class StripCrashTest {
    private static final Duration TTL = Duration.ofSeconds(2);

    @TempDir
    Path tmp;

    /** The second of three runs is cut at {@code point}; then passes run until every run is recorded. */
    @ParameterizedTest
    @ValueSource(strings = {"lease-taken", "analysis-done", "intent-written", "ledger-written", "history-written", "committed"})
    void aPassHaltedAtAnyWriteIsReconciledByTheNext(String point) throws Exception {
        try (SharedStorage s = SharedStorage.create(tmp, 3, Duration.ZERO, TTL)) {
            Process crashing = s.pass("srv-a", "crash.log", "-D" + CrashPoints.CRASH_AT + "=" + point + "@2");
            assertThat(SharedStorage.exit(crashing, Duration.ofSeconds(60))).as(s.log("crash.log")).isEqualTo(CrashPoints.HALT_STATUS);
            assertThat(s.log("crash.log")).contains("HALT " + point);

            s.settle("srv-b", Duration.ofSeconds(30));

            s.assertConsistent();
            assertThat(s.analyses()).as("analyses per run").isEqualTo(SharedStorage.once(3));
            if (point.equals("ledger-written")) {
                try (StripLedgers ledgers = StripLedgers.open(tmp.resolve("ledgers"))) {
                    assertThat(ledgers.history().forRun(SharedStorage.FIRST_RUN + 1)).extracting(HistoryRecord::reason)
                            .anySatisfy(r -> assertThat(r).startsWith("RECOVERED: VALIDATED"));
                }
            }
        }
    }

    /**
     * Host A stalls (SIGSTOP) after its analysis until its lease is stale; B takes the run over and records
     * it; when A wakes, its commit finds the lease lost and records nothing.
     */
    @Test
    void aStalledHolderWhoseRunWasTakenOverRecordsNothing() throws Exception {
        try (SharedStorage s = SharedStorage.create(tmp, 1, Duration.ZERO, TTL)) {
            Process a = s.pass("srv-a", "a.log", "-D" + CrashPoints.PAUSE_AT + "=analysis-done");
            s.awaitLog("a.log", l -> l.contains("PAUSED analysis-done"), Duration.ofSeconds(60));
            SharedStorage.signal(a, "STOP");
            try {
                Thread.sleep(TTL.plusMillis(500).toMillis());
                PassReport b = s.passHere("srv-b");
                assertThat(b.results()).extracting(PassReport.RunResult::decision).containsExactly(RunDecision.GOOD);
            } finally {
                SharedStorage.signal(a, "CONT");
            }
            assertThat(SharedStorage.exit(a, Duration.ofSeconds(60))).as(s.log("a.log")).isZero();
            assertThat(s.log("a.log")).contains("lease lost to srv-b");

            s.assertConsistent();
            assertThat(RunLedger.open(tmp.resolve("ledgers/analyzedruns.txt")).entries()).hasSize(1);
            assertThat(s.analyses()).isEqualTo(SharedStorage.once(1));
        }
    }

    /**
     * A daemon is killed (SIGKILL) while its analysis runs: the analysis goes on and keeps its lease, the
     * next daemon reports it as an orphan and does not start it again, and records the run once it ends.
     */
    @Test
    void anAnalysisOrphanedByAKilledDaemonIsNotStartedTwice() throws Exception {
        try (SharedStorage s = SharedStorage.create(tmp, 1, Duration.ofSeconds(5), TTL)) {
            Process first = s.daemon("srv-a", Duration.ofMillis(300), "first.log");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (s.analyses().isEmpty()) {
                assertThat(System.nanoTime()).as("the first analysis starts").isLessThan(deadline);
                Thread.sleep(50);
            }
            first.destroyForcibly(); // SIGKILL: no shutdown hook, the analysis is orphaned
            SharedStorage.exit(first, Duration.ofSeconds(30));

            Process second = s.daemon("srv-a", Duration.ofMillis(300), "second.log");
            try {
                while (s.recorded().isEmpty()) {
                    assertThat(System.nanoTime()).as("the run is recorded").isLessThan(deadline);
                    Thread.sleep(100);
                }
            } finally {
                second.destroy(); // SIGTERM: the daemon stops cleanly
                SharedStorage.exit(second, Duration.ofSeconds(30));
            }
            assertThat(s.log("second.log")).contains("orphaned analysis");
            assertThat(s.analyses()).as("analyses per run").isEqualTo(SharedStorage.once(1));
            s.assertConsistent();
        }
    }
}
