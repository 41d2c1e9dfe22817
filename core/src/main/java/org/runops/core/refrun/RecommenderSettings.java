package org.runops.core.refrun;

/**
 * How the recommender weighs its signals.
 *
 * <p>A history signal contributes {@code weight × exp(−(target run − last run that used the
 * candidate) / recencyScale)}: the reference of the run just before counts fully, one last used
 * {@code recencyScale} run numbers ago counts 37 %. The feature signal contributes
 * {@code featureWeight × exp(−distance)} with the distance standardised on the candidate pool.
 *
 * @param sameDataset                weight of {@link Signal#SAME_DATASET}
 * @param sameTypeAndReconstruction  weight of {@link Signal#SAME_TYPE_AND_RECONSTRUCTION}
 * @param sameRunType                weight of {@link Signal#SAME_RUN_TYPE}
 * @param anyDataset                 weight of {@link Signal#ANY_DATASET}
 * @param recencyScale               run numbers over which a use fades to 1/e, positive
 * @param featureWeight              weight of {@link Signal#FEATURE_DISTANCE}; 0 ignores features
 * @param abstainBelow               confidence under which the recommender abstains, 0..1 (0: never)
 * @param candidates                 how many candidates a recommendation lists at most, positive
 */
public record RecommenderSettings(double sameDataset, double sameTypeAndReconstruction, double sameRunType, double anyDataset,
        double recencyScale, double featureWeight, double abstainBelow, int candidates) {

    public RecommenderSettings {
        for (double w : new double[] {sameDataset, sameTypeAndReconstruction, sameRunType, anyDataset, featureWeight}) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("signal weights must be finite and non-negative: " + w);
            }
        }
        if (!(recencyScale > 0)) {
            throw new IllegalArgumentException("recencyScale must be positive: " + recencyScale);
        }
        if (!(abstainBelow >= 0 && abstainBelow <= 1)) {
            throw new IllegalArgumentException("abstainBelow must be within 0..1: " + abstainBelow);
        }
        if (candidates <= 0) {
            throw new IllegalArgumentException("candidates must be positive: " + candidates);
        }
    }

    /**
     * The defaults, chosen on the 2021 history (runRefRunPairs.json, 4,350 choices) and then
     * measured unchanged on the March-2024 dump (see the certhelper-client README).
     */
    public static RecommenderSettings defaults() {
        return new RecommenderSettings(3, 2, 1, 0.5, 500, 0.3, 0, 10);
    }

    public RecommenderSettings withFeatureWeight(double weight) {
        return new RecommenderSettings(sameDataset, sameTypeAndReconstruction, sameRunType, anyDataset, recencyScale, weight,
                abstainBelow, candidates);
    }

    public RecommenderSettings withAbstainBelow(double confidence) {
        return new RecommenderSettings(sameDataset, sameTypeAndReconstruction, sameRunType, anyDataset, recencyScale, featureWeight,
                confidence, candidates);
    }

    public RecommenderSettings withCandidates(int n) {
        return new RecommenderSettings(sameDataset, sameTypeAndReconstruction, sameRunType, anyDataset, recencyScale, featureWeight,
                abstainBelow, n);
    }

    /** The score of a candidate every signal backs fully (used last by the run just before, identical conditions). */
    double highestScore() {
        return sameDataset + sameTypeAndReconstruction + sameRunType + anyDataset + featureWeight;
    }

    double historyWeight(int circle) {
        return switch (circle) {
            case 0 -> sameDataset;
            case 1 -> sameTypeAndReconstruction;
            case 2 -> sameRunType;
            default -> anyDataset;
        };
    }
}
