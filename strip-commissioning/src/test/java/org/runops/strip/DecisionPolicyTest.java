package org.runops.strip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.runops.core.events.Verdict;

/** The decision table of spec §1.4, row by row, with the original's bugs fixed where the issue says so. */
class DecisionPolicyTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 24, 12, 0);
    private static final LocalDateTime START = NOW.minusHours(5);
    private static final LocalDateTime END = NOW.minusHours(3);

    private final DecisionPolicy allPartitions = new DecisionPolicy(Duration.ofHours(2), RunMode.analysedByDefault(), EnumSet.allOf(Partition.class));
    private final DecisionPolicy outerHost = new DecisionPolicy(Duration.ofHours(2), RunMode.analysedByDefault(), EnumSet.of(Partition.TO, Partition.TP));

    private static RunRow row(String partition, int mode, LocalDateTime start, LocalDateTime end) {
        return new RunRow(partition, OptionalInt.of(mode), start, end);
    }

    private static RunFacts facts(RunRow... rows) {
        return new RunFacts(338999, List.of(rows), false, List.of());
    }

    @Test
    void row1NotInRunDatabaseIsSkippedAndAskedAgain() {
        Decision d = allPartitions.decide(facts(), NOW);
        assertThat(d.action()).isEqualTo(Decision.Action.SKIP);
        assertThat(d.reason()).isEqualTo(Reason.NOT_IN_RUN_DB);
    }

    @Test
    void row3UnfinishedRun() {
        Decision d = allPartitions.decide(facts(row("TI_27-JAN-2010_2", 2, START, null)), NOW);
        assertThat(d.reason()).isEqualTo(Reason.RUN_NOT_FINISHED);
        assertThat(d.action()).isEqualTo(Decision.Action.SKIP);
    }

    @Test
    void row4RecentlyFinishedIncludingExactlyTheDelay() {
        assertThat(allPartitions.decide(facts(row("TI_x", 2, START, NOW.minusMinutes(40))), NOW).reason()).isEqualTo(Reason.RECENTLY_FINISHED);
        assertThat(allPartitions.decide(facts(row("TI_x", 2, START, NOW.minusHours(2))), NOW).reason()).isEqualTo(Reason.RECENTLY_FINISHED);
        assertThat(allPartitions.decide(facts(row("TI_x", 2, START, NOW.minusHours(2).minusSeconds(1))), NOW).reason()).isEqualTo(Reason.READY);
        assertThat(allPartitions.decide(facts(row("TI_x", 2, START, NOW.minusMinutes(40))), NOW).detail()).contains("40 min");
    }

    @Test
    void row5InvalidTimesDoNotSkipButAreCarried() {
        Decision noStart = allPartitions.decide(facts(row("TI_x", 2, null, END)), NOW);
        assertThat(noStart.action()).isEqualTo(Decision.Action.PROCEED);
        assertThat(noStart.timeValid()).isFalse();
        Decision startAfterEnd = allPartitions.decide(facts(row("TI_x", 2, END.plusMinutes(1), END)), NOW);
        assertThat(startAfterEnd.timeValid()).isFalse();
        assertThat(allPartitions.decide(facts(row("TI_x", 2, START, END)), NOW).timeValid()).isTrue();
    }

    @Test
    void row6ModesNeverAnalysedAreIgnoredOnceInsteadOfReQueriedForever() {
        Decision physics = allPartitions.decide(facts(row("TI_x", 1, START, END)), NOW);
        assertThat(physics.action()).isEqualTo(Decision.Action.IGNORE);
        assertThat(physics.reason()).isEqualTo(Reason.MODE_NOT_ANALYSED);
        assertThat(physics.detail()).contains("PHYSIC");
        assertThat(allPartitions.decide(facts(row("TI_x", 99, START, END)), NOW).reason()).isEqualTo(Reason.UNKNOWN_RUN_MODE);
        assertThat(allPartitions.decide(facts(new RunRow("TI_x", OptionalInt.empty(), START, END)), NOW).reason())
                .isEqualTo(Reason.UNKNOWN_RUN_MODE);
        // the calibration modes are analysed only when enabled
        assertThat(allPartitions.decide(facts(row("TI_x", 3, START, END)), NOW).action()).isEqualTo(Decision.Action.IGNORE);
        DecisionPolicy withCalibration = new DecisionPolicy(Duration.ofHours(2),
                union(RunMode.analysedByDefault(), RunMode.calibration()), EnumSet.allOf(Partition.class));
        assertThat(withCalibration.decide(facts(row("TI_x", 33, START, END)), NOW).action()).isEqualTo(Decision.Action.PROCEED);
    }

    @Test
    void row7PartitionOfAnotherHostMatchedByPrefixNotSubstring() {
        assertThat(outerHost.decide(facts(row("TI_27-JAN-2010_2", 2, START, END)), NOW).reason()).isEqualTo(Reason.PARTITION_ON_OTHER_HOST);
        assertThat(outerHost.decide(facts(row("TO_30-JUN-2009_1", 2, START, END)), NOW).reason()).isEqualTo(Reason.READY);
        // "TI" inside the name does not make it a TI partition (the original's substring test did)
        assertThat(outerHost.decide(facts(row("TP_TI_09-JUN-2009_1", 2, START, END)), NOW).partitions()).containsExactly("TP_TI_09-JUN-2009_1");
        assertThat(allPartitions.decide(facts(row("XX_unknown", 2, START, END)), NOW).reason()).isEqualTo(Reason.PARTITION_ON_OTHER_HOST);
    }

    @Test
    void row7bScopeRunsBelongToTheHostWithTiAndCoverEveryRowOnce() {
        RunFacts scope = facts(row("TI_27-JAN-2010_2", 15, START, END), row("TM_09-JUN-2009_1", 15, START, END),
                row("TO_30-JUN-2009_1", 15, START, END), row("TP_09-JUN-2009_1", 15, START, END), row("TP_09-JUN-2009_1", 15, START, END));
        assertThat(outerHost.decide(scope, NOW).reason()).isEqualTo(Reason.SCOPE_RUN_ON_OTHER_HOST);
        Decision d = allPartitions.decide(scope, NOW);
        assertThat(d.action()).isEqualTo(Decision.Action.PROCEED);
        assertThat(d.partitions()).containsExactly("TI_27-JAN-2010_2", "TM_09-JUN-2009_1", "TO_30-JUN-2009_1", "TP_09-JUN-2009_1");
    }

    @Test
    void row8AnalysisLockFileOfEitherName() {
        RunFacts locked = new RunFacts(338999, List.of(row("TI_x", 2, START, END)), false, List.of(Path.of("/opt/cmssw/Data/lock_TI_x_338999.txt")));
        Decision d = allPartitions.decide(locked, NOW);
        assertThat(d.action()).isEqualTo(Decision.Action.SKIP);
        assertThat(d.reason()).isEqualTo(Reason.ANALYSIS_RUNNING);
        assertThat(d.detail()).contains("lock_TI_x_338999.txt");
    }

    @Test
    void row9ZeroEventRunIsGoodWithoutAnalysis() {
        RunFacts empty = new RunFacts(339000, List.of(row("TI_x", 2, START, END)), true, List.of());
        Decision d = allPartitions.decide(empty, NOW);
        assertThat(d.action()).isEqualTo(Decision.Action.RECORD_GOOD);
        assertThat(d.reason()).isEqualTo(Reason.ZERO_EVENT_RUN);
    }

    @Test
    void row11ValidOutputsNeedNoAnalysisExceptForScopeRuns() {
        Decision normal = allPartitions.decide(facts(row("TI_x", 2, START, END)), NOW);
        Validation valid = new Validation(Verdict.MATCH, true, true, "MATCH");
        assertThat(allPartitions.needsAnalysis(normal, valid).verdict()).isEqualTo(Outcome.Verdict.NO_ANALYSIS);
        assertThat(allPartitions.needsAnalysis(normal, new Validation(Verdict.OUTPUT_MISSING, true, true, "OUTPUT_MISSING")).verdict())
                .isEqualTo(Outcome.Verdict.ANALYSE);
        assertThat(allPartitions.needsAnalysis(normal, new Validation(Verdict.MATCH, true, false, "MATCH")).reason()).isEqualTo(Reason.NEEDS_ANALYSIS);
        Decision scope = allPartitions.decide(facts(row("TI_x", 15, START, END)), NOW);
        assertThat(allPartitions.needsAnalysis(scope, valid).verdict()).isEqualTo(Outcome.Verdict.ANALYSE);
    }

    @Test
    void aCheckThatCouldNotBeMadeIsNeitherAnalysedNorRetriedNorFailed() {
        Decision d = allPartitions.decide(facts(row("TI_x", 15, START, END)), NOW);
        Validation unread = new Validation(Verdict.INDETERMINATE, true, true, "INDETERMINATE: could not be checked now (IO_ERROR)");
        Outcome before = allPartitions.needsAnalysis(d, unread);
        assertThat(before.verdict()).as("not even a scope run is analysed on outputs that could not be read")
                .isEqualTo(Outcome.Verdict.RETRY_LATER);
        assertThat(before.reason()).isEqualTo(Reason.CHECK_INDETERMINATE);
        assertThat(before.detail()).contains("could not be checked");
        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThat(allPartitions.judge(d, unread, attempt).verdict()).isEqualTo(Outcome.Verdict.RETRY_LATER);
        }
    }

    @Test
    void rows12To14GoodOrOneRetryThenFailed() {
        Decision d = allPartitions.decide(facts(row("TI_x", 2, START, END)), NOW);
        assertThat(allPartitions.judge(d, new Validation(Verdict.MATCH, false, true, "MATCH"), 1).verdict())
                .as("client/source files are not required, as in the original").isEqualTo(Outcome.Verdict.GOOD);
        Validation bad = new Validation(Verdict.MISMATCH, false, false, "MISMATCH: 1750 vs 1749");
        assertThat(allPartitions.judge(d, bad, 1).verdict()).isEqualTo(Outcome.Verdict.RETRY);
        Outcome failed = allPartitions.judge(d, bad, 2);
        assertThat(failed.verdict()).isEqualTo(Outcome.Verdict.FAILED);
        assertThat(failed.detail()).contains("1750 vs 1749");
        Decision badTimes = allPartitions.decide(facts(row("TI_x", 2, null, END)), NOW);
        assertThat(allPartitions.judge(badTimes, new Validation(Verdict.MATCH, true, true, "MATCH"), 2).detail()).contains("times invalid");
    }

    @Test
    void runModeAndPartitionLookups() {
        assertThat(RunMode.ofCode(15)).hasValue(RunMode.SCOPE);
        assertThat(RunMode.ofCode(9)).isEmpty();
        assertThat(RunMode.analysedByDefault()).extracting(RunMode::code).containsExactlyInAnyOrder(2, 4, 5, 6, 7, 11, 14, 15, 16, 17, 21, 27);
        assertThat(RunMode.calibration()).extracting(RunMode::code).containsExactlyInAnyOrder(3, 19, 20, 33);
        assertThat(Partition.of("TM_09-JUN-2009_1")).hasValue(Partition.TM);
        assertThat(Partition.of(null)).isEmpty();
        assertThat(new AnalysisRow(1L, null, 3L, "TIMING", "TI_x").complete()).isFalse();
        assertThat(new AnalysisRow(1L, 2L, 3L, "TIMING", "TI_x").complete()).isTrue();
    }

    private static Set<RunMode> union(Set<RunMode> a, Set<RunMode> b) {
        Set<RunMode> u = EnumSet.copyOf(a);
        u.addAll(b);
        return u;
    }
}
