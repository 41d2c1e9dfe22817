package org.runops.core.refrun;

import java.util.List;
import java.util.Objects;

/**
 * The answer for one target run: candidates best first, how sure the recommender is, and whether
 * it abstains (no compatible candidate, or the confidence is below the configured threshold).
 *
 * @param target     the target run
 * @param ranked     candidates, best first (kept even when abstaining, for inspection)
 * @param confidence the best candidate's lead over the runner-up as a fraction of the highest possible score, 0..1
 * @param abstained  true when the recommender declines to recommend
 */
public record Recommendation(RecommendationTarget target, List<ScoredCandidate> ranked, double confidence, boolean abstained) {
    public Recommendation {
        Objects.requireNonNull(target, "target");
        ranked = List.copyOf(ranked);
    }

    /** Candidate run numbers, best first; empty when abstaining. */
    public List<Long> runs() {
        return abstained ? List.of() : ranked.stream().map(ScoredCandidate::run).toList();
    }
}
