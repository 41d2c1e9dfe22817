package org.runops.core.refrun;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Time-ordered replay of a run→reference history: every row (one run's choice for one reconstruction)
 * is a target that every method ranks from what was certified before it only, then every method learns
 * the row's choice. No method ever sees a choice made after its target (no future leakage).
 *
 * <p>The order is the order certification happens in ({@link Replay#PER_ROW}, the default): rows by
 * run number (Certhelper exports no dates), and within one run by reconstruction — online, express,
 * prompt, rereco, rerecoul ({@link RunReferencePair#certificationOrder()}). A run is certified in express
 * hours after it ends and in prompt about two days later, so its prompt row is ranked knowing its
 * express choice, and the express row knows the prompt rows of the runs before it. Rows of one run and
 * reconstruction (rare duplicates) are ranked and learned one after the other in input order.
 * {@link Replay#PER_RUN} is the protocol before issue 12: all rows of one run are ranked before any of
 * them is learned; kept so that earlier numbers can be reproduced.
 *
 * <p>A method that learns its own weights (the recommender's online weighting) updates them in
 * {@link Ranking#learn}, so they too rest on earlier rows only.
 */
public final class Evaluation {

    /** Ranks up to which {@link Metrics#hitRates()} are counted. */
    public static final int MAX_RANK = 10;

    /**
     * Hit rates (fractions of targets), mean reciprocal rank (1-based ranks) and abstentions of one method.
     *
     * @param hitRates fraction of targets whose choice was within the first k, for k = 1..{@link #MAX_RANK} (index k − 1)
     */
    public record Metrics(String method, int targets, double mrr, double abstained, List<Double> hitRates) {
        public Metrics {
            if (hitRates.size() != MAX_RANK) {
                throw new IllegalArgumentException("hitRates needs one rate per k = 1.." + MAX_RANK + ", got " + hitRates.size());
            }
            hitRates = List.copyOf(hitRates);
        }

        public double top1() {
            return hitRates.get(0);
        }

        public double top3() {
            return hitRates.get(2);
        }

        public double top5() {
            return hitRates.get(4);
        }
    }

    /** In which order a replay ranks and learns the rows of one run. */
    public enum Replay {
        /** Each row ranked, then learned, in certification order (express before prompt): the default. */
        PER_ROW,
        /** All rows of a run ranked before any is learned (the protocol before issue 12). */
        PER_RUN
    }

    private Evaluation() {}

    /** Replays {@code history} (any order; sorted here) through {@code methods}, {@link Replay#PER_ROW}; every choice is a target. */
    public static Map<String, Metrics> replay(List<RunReferencePair> history, List<Ranking> methods) {
        return replay(history, methods, pair -> true);
    }

    /**
     * Replays the whole {@code history} {@link Replay#PER_ROW} (every choice is learned in turn) but scores
     * only the choices {@code scored} accepts: a held-out period (runs after a date), or targets that have
     * run features.
     */
    public static Map<String, Metrics> replay(List<RunReferencePair> history, List<Ranking> methods, Predicate<RunReferencePair> scored) {
        return replay(history, methods, scored, Replay.PER_ROW);
    }

    /** As {@link #replay(List, List, Predicate)}, with the order of ranking and learning within a run chosen. */
    public static Map<String, Metrics> replay(List<RunReferencePair> history, List<Ranking> methods, Predicate<RunReferencePair> scored,
            Replay protocol) {
        List<RunReferencePair> ordered = new ArrayList<>(history);
        // per run, the rows of a run keep their input order, as before issue 12, so old numbers reproduce exactly
        ordered.sort(protocol == Replay.PER_ROW ? RunReferencePair.certificationOrder() : Comparator.comparingLong(RunReferencePair::run));
        int n = methods.size();
        int[][] withinRank = new int[n][MAX_RANK];
        int[] abstained = new int[n];
        double[] reciprocal = new double[n];
        int targets = 0;
        int i = 0;
        while (i < ordered.size()) {
            int j = i + 1;
            while (protocol == Replay.PER_RUN && j < ordered.size() && ordered.get(j).run() == ordered.get(i).run()) {
                j++;
            }
            List<RunReferencePair> batch = ordered.subList(i, j); // one row, or one run's rows
            for (RunReferencePair target : batch) {
                if (!scored.test(target)) {
                    continue;
                }
                targets++;
                for (int m = 0; m < n; m++) {
                    List<Long> ranked = methods.get(m).rank(target);
                    if (ranked.isEmpty()) {
                        abstained[m]++;
                        continue;
                    }
                    int rank = ranked.indexOf(target.referenceRun()) + 1;
                    if (rank > 0) {
                        for (int k = rank; k <= MAX_RANK; k++) {
                            withinRank[m][k - 1]++;
                        }
                        reciprocal[m] += 1.0 / rank;
                    }
                }
            }
            for (RunReferencePair choice : batch) {
                methods.forEach(m -> m.learn(choice));
            }
            i = j;
        }
        Map<String, Metrics> out = new LinkedHashMap<>();
        for (int m = 0; m < n; m++) {
            double t = Math.max(1, targets);
            List<Double> hitRates = new ArrayList<>(MAX_RANK);
            for (int k = 0; k < MAX_RANK; k++) {
                hitRates.add(withinRank[m][k] / t);
            }
            out.put(methods.get(m).name(), new Metrics(methods.get(m).name(), targets, reciprocal[m] / t, abstained[m] / t, hitRates));
        }
        return out;
    }
}
