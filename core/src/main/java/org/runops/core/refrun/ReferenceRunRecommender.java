package org.runops.core.refrun;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recommends the reference run a shifter should compare a run against, from the history of earlier
 * run→reference choices and, optionally, run conditions from OMS.
 *
 * <p>Candidates are the runs already chosen as references, never the target run itself. Hard filters
 * drop those of another run type (cosmics, collisions, heavy ions — from the datasets they served)
 * and, when the feature table has {@code b_field}, of another magnetic-field bucket (0 T or 3.8 T).
 * Each remaining candidate is scored by how recently it served in ever wider circles around the
 * target (see {@link Signal}), by what the target's own run chose in an earlier reconstruction (its
 * express choice, for its prompt certification) and that choice's usual counterpart, plus how close
 * its run conditions are (every column but {@code b_field}, see {@link RecommenderFeatures}), every
 * part reported on its own ({@link ScoredCandidate#contributions()}).
 *
 * <p>The weights start from {@link RecommenderSettings} and, with a learning rate (the default), are
 * refitted online: each learned choice moves them one gradient step towards the candidate chosen, from
 * the candidates it was chosen among, so the weights for a target rest on earlier choices only.
 *
 * <p>It learns only what it is told ({@link #learn}): for a time-ordered evaluation feed it the
 * choices certified before the target only, in certification order, as {@link Evaluation#replay} does.
 * Thread-safe.
 */
public final class ReferenceRunRecommender implements Ranking {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceRunRecommender.class);

    private final RecommenderSettings settings;
    private final FeatureTable features; // nullable
    private final boolean onlyEarlierReferences;
    private final String name;
    private final UsageIndex usage = new UsageIndex();
    private final TermWeights weights;
    /** The terms of the last recommendation, reused when the same target is learned next (a replay's rank, then learn). */
    private RecommendationTarget lastTarget;
    private int lastLearned = -1;
    private Map<Long, double[]> lastTerms;

    private ReferenceRunRecommender(Builder b) {
        this.settings = b.settings;
        this.features = b.features;
        this.onlyEarlierReferences = b.onlyEarlierReferences;
        this.name = b.name;
        this.weights = new TermWeights(b.settings);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a recommender; every part has a default. */
    public static final class Builder {
        private RecommenderSettings settings = RecommenderSettings.defaults();
        private FeatureTable features;
        private boolean onlyEarlierReferences;
        private String name = "recommender";

        private Builder() {}

        public Builder settings(RecommenderSettings s) {
            this.settings = Objects.requireNonNull(s, "settings");
            return this;
        }

        /** Run conditions per run (OMS attributes); runs missing from it are ranked on history alone. */
        public Builder features(FeatureTable table) {
            this.features = table;
            return this;
        }

        /**
         * Only propose references numbered below the target. Off by default: Certhelper holds
         * choices of later references (re-certification, re-reconstruction), 5.8 % of the
         * March-2024 dump, and a reference already chosen is known whatever its number.
         */
        public Builder onlyEarlierReferences(boolean only) {
            this.onlyEarlierReferences = only;
            return this;
        }

        /** The method's name in evaluation reports. */
        public Builder name(String n) {
            this.name = Objects.requireNonNull(n, "name");
            return this;
        }

        public ReferenceRunRecommender build() {
            return new ReferenceRunRecommender(this);
        }
    }

    @Override
    public String name() {
        return name;
    }

    /** The settings in use: the starting weights, not the learned ones ({@link #learnedWeights()}). */
    public RecommenderSettings settings() {
        return settings;
    }

    /**
     * The weights scores are computed with now, by term name ({@link Signal} names; the fast recency terms
     * with " (fast)"): the starting weights until learning moves them.
     */
    public synchronized Map<String, Double> learnedWeights() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int t = 0; t < TermWeights.TERMS; t++) {
            out.put(TermWeights.name(t), weights.weight(t));
        }
        return out;
    }

    /**
     * Learns one recorded choice, and with a learning rate refits the weights on it first (from the
     * candidates it was made from, before it is known). Feed choices in certification order
     * ({@link RunReferencePair#certificationOrder()}).
     */
    @Override
    public synchronized void learn(RunReferencePair choice) {
        Objects.requireNonNull(choice, "choice");
        if (weights.learns()) {
            RecommendationTarget target = RecommendationTarget.of(choice);
            Map<Long, double[]> terms = target.equals(lastTarget) && usage.learned() == lastLearned ? lastTerms : terms(target);
            double[] chosen = terms.get(choice.referenceRun());
            if (chosen != null) {
                weights.learn(terms.values().toArray(double[][]::new), chosen);
            }
        }
        usage.learn(choice);
    }

    /** Learns a whole history in certification order (run numbers, then express before prompt). */
    public synchronized void learnAll(List<RunReferencePair> history) {
        RunReferencePair.inCertificationOrder(history, 0).forEach(this::learn);
    }

    /**
     * Learns the choices of {@code history} made for runs numbered below {@code run}: what was known
     * when {@code run} was taken, so that a recommendation for it never rests on its own or later
     * choices. Returns how many it learned.
     */
    public synchronized int learnBefore(List<RunReferencePair> history, long run) {
        List<RunReferencePair> earlier = history.stream().filter(p -> p.run() < run).toList();
        learnAll(earlier);
        return earlier.size();
    }

    /**
     * Learns what was certified before {@code target}: the choices of earlier runs and those of the
     * target's own run in an earlier reconstruction (its express choice when the target is its prompt
     * certification). Returns how many it learned.
     */
    public synchronized int learnBefore(List<RunReferencePair> history, RecommendationTarget target) {
        Reconstruction reco = Reconstruction.parse(target.reconstruction());
        List<RunReferencePair> earlier = history.stream().filter(p -> p.run() < target.run()
                || (p.run() == target.run() && Reconstruction.parse(p.reconstruction()).certifiedBefore(reco))).toList();
        learnAll(earlier);
        return earlier.size();
    }

    /**
     * Learns every choice of {@code history} a live user already has when asking for {@code target}: all
     * rows, later runs included, except the target run's own rows in the target's reconstruction or later
     * (they do not exist yet, or would be the answer). Use {@link #learnBefore(List, RecommendationTarget)}
     * to re-examine a past run as it was. Returns how many it learned.
     */
    public synchronized int learnAllBut(List<RunReferencePair> history, RecommendationTarget target) {
        Reconstruction reco = Reconstruction.parse(target.reconstruction());
        List<RunReferencePair> known = history.stream().filter(p -> p.run() != target.run()
                || Reconstruction.parse(p.reconstruction()).certifiedBefore(reco)).toList();
        learnAll(known);
        return known.size();
    }

    /** How many choices it has learned. */
    public synchronized int learned() {
        return usage.learned();
    }

    @Override
    public List<Long> rank(RunReferencePair target) {
        return recommend(RecommendationTarget.of(target)).runs();
    }

    /** Candidates for {@code target}, best first, with their signals and the confidence. */
    public synchronized Recommendation recommend(RecommendationTarget target) {
        Objects.requireNonNull(target, "target");
        Map<Long, double[]> terms = terms(target);
        lastTarget = target;
        lastLearned = usage.learned();
        lastTerms = terms;
        List<Scored> ranked = new ArrayList<>(terms.size());
        terms.forEach((run, x) -> ranked.add(new Scored(run, weights.score(x), x)));
        ranked.sort(BEST_FIRST);
        List<ScoredCandidate> top = ranked.subList(0, Math.min(settings.candidates(), ranked.size())).stream()
                .map(this::withContributions).toList();
        boolean earlierReconstruction = usage.earlierChoice(target.run(), Reconstruction.parse(target.reconstruction())) != null;
        double confidence = confidence(top, weights.highest(features != null, earlierReconstruction));
        boolean abstain = top.isEmpty() || confidence < settings.abstainBelow();
        if (LOG.isDebugEnabled()) {
            LOG.debug("run {} ({}): {} candidates, best {} confidence {}{}", target.run(), target.dataset(), ranked.size(),
                    top.isEmpty() ? "none" : top.get(0).run(), String.format(Locale.ROOT, "%.2f", confidence), abstain ? ", abstaining" : "");
        }
        return new Recommendation(target, top, confidence, abstain);
    }

    /** Room for the references of a long history (132 in the March-2024 dump) without rehashing. */
    private static final int CANDIDATES_SIZE = 512;

    /** A candidate's score before its parts are itemised (only the listed candidates get that). */
    private record Scored(long run, double score, double[] terms) {}

    /** Best score first; equal scores: the newer run first, so the order is total and repeatable. */
    private static final Comparator<Scored> BEST_FIRST = Comparator.comparingDouble(Scored::score).reversed()
            .thenComparing(Comparator.comparingLong(Scored::run).reversed());

    private ScoredCandidate withContributions(Scored c) {
        EnumMap<Signal, Double> parts = new EnumMap<>(Signal.class);
        for (int t = 0; t < TermWeights.TERMS; t++) {
            if (c.terms()[t] != 0) {
                parts.merge(TermWeights.signal(t), weights.weight(t) * c.terms()[t], Double::sum);
            }
        }
        // reported as the sum of its parts (equal to the ranking score up to rounding)
        return new ScoredCandidate(c.run(), parts.values().stream().mapToDouble(Double::doubleValue).sum(), parts);
    }

    /** Every eligible candidate's terms (see {@link TermWeights}). */
    private Map<Long, double[]> terms(RecommendationTarget target) {
        Map<Long, double[]> terms = new HashMap<>(CANDIDATES_SIZE);
        RunType type = usage.runType(target);
        String[] circles = usage.circles(target);
        for (int c = 0; c < circles.length; c++) {
            for (Map.Entry<Long, Long> use : usage.lastUse(circles[c]).entrySet()) {
                Long candidate = use.getKey(); // the map's own box: boxing it again per lookup was 6 % of a refit's JFR samples
                double[] x = terms.get(candidate);
                if (x == null) {
                    if (!eligible(target, type, candidate)) {
                        continue;
                    }
                    x = new double[TermWeights.TERMS];
                    terms.put(candidate, x);
                }
                double age = Math.max(0, target.run() - use.getValue());
                x[c] = Math.exp(-age / settings.recencyScale());
                x[TermWeights.FAST + c] = Math.exp(-age / settings.fastRecencyScale());
            }
        }
        Reconstruction reco = Reconstruction.parse(target.reconstruction());
        Long earlier = usage.earlierChoice(target.run(), reco);
        if (earlier != null) {
            mark(terms, earlier, TermWeights.SAME_RUN);
            Long counterpart = usage.counterpart(reco, earlier);
            if (counterpart != null) {
                mark(terms, counterpart, TermWeights.COUNTERPART);
            }
        }
        addFeatureDistance(target, terms);
        return terms;
    }

    /** Sets {@code term} of {@code candidate} when it is a candidate (an earlier choice may be filtered out here). */
    private static void mark(Map<Long, double[]> terms, long candidate, int term) {
        double[] x = terms.get(candidate);
        if (x != null) {
            x[term] = 1;
        }
    }

    /**
     * The best candidate's lead over the runner-up as a fraction of the highest score possible, 0..1.
     * Of the forms tried on the March-2024 dump (share of the best two, absolute score, this lead),
     * the lead separates right from wrong first choices best: the half of targets with the highest
     * lead are right 97 % of the time, against 95.9 % for the share.
     */
    private static double confidence(List<ScoredCandidate> top, double highest) {
        if (top.isEmpty() || !(highest > 0)) {
            return 0;
        }
        double second = top.size() > 1 ? top.get(1).score() : 0;
        return Math.min(1, Math.max(0, (top.get(0).score() - second) / highest));
    }

    /**
     * A run is never its own reference. Certhelper's March-2024 dump holds 13 such rows of 10,448: 10 are
     * rereco/rerecoul rows certified against the same run's earlier reconstruction (319909 rereco → 319909
     * prompt), a real pattern this filter loses (none from run 363000 on), 3 look like typing slips.
     */
    private boolean eligible(RecommendationTarget target, RunType type, Long boxedCandidate) {
        long candidate = boxedCandidate; // unboxed once: compared as numbers, never as references
        if (candidate == target.run() || (onlyEarlierReferences && candidate > target.run())) {
            return false;
        }
        Set<RunType> served = usage.typesServed(boxedCandidate); // the map key as given: no re-boxing
        if (type != RunType.UNKNOWN && !served.isEmpty() && !served.contains(type) && !served.contains(RunType.UNKNOWN)) {
            return false;
        }
        return sameFieldBucket(target.run(), candidate);
    }

    /** 0 T and 3.8 T runs are never each other's reference; unknown field passes. */
    private boolean sameFieldBucket(long target, long candidate) {
        if (features == null) {
            return true;
        }
        int column = features.columns().indexOf(RecommenderFeatures.B_FIELD);
        int t = features.rowOf(target);
        int c = features.rowOf(candidate);
        if (column < 0 || t < 0 || c < 0) {
            return true;
        }
        double bt = features.value(t, column);
        double bc = features.value(c, column);
        return Double.isNaN(bt) || Double.isNaN(bc) || (bt < 1) == (bc < 1);
    }

    /** Feature closeness, standardised on the candidates that have features (the pool), never on the target. */
    private void addFeatureDistance(RecommendationTarget target, Map<Long, double[]> parts) {
        if (features == null || (settings.featureWeight() == 0 && !weights.learns())) {
            return;
        }
        int targetRow = features.rowOf(target.run());
        if (targetRow < 0) {
            return;
        }
        int[] pool = parts.keySet().stream().mapToInt(features::rowOf).filter(r -> r >= 0).toArray();
        if (pool.length < 2) {
            return;
        }
        FeatureTable.Standardization s = features.standardization(pool);
        double[] weights = RecommenderFeatures.distanceWeights(features);
        for (FeatureTable.Neighbor n : features.nearest(features.row(targetRow), pool.length, s.sd(), weights, pool)) {
            parts.get(n.run())[TermWeights.FEATURES] = Math.exp(-n.distance());
        }
    }
}
