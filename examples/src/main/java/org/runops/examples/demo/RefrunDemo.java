package org.runops.examples.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.runops.core.refrun.Evaluation;
import org.runops.core.refrun.HistoryBaselines;
import org.runops.core.refrun.Recommendation;
import org.runops.core.refrun.RecommendationTarget;
import org.runops.core.refrun.RecommenderSettings;
import org.runops.core.refrun.ReferenceRunRecommender;
import org.runops.core.refrun.RunReferencePair;

/**
 * Reference-run recommendation on a generated Certhelper history shaped like the real one: cosmics
 * and collision datasets certified in express then prompt, references kept for blocks of runs and
 * switched now and then, the prompt datasets following the express switch a few runs later, and the
 * odd run compared against an older reference.
 */
public final class RefrunDemo {
    /** The run the demo asks a reference for. */
    public static final long TARGET = 382_400;
    public static final String TARGET_DATASET = "/PromptReco/Cosmics24/DQM";

    private RefrunDemo() {}

    /** A history of choices for the runs before {@link #TARGET} (fixed seed: the same every time). */
    public static List<RunReferencePair> history() {
        SplittableRandom random = new SplittableRandom(2024);
        List<RunReferencePair> pairs = new ArrayList<>();
        long cosmicsRef = 379_950;
        long collisionsRef = 379_980;
        long previousCosmicsRef = cosmicsRef;
        long switchedAt = 0;
        for (long run = 380_000; run < TARGET; run += 1 + random.nextInt(12)) {
            boolean cosmics = random.nextInt(3) > 0;
            if (random.nextInt(30) == 0) { // a good long run becomes the new reference
                if (cosmics) {
                    previousCosmicsRef = cosmicsRef;
                    cosmicsRef = run - 1;
                    switchedAt = run;
                } else {
                    collisionsRef = run - 1;
                }
            }
            String kind = cosmics ? "Cosmics24" : "Collisions2024";
            long ref = cosmics ? cosmicsRef : collisionsRef;
            if (random.nextInt(60) == 0) {
                ref = cosmics ? previousCosmicsRef : ref; // compared against the older reference once in a while
            }
            pairs.add(new RunReferencePair(run, "express", ref, "express", "/Express/" + kind + "/DQM"));
            // prompt follows a few runs behind a switch of the express reference
            long promptRef = cosmics && run - switchedAt < 6 ? previousCosmicsRef : ref;
            pairs.add(new RunReferencePair(run, "prompt", promptRef, "prompt", "/PromptReco/" + kind + "/DQM"));
        }
        return pairs;
    }

    /** The recommendation for {@link #TARGET} from the generated history. */
    public static Recommendation recommend(List<RunReferencePair> history) {
        ReferenceRunRecommender recommender = ReferenceRunRecommender.builder()
                .settings(RecommenderSettings.defaults().withCandidates(5)).build();
        recommender.learnAll(history);
        return recommender.recommend(new RecommendationTarget(TARGET, TARGET_DATASET, "prompt"));
    }

    /** The recommender beside the two history baselines, replayed over the generated history. */
    public static Map<String, Evaluation.Metrics> evaluate(List<RunReferencePair> history) {
        return Evaluation.replay(history, List.of(ReferenceRunRecommender.builder().build(), HistoryBaselines.previousInDataset(),
                HistoryBaselines.mostRecentlyUsed()));
    }
}
