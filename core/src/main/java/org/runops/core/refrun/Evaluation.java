package org.runops.core.refrun;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Time-ordered replay of a run→reference history: each run is a target ranked by every method from
 * the choices of strictly earlier runs only (no future leakage), then the methods learn its choices.
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

    private Evaluation() {}

    /** Replays {@code history} (any order; sorted by run here) through {@code methods}; every choice is a target. */
    public static Map<String, Metrics> replay(List<RunReferencePair> history, List<Ranking> methods) {
        return replay(history, methods, pair -> true);
    }

    /**
     * Replays the whole {@code history} (every choice is learned in turn) but scores only the choices
     * {@code scored} accepts: a held-out period (runs after a date), or targets that have run features.
     */
    public static Map<String, Metrics> replay(List<RunReferencePair> history, List<Ranking> methods, Predicate<RunReferencePair> scored) {
        List<RunReferencePair> ordered = new ArrayList<>(history);
        ordered.sort(Comparator.comparingLong(RunReferencePair::run));
        int n = methods.size();
        int[][] withinRank = new int[n][MAX_RANK];
        int[] abstained = new int[n];
        double[] reciprocal = new double[n];
        int targets = 0;
        int i = 0;
        while (i < ordered.size()) {
            int j = i;
            while (j < ordered.size() && ordered.get(j).run() == ordered.get(i).run()) {
                j++;
            }
            List<RunReferencePair> sameRun = ordered.subList(i, j);
            for (RunReferencePair target : sameRun) {
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
            for (RunReferencePair choice : sameRun) {
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
