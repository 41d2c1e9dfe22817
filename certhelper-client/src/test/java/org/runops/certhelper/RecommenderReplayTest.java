package org.runops.certhelper;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The recommender against the baselines, replayed in time order over the real Certhelper dumps
 * (skipped without ../shared). The floors asserted are the numbers the certhelper-client README
 * reports, rounded down; the settings were chosen on the 2021 file, so the March-2024 rows after
 * 2021 are a held-out check.
 */
class RecommenderReplayTest {
    private static final String RECOMMENDER = "recommender";
    private static final String PREVIOUS = "previous reference in dataset";
    private static final String RECENT = "most recently used reference";
    private static final String NEAREST = "1-NN on features";
    /** Last run of the 2021 file the settings were chosen on. */
    private static final long LAST_RUN_OF_2021_FILE = 344681;

    private static Map<String, Metrics> replay(List<RunReferencePair> history, FeatureTable features, Predicate<RunReferencePair> scored) {
        List<Ranking> methods = new ArrayList<>(List.of(ReferenceRunRecommender.builder().features(features).build(),
                HistoryBaselines.previousInDataset(), HistoryBaselines.mostRecentlyUsed()));
        if (features != null) {
            methods.add(FeatureBaselines.nearestNeighbour(features));
        }
        return Evaluation.replay(history, methods, scored);
    }

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
        assertThat(r.top1()).isGreaterThanOrEqualTo(0.929);
        assertThat(r.top3()).isGreaterThanOrEqualTo(0.975);
        assertThat(r.top5()).isGreaterThanOrEqualTo(0.980);
        assertThat(r.mrr()).isGreaterThanOrEqualTo(0.952);
        assertThat(r.hitRates().get(9)).as("top-10").isGreaterThanOrEqualTo(0.982);
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
        assertThat(m.abstained()).isBetween(0.15, 0.20);
        assertThat(m.top1() / (1 - m.abstained())).isGreaterThanOrEqualTo(0.955);
    }

    @Test
    void heldOutChoicesAfter2021() {
        Map<String, Metrics> m = replay(CertHelperHistory.read(RefrunData.march2024()), null,
                p -> p.run() > LAST_RUN_OF_2021_FILE);
        assertBeatsEveryBaseline(m);
        assertThat(m.get(RECOMMENDER).targets()).isEqualTo(6097);
        assertThat(m.get(RECOMMENDER).top1()).isGreaterThanOrEqualTo(0.934);
        assertThat(m.get(RECOMMENDER).top3()).isGreaterThanOrEqualTo(0.974);
    }

    @Test
    void the2021FileTheSettingsWereChosenOn() {
        Map<String, Metrics> m = replay(CertHelperHistory.read(RefrunData.require("RefRunAnalysis/runRefRunPairs.json")), null, p -> true);
        assertBeatsEveryBaseline(m);
        assertThat(m.get(RECOMMENDER).top1()).isGreaterThanOrEqualTo(0.922);
    }

    /** 2018 express/prompt targets with OMS run conditions: features alone are weak (spec: ≈ 0.20), history carries it. */
    @Test
    void targetsOf2018WithOmsFeatures() {
        FeatureTable f = RecommenderFeatures.read(RefrunData.require("ReferenceRunRank/omsrundata_2018.csv"));
        Map<String, Metrics> m = replay(CertHelperHistory.read(RefrunData.march2024()), f,
                p -> f.rowOf(p.run()) >= 0 && (p.reconstruction().equals("express") || p.reconstruction().equals("prompt")));
        assertBeatsEveryBaseline(m);
        assertThat(m.get(RECOMMENDER).targets()).isEqualTo(1114);
        assertThat(m.get(RECOMMENDER).top1()).isGreaterThanOrEqualTo(0.865);
        assertThat(m.get(NEAREST).top1()).isBetween(0.15, 0.25);
    }
}
