package org.runops.core.refrun;

/**
 * The weights of the terms a candidate's score adds up, fixed or learned online.
 *
 * <p>A term is one number per candidate, 0..1: the slow and the fast recency of its use in each of
 * the four history circles ({@code exp(−age/recencyScale)}, {@code exp(−age/fastRecencyScale)}), its
 * feature closeness, whether the target's run chose it in an earlier reconstruction, whether it is that
 * choice's counterpart. Each term reports under one {@link Signal}. The score is Σ weight × term.
 *
 * <p>Learning ({@code learningRate > 0}): after each learned choice, one step of stochastic gradient
 * ascent on the log-likelihood of a softmax over the candidates the choice was made from —
 * {@code w += rate × (x_chosen − Σ p_c x_c)}, {@code p_c ∝ exp(score_c)}. A choice only moves the weights
 * used for later targets, so a replay never ranks a target with weights that saw its own or later rows.
 * Not thread-safe; the recommender guards it.
 */
final class TermWeights {
    /** Terms 0..3: slow recency in the circles of {@link UsageIndex#circles}; 4..7: fast recency in the same circles. */
    static final int FAST = 4;
    static final int FEATURES = 8;
    static final int SAME_RUN = 9;
    static final int COUNTERPART = 10;
    static final int TERMS = 11;
    private static final Signal[] SIGNALS = {Signal.SAME_DATASET, Signal.SAME_TYPE_AND_RECONSTRUCTION, Signal.SAME_RUN_TYPE,
        Signal.ANY_DATASET, Signal.SAME_DATASET, Signal.SAME_TYPE_AND_RECONSTRUCTION, Signal.SAME_RUN_TYPE, Signal.ANY_DATASET,
        Signal.FEATURE_DISTANCE, Signal.SAME_RUN_EARLIER_RECONSTRUCTION, Signal.EARLIER_RECONSTRUCTION_COUNTERPART};

    private final double[] weights = new double[TERMS];
    private final double learningRate;

    /** Starts from the settings' weights (the fast recency terms at 0: fixed weights do not use them). */
    TermWeights(RecommenderSettings s) {
        for (int c = 0; c < FAST; c++) {
            weights[c] = s.historyWeight(c);
        }
        weights[FEATURES] = s.featureWeight();
        weights[SAME_RUN] = s.sameRun();
        weights[COUNTERPART] = s.counterpart();
        this.learningRate = s.learningRate();
    }

    /** The signal term {@code term} reports under. */
    static Signal signal(int term) {
        return SIGNALS[term];
    }

    /** The term's name: its signal, with " (fast)" for the fast recency terms. */
    static String name(int term) {
        return term >= FAST && term < FEATURES ? SIGNALS[term].name() + " (fast)" : SIGNALS[term].name();
    }

    double weight(int term) {
        return weights[term];
    }

    boolean learns() {
        return learningRate > 0;
    }

    double score(double[] terms) {
        double s = 0;
        for (int t = 0; t < TERMS; t++) {
            s += weights[t] * terms[t];
        }
        return s;
    }

    /**
     * The score of a candidate every term that can fire backs fully: the scale of the confidence.
     * Feature and same-run terms count only when they can fire for the target.
     */
    double highest(boolean withFeatures, boolean withEarlierReconstruction) {
        double h = 0;
        for (int t = 0; t < TERMS; t++) {
            boolean applies = t < FEATURES || (t == FEATURES ? withFeatures : withEarlierReconstruction);
            if (applies) {
                h += Math.max(0, weights[t]);
            }
        }
        return h;
    }

    /** One gradient step towards {@code chosen} among {@code candidates} (which include it); no-op when not learning. */
    void learn(double[][] candidates, double[] chosen) {
        if (!learns() || candidates.length < 2) {
            return;
        }
        double[] scores = new double[candidates.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < candidates.length; i++) {
            scores[i] = score(candidates[i]);
            max = Math.max(max, scores[i]);
        }
        double z = 0;
        double[] expected = new double[TERMS];
        for (int i = 0; i < candidates.length; i++) {
            double[] x = candidates[i];
            double p = Math.exp(scores[i] - max);
            z += p;
            for (int t = 0; t < TERMS; t++) {
                expected[t] += p * x[t];
            }
        }
        for (int t = 0; t < TERMS; t++) {
            weights[t] += learningRate * (chosen[t] - expected[t] / z);
        }
    }
}
