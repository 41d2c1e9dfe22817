package org.runops.core.refrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The recommender's signals, filters and abstention on small histories whose answer is known. */
class ReferenceRunRecommenderTest {
    private static final String EXPRESS_COSMICS = "/Express/Cosmics23/DQM";
    private static final String PROMPT_COSMICS = "/PromptReco/Cosmics23/DQM";
    private static final String EXPRESS_COLLISIONS = "/Express/Collisions2023/DQM";

    private static RunReferencePair choice(long run, String dataset, long reference) {
        String reco = dataset.contains("Express") ? "express" : "prompt";
        return new RunReferencePair(run, reco, reference, reco, dataset);
    }

    private static RecommendationTarget target(long run, String dataset) {
        return new RecommendationTarget(run, dataset, dataset.contains("Express") ? "express" : "prompt");
    }

    @Test
    void theDatasetsCurrentReferenceComesFirstWithItsSignalsListed() {
        ReferenceRunRecommender r = ReferenceRunRecommender.builder().build();
        r.learnAll(List.of(choice(100, EXPRESS_COSMICS, 90), choice(101, EXPRESS_COSMICS, 90), choice(110, EXPRESS_COSMICS, 105),
                choice(111, PROMPT_COSMICS, 95)));
        Recommendation rec = r.recommend(target(112, EXPRESS_COSMICS));
        assertThat(rec.runs()).startsWith(105L).contains(90L, 95L);
        ScoredCandidate best = rec.ranked().get(0);
        assertThat(best.contributions()).containsKeys(Signal.SAME_DATASET, Signal.SAME_TYPE_AND_RECONSTRUCTION, Signal.SAME_RUN_TYPE,
                Signal.ANY_DATASET);
        assertThat(best.score()).isEqualTo(best.contributions().values().stream().mapToDouble(Double::doubleValue).sum());
        // 95 served only the prompt dataset: it gets no SAME_DATASET part for the express target
        assertThat(rec.ranked().stream().filter(c -> c.run() == 95).findFirst().orElseThrow().contributions())
                .doesNotContainKey(Signal.SAME_DATASET).containsKey(Signal.SAME_RUN_TYPE);
        assertThat(rec.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void aNewDatasetVersionInheritsFromTheSameRunTypeAndReconstruction() {
        ReferenceRunRecommender r = ReferenceRunRecommender.builder().build();
        r.learnAll(List.of(choice(100, "/Cosmics/Run2018D-PromptReco-v1/DQMIO", 90), choice(101, "/ZeroBias/Run2018D-PromptReco-v1/DQMIO", 80)));
        assertThat(r.recommend(target(102, "/Cosmics/Run2018D-PromptReco-v2/DQMIO")).runs()).containsExactly(90L);
    }

    @Test
    void cosmicsAndCollisionReferencesNeverMix() {
        ReferenceRunRecommender r = ReferenceRunRecommender.builder().build();
        r.learnAll(List.of(choice(100, EXPRESS_COLLISIONS, 99), choice(101, EXPRESS_COSMICS, 50)));
        assertThat(r.recommend(target(102, EXPRESS_COSMICS)).runs()).containsExactly(50L);
        assertThat(r.recommend(target(102, EXPRESS_COLLISIONS)).runs()).containsExactly(99L);
        // an unknown dataset may take either
        assertThat(r.recommend(target(102, "To Be Defined")).runs()).containsExactlyInAnyOrder(50L, 99L);
    }

    @Test
    void aReferencesOwnCertificationDoesNotReplaceIt() {
        ReferenceRunRecommender r = ReferenceRunRecommender.builder().build();
        // runs 100..102 use 103 (re-certified later); 103 itself is certified against 80; 104 goes back to 103
        r.learnAll(List.of(choice(100, PROMPT_COSMICS, 80), choice(101, PROMPT_COSMICS, 103), choice(102, PROMPT_COSMICS, 103),
                choice(103, PROMPT_COSMICS, 80)));
        assertThat(r.recommend(target(104, PROMPT_COSMICS)).runs().get(0)).isEqualTo(103L);
    }

    @Test
    void onlyEarlierReferencesWhenAsked() {
        ReferenceRunRecommender later = ReferenceRunRecommender.builder().build();
        ReferenceRunRecommender earlier = ReferenceRunRecommender.builder().onlyEarlierReferences(true).build();
        for (ReferenceRunRecommender r : List.of(later, earlier)) {
            r.learnAll(List.of(choice(100, PROMPT_COSMICS, 90), choice(101, PROMPT_COSMICS, 200)));
        }
        assertThat(later.recommend(target(150, PROMPT_COSMICS)).runs()).startsWith(200L);
        assertThat(earlier.recommend(target(150, PROMPT_COSMICS)).runs()).containsExactly(90L);
    }

    @Test
    void runConditionsBreakTiesAndTheFieldBucketIsAHardFilter() {
        FeatureTable f = FeatureTable.builder(List.of("b_field", "init_lumi"))
                .add(90, 3.8, 1.0).add(91, 3.8, 20.0).add(92, 0.0, 1.0).add(300, 3.8, 19.0).add(301, 0.0, 19.0).build();
        ReferenceRunRecommender r = ReferenceRunRecommender.builder().features(f)
                .settings(RecommenderSettings.defaults().withFeatureWeight(5)).build();
        // 90 is the dataset's reference, 91 a sibling dataset's; with a high feature weight the run conditions decide
        r.learnAll(List.of(choice(200, EXPRESS_COLLISIONS, 90), choice(200, "/Express/Collisions2023Special/DQM", 91),
                choice(201, EXPRESS_COLLISIONS, 92)));
        Recommendation at3_8 = r.recommend(target(300, EXPRESS_COLLISIONS));
        assertThat(at3_8.runs()).doesNotContain(92L).first().isEqualTo(91L);
        assertThat(at3_8.ranked().get(0).contributions()).containsKey(Signal.FEATURE_DISTANCE);
        assertThat(r.recommend(target(301, EXPRESS_COLLISIONS)).runs()).containsExactly(92L);
    }

    @Test
    void theFieldReadBackIsNoDistance() {
        // same bucket; 90 has the target's luminosity, 91 the target's exact field read-back
        FeatureTable f = FeatureTable.builder(List.of("b_field", "init_lumi"))
                .add(90, 3.799, 10.0).add(91, 3.801, 10.3).add(300, 3.801, 10.0).build();
        ReferenceRunRecommender r = ReferenceRunRecommender.builder().features(f).build();
        r.learnAll(List.of(choice(200, EXPRESS_COLLISIONS, 90), choice(201, EXPRESS_COLLISIONS, 91)));
        Map<Long, Double> closeness = new java.util.HashMap<>();
        r.recommend(target(300, EXPRESS_COLLISIONS)).ranked()
                .forEach(c -> closeness.put(c.run(), c.contributions().get(Signal.FEATURE_DISTANCE)));
        assertThat(closeness.get(90L)).isGreaterThan(closeness.get(91L));
        assertThat(closeness.get(90L)).isEqualTo(RecommenderSettings.defaults().featureWeight()); // distance 0
    }

    @Test
    void learnBeforeLeavesOutTheTargetsOwnAndLaterChoices() {
        ReferenceRunRecommender r = ReferenceRunRecommender.builder().build();
        List<RunReferencePair> history = List.of(choice(100, EXPRESS_COSMICS, 90), choice(150, EXPRESS_COSMICS, 140),
                choice(149, EXPRESS_COSMICS, 95), choice(151, EXPRESS_COSMICS, 141));
        assertThat(r.learnBefore(history, 150)).isEqualTo(2);
        assertThat(r.learned()).isEqualTo(2);
        assertThat(r.recommend(target(150, EXPRESS_COSMICS)).runs()).containsExactly(95L, 90L);
    }

    @Test
    void abstainsWithoutCandidatesOrBelowTheConfidenceAsked() {
        ReferenceRunRecommender empty = ReferenceRunRecommender.builder().build();
        Recommendation none = empty.recommend(target(5, EXPRESS_COSMICS));
        assertThat(none.abstained()).isTrue();
        assertThat(none.runs()).isEmpty();
        assertThat(none.confidence()).isZero();

        ReferenceRunRecommender cautious = ReferenceRunRecommender.builder()
                .settings(RecommenderSettings.defaults().withAbstainBelow(0.9)).build();
        cautious.learnAll(List.of(choice(100, EXPRESS_COSMICS, 90), choice(101, EXPRESS_COSMICS, 91)));
        Recommendation unsure = cautious.recommend(target(102, EXPRESS_COSMICS));
        assertThat(unsure.abstained()).isTrue();
        assertThat(unsure.ranked()).isNotEmpty(); // still listed, for inspection
        assertThat(unsure.runs()).isEmpty();
    }

    @Test
    void replayNeverShowsATargetItsOwnChoice() {
        // every run uses a brand-new reference: nothing learned before can name it
        List<RunReferencePair> history = List.of(choice(100, EXPRESS_COSMICS, 1), choice(101, EXPRESS_COSMICS, 2),
                choice(102, EXPRESS_COSMICS, 3));
        Map<String, Evaluation.Metrics> m = Evaluation.replay(history, List.of(ReferenceRunRecommender.builder().build()));
        assertThat(m.get("recommender").top5()).isZero();
        assertThat(m.get("recommender").abstained()).isEqualTo(1.0 / 3);
    }

    @Test
    void aRunIsNeverItsOwnReference() {
        ReferenceRunRecommender r = ReferenceRunRecommender.builder().build();
        // 103 served runs 101 and 102 (re-certified later); when 103 itself is certified it cannot be its own reference
        r.learnAll(List.of(choice(100, PROMPT_COSMICS, 80), choice(101, PROMPT_COSMICS, 103), choice(102, PROMPT_COSMICS, 103)));
        assertThat(r.recommend(target(103, PROMPT_COSMICS)).runs()).containsExactly(80L);
    }

    /** Express chose 95 for run 120 while the prompt dataset still uses 90: the prompt target hears of 95. */
    @Test
    void theSameRunsExpressChoiceIsASignalForItsPromptReference() {
        ReferenceRunRecommender r = ReferenceRunRecommender.builder().settings(RecommenderSettings.defaults().withLearningRate(0)).build();
        List<RunReferencePair> history = List.of(choice(110, EXPRESS_COSMICS, 90), choice(110, PROMPT_COSMICS, 90),
                choice(120, EXPRESS_COSMICS, 95), choice(120, PROMPT_COSMICS, 95));
        assertThat(r.learnBefore(history, target(120, PROMPT_COSMICS))).isEqualTo(3);
        ScoredCandidate express = r.recommend(target(120, PROMPT_COSMICS)).ranked().stream().filter(c -> c.run() == 95).findFirst().orElseThrow();
        assertThat(express.contributions()).containsEntry(Signal.SAME_RUN_EARLIER_RECONSTRUCTION, 0.5);
        // the express target of the same run knows nothing of its later prompt row
        ReferenceRunRecommender forExpress = ReferenceRunRecommender.builder().build();
        assertThat(forExpress.learnBefore(history, target(120, EXPRESS_COSMICS))).isEqualTo(2);
        assertThat(forExpress.recommend(target(120, EXPRESS_COSMICS)).ranked()).allSatisfy(c -> assertThat(c.contributions())
                .doesNotContainKeys(Signal.SAME_RUN_EARLIER_RECONSTRUCTION, Signal.EARLIER_RECONSTRUCTION_COUNTERPART));
    }

    /** Express and prompt keep references of their own (express 95 goes with prompt 90): express 95 points prompt to 90. */
    @Test
    void theCounterpartOfTheExpressChoiceIsWhatPromptChoseAfterItLastTime() {
        ReferenceRunRecommender r = ReferenceRunRecommender.builder().settings(RecommenderSettings.defaults().withLearningRate(0)).build();
        r.learnAll(List.of(choice(110, EXPRESS_COSMICS, 95), choice(110, PROMPT_COSMICS, 90), choice(111, EXPRESS_COSMICS, 96),
                choice(111, PROMPT_COSMICS, 91), choice(120, EXPRESS_COSMICS, 95)));
        Recommendation rec = r.recommend(target(120, PROMPT_COSMICS));
        ScoredCandidate ninety = rec.ranked().stream().filter(c -> c.run() == 90).findFirst().orElseThrow();
        assertThat(ninety.contributions()).containsEntry(Signal.EARLIER_RECONSTRUCTION_COUNTERPART, 0.5);
        assertThat(rec.ranked().stream().filter(c -> c.run() == 95).findFirst().orElseThrow().contributions())
                .containsKey(Signal.SAME_RUN_EARLIER_RECONSTRUCTION);
        assertThat(rec.ranked().stream().filter(c -> c.contributions().containsKey(Signal.EARLIER_RECONSTRUCTION_COUNTERPART)))
                .extracting(ScoredCandidate::run).containsExactly(90L);
    }

    /**
     * Every run takes a brand-new reference in express and prompt follows it, while the prompt
     * dataset's recency points at its previous reference: fixed weights keep following the dataset,
     * the online weighting learns to follow the same run's express choice.
     */
    @Test
    void theOnlineWeightingLearnsWhichSignalToTrust() {
        List<RunReferencePair> history = new ArrayList<>();
        for (int run = 100; run < 300; run++) {
            history.add(choice(run, EXPRESS_COSMICS, 1000 + run));
            history.add(choice(run, PROMPT_COSMICS, 1000 + run));
        }
        Map<String, Evaluation.Metrics> m = Evaluation.replay(history, List.of(
                ReferenceRunRecommender.builder().name("learned").build(),
                ReferenceRunRecommender.builder().name("fixed").settings(RecommenderSettings.defaults().withLearningRate(0)).build()),
                p -> p.run() >= 200 && p.reconstruction().equals("prompt"));
        assertThat(m.get("learned").top1()).isGreaterThan(0.95);
        assertThat(m.get("fixed").top1()).isLessThan(0.5);
    }

    /**
     * No future leak through the weights: in a replay, the learning recommender ranks each target
     * exactly as a fresh one that learned only what was certified before it.
     */
    @Test
    void theLearnedWeightsRestOnEarlierRowsOnly() {
        List<RunReferencePair> history = new ArrayList<>();
        for (int run = 100; run < 160; run++) {
            history.add(choice(run, EXPRESS_COSMICS, 10 + (run / 7) % 3));
            history.add(choice(run, PROMPT_COSMICS, 10 + (run / 5) % 4));
        }
        ReferenceRunRecommender replayed = ReferenceRunRecommender.builder().build();
        List<List<ScoredCandidate>> seen = new ArrayList<>();
        Ranking spy = new Ranking() {
            @Override
            public String name() {
                return "spy";
            }

            @Override
            public List<Long> rank(RunReferencePair t) {
                Recommendation rec = replayed.recommend(RecommendationTarget.of(t));
                seen.add(rec.ranked());
                return rec.runs();
            }

            @Override
            public void learn(RunReferencePair choice) {
                replayed.learn(choice);
            }
        };
        Evaluation.replay(history, List.of(spy));
        List<RunReferencePair> ordered = history.stream().sorted(RunReferencePair.certificationOrder()).toList();
        for (int i = 0; i < ordered.size(); i += 13) {
            ReferenceRunRecommender fresh = ReferenceRunRecommender.builder().build();
            RecommendationTarget t = RecommendationTarget.of(ordered.get(i));
            assertThat(fresh.learnBefore(history, t)).isEqualTo(i);
            assertThat(fresh.recommend(t).ranked()).as("target %s", t).isEqualTo(seen.get(i));
        }
        // and learning moved the weights: the fixed weighting scores differently
        ReferenceRunRecommender fixed = ReferenceRunRecommender.builder().settings(RecommenderSettings.defaults().withLearningRate(0)).build();
        fixed.learnAll(history.subList(0, history.size() - 2));
        assertThat(fixed.recommend(RecommendationTarget.of(history.get(history.size() - 1))).ranked())
                .isNotEqualTo(seen.get(seen.size() - 1));
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> new RecommenderSettings(-1, 1, 1, 1, 10, 0, 0, 5, 0, 0, 50, 0)).hasMessageContaining("sameDataset");
        assertThatThrownBy(() -> new RecommenderSettings(1, 1, 1, 1, 0, 0, 0, 5, 0, 0, 50, 0)).hasMessageContaining("recencyScale");
        assertThatThrownBy(() -> RecommenderSettings.defaults().withAbstainBelow(1.5)).hasMessageContaining("abstainBelow");
        assertThatThrownBy(() -> RecommenderSettings.defaults().withCandidates(0)).hasMessageContaining("candidates");
        assertThatThrownBy(() -> RecommenderSettings.defaults().withLearningRate(-0.1)).hasMessageContaining("learningRate");
        assertThatThrownBy(() -> new RecommenderSettings(1, 1, 1, 1, 10, 0, 0, 5, -1, 0, 50, 0)).hasMessageContaining("sameRun");
        assertThatThrownBy(() -> RecommenderSettings.defaults().withSameRunWeights(0, -2)).hasMessageContaining("counterpart", "-2");
        assertThatThrownBy(() -> new RecommenderSettings(1, 1, 1, 1, 10, 0, 0, 5, 0, 0, 0, 0)).hasMessageContaining("fastRecencyScale");
    }

    @Test
    void runTypesFromDatasetNames() {
        assertThat(RunType.fromDataset("/StreamExpressCosmics/Run2018D-Express-v1/DQMIO")).isEqualTo(RunType.COSMICS);
        assertThat(RunType.fromDataset("/StreamHIExpress/HIRun2018A-Express-v1/DQMIO")).isEqualTo(RunType.HEAVY_ION);
        assertThat(RunType.fromDataset("/Express/Collisions2023HI/DQM")).isEqualTo(RunType.HEAVY_ION);
        assertThat(RunType.fromDataset("/HIMinimumBias0/HIRun2018A-PromptReco-v1/DQMIO")).isEqualTo(RunType.HEAVY_ION);
        assertThat(RunType.fromDataset("/ZeroBias/Run2018D-PromptReco-v2/DQMIO")).isEqualTo(RunType.COLLISIONS);
        assertThat(RunType.fromDataset("/PromptReco/Collisions2022/DQM")).isEqualTo(RunType.COLLISIONS);
        assertThat(RunType.fromDataset("To Be Defined")).isEqualTo(RunType.UNKNOWN);
        assertThat(RunType.fromDataset("")).isEqualTo(RunType.UNKNOWN);
    }

    /** The learned weights are visible; settings() keeps the starting ones. */
    @Test
    void learnedWeightsMoveWhileTheSettingsStay() {
        ReferenceRunRecommender r = ReferenceRunRecommender.builder().build();
        assertThat(r.learnedWeights()).containsEntry("SAME_DATASET", 3.0).containsEntry("SAME_DATASET (fast)", 0.0).hasSize(11);
        List<RunReferencePair> history = new ArrayList<>();
        for (long run = 100; run < 140; run++) {
            history.add(choice(run, EXPRESS_COSMICS, run % 3 == 0 ? 90 : 95));
        }
        Map<String, Double> before = r.learnedWeights();
        r.learnAll(history);
        assertThat(r.learnedWeights()).isNotEqualTo(before).containsOnlyKeys(before.keySet());
        assertThat(r.settings().sameDataset()).isEqualTo(3.0);
    }

    /** A live user has every row but the target run's own from its reconstruction on. */
    @Test
    void learnAllButLeavesOutOnlyTheRunsOwnRowsFromItsReconstructionOn() {
        List<RunReferencePair> history = List.of(choice(100, EXPRESS_COSMICS, 90), choice(101, EXPRESS_COSMICS, 90),
                choice(101, PROMPT_COSMICS, 90), choice(102, PROMPT_COSMICS, 95));
        assertThat(ReferenceRunRecommender.builder().build().learnAllBut(history, target(101, PROMPT_COSMICS))).isEqualTo(3);
        assertThat(ReferenceRunRecommender.builder().build().learnAllBut(history, target(101, EXPRESS_COSMICS))).isEqualTo(2);
        assertThat(ReferenceRunRecommender.builder().build().learnBefore(history, target(101, PROMPT_COSMICS))).isEqualTo(2);
    }
}
