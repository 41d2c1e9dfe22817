package org.runops.core.refrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The replay protocols: what each method sees, in which order, and never a row certified after its target. */
class EvaluationTest {
    private static final String EXPRESS = "/Express/Cosmics23/DQM";
    private static final String PROMPT = "/PromptReco/Cosmics23/DQM";

    private static RunReferencePair row(long run, String reco, long reference) {
        return new RunReferencePair(run, reco, reference, reco, reco.equals("express") ? EXPRESS : "rereco".equals(reco) ? "/ReReco/Run2023" : PROMPT);
    }

    /** Logs every call and checks, at each ranking, that nothing certified after the target was learned. */
    private static final class Recorder implements Ranking {
        final List<String> calls = new ArrayList<>();
        final List<RunReferencePair> learned = new ArrayList<>();
        /** False for the delayed replay, where a later run's express row is rightly learned before an earlier prompt row. */
        final boolean strict;

        Recorder() {
            this(true);
        }

        Recorder(boolean strict) {
            this.strict = strict;
        }

        @Override
        public String name() {
            return "recorder";
        }

        @Override
        public List<Long> rank(RunReferencePair target) {
            calls.add("rank " + target.run() + " " + target.reconstruction());
            Reconstruction reco = Reconstruction.parse(target.reconstruction());
            for (RunReferencePair seen : strict ? learned : List.<RunReferencePair>of()) {
                boolean before = seen.run() < target.run()
                        || (seen.run() == target.run() && Reconstruction.parse(seen.reconstruction()).certifiedBefore(reco));
                assertThat(before).as("%s learned before ranking %s", seen, target).isTrue();
            }
            return List.of(target.run() - 1);
        }

        @Override
        public void learn(RunReferencePair choice) {
            calls.add("learn " + choice.run() + " " + choice.reconstruction());
            learned.add(choice);
        }
    }

    /** Certhelper's order is its database's: prompt rows may come before express rows, later runs before earlier ones. */
    private static final List<RunReferencePair> SHUFFLED = List.of(row(101, "prompt", 100), row(100, "rereco", 99), row(101, "express", 100),
            row(100, "prompt", 99), row(100, "express", 99));

    @Test
    void perRowRanksAndLearnsEachRowInCertificationOrder() {
        Recorder r = new Recorder();
        Evaluation.replay(SHUFFLED, List.of(r));
        assertThat(r.calls).containsExactly("rank 100 express", "learn 100 express", "rank 100 prompt", "learn 100 prompt",
                "rank 100 rereco", "learn 100 rereco", "rank 101 express", "learn 101 express", "rank 101 prompt", "learn 101 prompt");
    }

    /** Prompt (and rereco) rows of run N are learned after the express rows of runs below N + LAG; express rows keep the run order. */
    @Test
    void delayedLearnsPromptRowsAfterTheExpressRowsOfTheNextLagRuns() {
        List<RunReferencePair> history = List.of(row(100, "prompt", 99), row(100, "express", 99), row(101, "express", 100),
                row(102, "express", 101), row(101, "prompt", 100), row(100, "rereco", 99));
        Recorder r = new Recorder(false);
        Evaluation.replay(history, List.of(r), p -> true, Evaluation.Replay.DELAYED, 2);
        assertThat(r.calls).filteredOn(c -> c.startsWith("learn")).containsExactly("learn 100 express", "learn 101 express",
                "learn 100 prompt", "learn 100 rereco", "learn 102 express", "learn 101 prompt");
        Recorder zero = new Recorder();
        Evaluation.replay(history, List.of(zero), p -> true, Evaluation.Replay.DELAYED, 0);
        Recorder perRow = new Recorder();
        Evaluation.replay(history, List.of(perRow));
        assertThat(zero.calls).as("lag 0 is per-row").isEqualTo(perRow.calls);
    }

    @Test
    void aNegativeLagIsRefused() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> Evaluation.replay(SHUFFLED, List.of(new Recorder()), p -> true, Evaluation.Replay.DELAYED, -1))
                .withMessageContaining("-1");
    }

    @Test
    void perRunRanksAWholeRunBeforeLearningAnyOfItsRowsInInputOrder() {
        Recorder r = new Recorder();
        Evaluation.replay(SHUFFLED, List.of(r), p -> true, Evaluation.Replay.PER_RUN);
        assertThat(r.calls).containsExactly("rank 100 rereco", "rank 100 prompt", "rank 100 express",
                "learn 100 rereco", "learn 100 prompt", "learn 100 express", "rank 101 prompt", "rank 101 express",
                "learn 101 prompt", "learn 101 express");
    }

    @Test
    void rowsNotScoredAreStillLearnedButNotCounted() {
        Recorder r = new Recorder();
        Map<String, Evaluation.Metrics> m = Evaluation.replay(SHUFFLED, List.of(r), p -> p.reconstruction().equals("prompt"));
        assertThat(r.calls).filteredOn(c -> c.startsWith("learn")).hasSize(5);
        assertThat(r.calls).filteredOn(c -> c.startsWith("rank")).containsExactly("rank 100 prompt", "rank 101 prompt");
        assertThat(m.get("recorder").targets()).isEqualTo(2);
        assertThat(m.get("recorder").top1()).isEqualTo(1.0); // both prompt rows chose run - 1
    }

    /** Proposes the same run's express choice, if it has learned it. */
    private static final class SameRunExpress implements Ranking {
        private final Map<Long, Long> express = new HashMap<>();

        @Override
        public String name() {
            return "same run's express";
        }

        @Override
        public List<Long> rank(RunReferencePair target) {
            Long e = express.get(target.run());
            return e == null ? List.of() : List.of(e);
        }

        @Override
        public void learn(RunReferencePair choice) {
            if (choice.reconstruction().equals("express")) {
                express.put(choice.run(), choice.referenceRun());
            }
        }
    }

    /** The prompt row is right because its own run's express row was learned first: only per row can it know. */
    @Test
    void thePromptRowSeesItsRunsExpressChoiceOnlyPerRow() {
        List<RunReferencePair> history = List.of(row(100, "express", 50), row(100, "prompt", 50), row(200, "express", 150),
                row(200, "prompt", 150));
        Evaluation.Metrics perRow = Evaluation.replay(history, List.of(new SameRunExpress()), p -> p.reconstruction().equals("prompt"))
                .get("same run's express");
        assertThat(perRow.top1()).isEqualTo(1.0);
        Evaluation.Metrics perRun = Evaluation.replay(history, List.of(new SameRunExpress()), p -> p.reconstruction().equals("prompt"),
                Evaluation.Replay.PER_RUN).get("same run's express");
        assertThat(perRun.abstained()).isEqualTo(1.0);
    }

    @Test
    void certificationOrderWithinARun() {
        assertThat(Reconstruction.EXPRESS.certifiedBefore(Reconstruction.PROMPT)).isTrue();
        assertThat(Reconstruction.ONLINE.certifiedBefore(Reconstruction.EXPRESS)).isTrue();
        assertThat(Reconstruction.RERECO.certifiedBefore(Reconstruction.RERECOUL)).isTrue();
        assertThat(Reconstruction.PROMPT.certifiedBefore(Reconstruction.EXPRESS)).isFalse();
        assertThat(Reconstruction.PROMPT.certifiedBefore(Reconstruction.PROMPT)).isFalse();
        assertThat(Reconstruction.UNKNOWN.certifiedBefore(Reconstruction.PROMPT)).isFalse();
        assertThat(Reconstruction.EXPRESS.certifiedBefore(Reconstruction.UNKNOWN)).isFalse();
        List<RunReferencePair> sorted = new ArrayList<>(List.of(row(7, "prompt", 1), new RunReferencePair(7, "", 1, "", ""), row(7, "express", 1),
                row(6, "prompt", 1)));
        sorted.sort(RunReferencePair.certificationOrder());
        assertThat(sorted).extracting(p -> p.run() + " " + p.reconstruction()).containsExactly("6 prompt", "7 express", "7 prompt", "7 ");
    }
}
