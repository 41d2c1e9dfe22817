package org.runops.certhelper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.runops.core.refrun.Evaluation;
import org.runops.core.refrun.Evaluation.Metrics;
import org.runops.core.refrun.FeatureBaselines;
import org.runops.core.refrun.FeatureTable;
import org.runops.core.refrun.RecommenderFeatures;
import org.runops.core.refrun.HistoryBaselines;
import org.runops.core.refrun.Ranking;
import org.runops.core.refrun.RecommenderSettings;
import org.runops.core.refrun.ReferenceRunRecommender;
import org.runops.core.refrun.RunReferencePair;

/**
 * The recommender against the baselines, replayed in certification order (per row: express before
 * prompt within a run) over the real Certhelper dumps (skipped without ../shared). The floors asserted
 * are the numbers the certhelper-client README reports, rounded down. The history weights were chosen on
 * the 2021 file and the online weighting's parameters on the March-2024 rows of runs 344682..362999, so
 * the rows from run 363000 on (issue 12's target) were never looked at to choose anything.
 */
class RecommenderReplayTest {
    private static final String RECOMMENDER = "recommender";
    private static final String PREVIOUS = "previous reference in dataset";
    private static final String RECENT = "most recently used reference";
    private static final String NEAREST = "1-NN on features";
    /** Last run of the 2021 file the settings were chosen on. */
    private static final long LAST_RUN_OF_2021_FILE = 344681;
    /** Issue 12 scores the runs from here on, with everything earlier as history. */
    private static final long ISSUE_12_FROM = 363000;

    private static Map<String, Metrics> replay(List<RunReferencePair> history, FeatureTable features, Predicate<RunReferencePair> scored) {
        return replay(history, ReferenceRunRecommender.builder().features(features).build(), features, scored, Evaluation.Replay.PER_ROW);
    }

    private static Map<String, Metrics> replay(List<RunReferencePair> history, ReferenceRunRecommender recommender, FeatureTable features,
            Predicate<RunReferencePair> scored, Evaluation.Replay protocol) {
        List<Ranking> methods = new ArrayList<>(List.of(recommender, HistoryBaselines.previousInDataset(), HistoryBaselines.mostRecentlyUsed()));
        if (features != null) {
            methods.add(FeatureBaselines.nearestNeighbour(features));
        }
        return Evaluation.replay(history, methods, scored, protocol);
    }

    /**
     * Above every baseline at top-1, top-3 and MRR only, not top-5: from run 363000 most-recent is ahead at top-5
     * (0.9857 vs 0.9844 per row). Its 6 top-5 hits the recommender misses entirely (365648, 366780, 367253,
     * 370669, 371692, 372267, all 2023 Commissioning2023/Cosmics23 rows) share one cause: RunType reads
     * "Commissioning2023" as collisions, so a reference used for Cosmics23 is filtered out for a
     * Commissioning2023 target and vice versa. Not changed here: found on the test range, and retyping
     * commissioning datasets changes every year's numbers. The top-3 lead over most-recent is 4 targets of
     * 3086 (3034 vs 3030): noise-sized, but the assertion catches it disappearing.
     */
    private static void assertBeatsEveryBaseline(Map<String, Metrics> m) {
        Metrics best = m.get(RECOMMENDER);
        m.values().stream().filter(b -> b != best).forEach(b -> {
            assertThat(best.top1()).as("top-1 vs " + b.method()).isGreaterThan(b.top1());
            assertThat(best.top3()).as("top-3 vs " + b.method()).isGreaterThan(b.top3());
            assertThat(best.mrr()).as("MRR vs " + b.method()).isGreaterThan(b.mrr());
        });
    }

    @Test
    void march2024DumpBeatsEveryBaseline() {
        Map<String, Metrics> m = replay(CertHelperHistory.read(RefrunData.march2024()), null, p -> true);
        assertBeatsEveryBaseline(m);
        Metrics r = m.get(RECOMMENDER);
        assertThat(r.targets()).isEqualTo(10448);
        assertThat(r.top1()).isGreaterThanOrEqualTo(0.933);
        assertThat(r.top3()).isGreaterThanOrEqualTo(0.978);
        assertThat(r.top5()).isGreaterThanOrEqualTo(0.981);
        assertThat(r.mrr()).isGreaterThanOrEqualTo(0.955);
        assertThat(r.hitRates().get(9)).as("top-10").isGreaterThanOrEqualTo(0.983);
        assertThat(r.abstained()).isLessThan(0.001);
        assertThat(m.get(PREVIOUS).top1()).isBetween(0.91, 0.93);
    }

    /** Abstaining on the least clear-cut targets makes the answers given more often right. */
    @Test
    void confidenceSeparatesRightFromWrongAnswers() {
        ReferenceRunRecommender cautious = ReferenceRunRecommender.builder()
                .settings(RecommenderSettings.defaults().withAbstainBelow(0.1)).build();
        Metrics m = Evaluation.replay(CertHelperHistory.read(RefrunData.march2024()), List.of(cautious))
                .get(RECOMMENDER);
        assertThat(m.abstained()).isBetween(0.06, 0.11);
        assertThat(m.top1() / (1 - m.abstained())).isGreaterThanOrEqualTo(0.955);
    }

    /** Issue 12: runs from 363000 on, everything earlier as history, replayed per row. */
    @Test
    void issue12TargetFromRun363000() {
        Map<String, Metrics> m = replay(CertHelperHistory.read(RefrunData.march2024()), null, p -> p.run() >= ISSUE_12_FROM);
        assertBeatsEveryBaseline(m);
        Metrics r = m.get(RECOMMENDER);
        assertThat(r.targets()).isEqualTo(3086);
        assertThat(r.top1()).isGreaterThanOrEqualTo(0.953);
        assertThat(r.top3()).isGreaterThanOrEqualTo(0.983);
        // the per-row order helps the baselines too: "most recently used" is at 0.982 top-3 now
        assertThat(m.get(RECENT).top3()).isBetween(0.981, 0.983);
    }

    /**
     * The per-row order is optimistic: an express row there knows the prompt choices of the runs just before
     * it, certified in reality about two days later. Delayed by 60 run numbers (Evaluation.DEFAULT_LAG_RUNS)
     * the recommender gives 0.9530 / 0.9828 top-1 / top-3, under issue 12's floors (asserted per row only,
     * the issue's protocol), but still above every baseline; most-recent drops most (0.811 → 0.788 top-1).
     */
    @Test
    void delayedPromptRowsStillBeatEveryBaseline() {
        Map<String, Metrics> m = replay(CertHelperHistory.read(RefrunData.march2024()), ReferenceRunRecommender.builder().build(), null,
                p -> p.run() >= ISSUE_12_FROM, Evaluation.Replay.DELAYED);
        assertBeatsEveryBaseline(m);
        assertThat(m.get(RECOMMENDER).top1()).isGreaterThanOrEqualTo(0.952);
        assertThat(m.get(RECOMMENDER).top3()).isGreaterThanOrEqualTo(0.982);
        assertThat(m.get(RECENT).top1()).isLessThan(0.80);
    }

    /** The old protocol still gives the old numbers: baselines exactly, the old fixed weighting within a run-never-its-own-reference fix. */
    @Test
    void perRunReplayReproducesThePreIssue12Numbers() {
        ReferenceRunRecommender before = ReferenceRunRecommender.builder()
                .settings(RecommenderSettings.defaults().withLearningRate(0).withSameRunWeights(0, 0)).build();
        Map<String, Metrics> m = replay(CertHelperHistory.read(RefrunData.march2024()), before, null, p -> p.run() >= ISSUE_12_FROM,
                Evaluation.Replay.PER_RUN);
        // what `runops refrun evaluate --from-run 363000` printed before issue 12, to its 0.1 %
        assertThat(m.get(PREVIOUS).top1()).isCloseTo(0.940, within(0.0005));
        assertThat(m.get(PREVIOUS).top3()).isCloseTo(0.964, within(0.0005));
        assertThat(m.get(RECENT).top1()).isCloseTo(0.794, within(0.0005));
        assertThat(m.get(RECENT).top3()).isCloseTo(0.977, within(0.0005));
        // 0.946 before issue 12; a run is no longer proposed as its own reference (+8 targets)
        assertThat(m.get(RECOMMENDER).top1()).isCloseTo(0.949, within(0.0005));
        assertThat(m.get(RECOMMENDER).top3()).isCloseTo(0.977, within(0.0005));
    }

    @Test
    void heldOutChoicesAfter2021() {
        Map<String, Metrics> m = replay(CertHelperHistory.read(RefrunData.march2024()), null,
                p -> p.run() > LAST_RUN_OF_2021_FILE);
        assertBeatsEveryBaseline(m);
        assertThat(m.get(RECOMMENDER).targets()).isEqualTo(6097);
        assertThat(m.get(RECOMMENDER).top1()).isGreaterThanOrEqualTo(0.939);
        assertThat(m.get(RECOMMENDER).top3()).isGreaterThanOrEqualTo(0.980);
    }

    @Test
    void the2021FileTheSettingsWereChosenOn() {
        Map<String, Metrics> m = replay(CertHelperHistory.read(RefrunData.require("RefRunAnalysis/runRefRunPairs.json")), null, p -> true);
        assertBeatsEveryBaseline(m);
        assertThat(m.get(RECOMMENDER).top1()).isGreaterThanOrEqualTo(0.925);
    }

    /** 2018 express/prompt targets with OMS run conditions: features alone are weak (spec: ≈ 0.20), history carries it. */
    @Test
    void targetsOf2018WithOmsFeatures() {
        FeatureTable f = RecommenderFeatures.read(RefrunData.require("ReferenceRunRank/omsrundata_2018.csv"));
        Map<String, Metrics> m = replay(CertHelperHistory.read(RefrunData.march2024()), f,
                p -> f.rowOf(p.run()) >= 0 && (p.reconstruction().equals("express") || p.reconstruction().equals("prompt")));
        assertBeatsEveryBaseline(m);
        assertThat(m.get(RECOMMENDER).targets()).isEqualTo(1114);
        assertThat(m.get(RECOMMENDER).top1()).isGreaterThanOrEqualTo(0.877);
        assertThat(m.get(NEAREST).top1()).isBetween(0.15, 0.25);
    }
}
