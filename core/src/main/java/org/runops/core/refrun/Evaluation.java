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

    /** Hit rates (fractions of targets), mean reciprocal rank (1-based ranks) and abstentions of one method. */
    public record Metrics(String method, int targets, double top1, double top3, double top5, double mrr, double abstained) {}

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
        int[] top1 = new int[n];
        int[] top3 = new int[n];
        int[] top5 = new int[n];
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
                        top1[m] += rank <= 1 ? 1 : 0;
                        top3[m] += rank <= 3 ? 1 : 0;
                        top5[m] += rank <= 5 ? 1 : 0;
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
            out.put(methods.get(m).name(), new Metrics(methods.get(m).name(), targets, top1[m] / t, top3[m] / t, top5[m] / t,
                    reciprocal[m] / t, abstained[m] / t));
        }
        return out;
    }
}
