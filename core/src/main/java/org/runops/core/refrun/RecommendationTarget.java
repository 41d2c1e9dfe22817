package org.runops.core.refrun;

import java.util.Objects;

/**
 * The run a reference is wanted for: its number, dataset and reconstruction as Certhelper names them.
 *
 * @param run            the run number
 * @param dataset        the dataset ({@code /PromptReco/Collisions2023/DQM}; "" when unknown)
 * @param reconstruction the reconstruction ({@code express}, {@code prompt}, ...; "" when unknown)
 */
public record RecommendationTarget(long run, String dataset, String reconstruction) {
    public RecommendationTarget {
        if (run <= 0) {
            throw new IllegalArgumentException("run number must be positive: " + run);
        }
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(reconstruction, "reconstruction");
    }

    /** The target of a recorded choice. */
    public static RecommendationTarget of(RunReferencePair pair) {
        return new RecommendationTarget(pair.run(), pair.dataset(), pair.reconstruction());
    }

    /** The run type the dataset implies. */
    public RunType runType() {
        return RunType.fromDataset(dataset);
    }
}
