package org.runops.core.refrun;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Time-ordered replay of a run→reference history: every row (one run's choice for one reconstruction)
 * is a target that every method ranks from what was learned before it only, then every method learns
 * the row's choice. Certhelper exports no dates, so "before" is an assumption about when each row was
 * certified, and the protocols differ only in that assumption:
 * <ul>
 * <li>{@link Replay#PER_ROW} (the default, issue 12's protocol): rows by run number, and within one run by
 * reconstruction — online, express, prompt, rereco, rerecoul ({@link RunReferencePair#certificationOrder()}).
 * It assumes every row of an earlier run, prompt included, was certified before a later run's express
 * row. In reality prompt comes about two days after express, so an express target here already knows the
 * prompt choices of the runs just before it: this is optimistic, by about 0.1–0.2 points of top-1 on
 * the March-2024 dump from run 363000 (see {@link Replay#DELAYED}).
 * <li>{@link Replay#DELAYED}: as per-row, but a row certified after express (prompt, rereco, rerecoul) is
 * placed as if its run number were {@code lag} higher ({@link #DEFAULT_LAG_RUNS} by default): the prompt
 * row of run N is learned after the express rows of the runs below N + lag. It assumes prompt
 * certification trails data taking by that many run numbers; it is the closer estimate of live use.
 * <li>{@link Replay#PER_RUN}, the protocol before issue 12: all rows of one run are ranked before any of
 * them is learned (a prompt row does not know its own run's express choice, but does know earlier runs'
 * prompt rows, the same optimism as per-row); kept so that earlier numbers can be reproduced.
 * </ul>
 * Every protocol ranks a run's prompt row after its express row is learned except per-run. Rows with the
 * same place in the order (rare duplicates) are ranked and learned one after the other in input order.
 *
 * <p>A method that learns its own weights (the recommender's online weighting) updates them in
 * {@link Ranking#learn}, so they too rest on earlier rows only.
 */
public final class Evaluation {

    /**
     * The default lag of {@link Replay#DELAYED}, in run numbers. From the March-2024 dump: a row can only
     * name a reference run already taken when it was certified, and the prompt rows that name a later run
     * look a median 72 run numbers ahead (283 of 5177 rows), the express rows a median 15 (71 of 4485):
     * prompt certification trails express by roughly 72 − 15 ≈ 57, rounded to 60.
     */
    public static final long DEFAULT_LAG_RUNS = 60;

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
        PER_RUN,
        /** As {@link #PER_ROW}, but prompt and later rows of run N learned after the express rows of the runs below N + lag. */
        DELAYED
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

    /** As {@link #replay(List, List, Predicate)}, with the protocol chosen ({@link Replay#DELAYED} with {@link #DEFAULT_LAG_RUNS}). */
    public static Map<String, Metrics> replay(List<RunReferencePair> history, List<Ranking> methods, Predicate<RunReferencePair> scored,
            Replay protocol) {
        return replay(history, methods, scored, protocol, DEFAULT_LAG_RUNS);
    }

    /** As {@link #replay(List, List, Predicate, Replay)}; {@code lagRuns} (>= 0) is used by {@link Replay#DELAYED} only. */
    public static Map<String, Metrics> replay(List<RunReferencePair> history, List<Ranking> methods, Predicate<RunReferencePair> scored,
            Replay protocol, long lagRuns) {
        if (lagRuns < 0) {
            throw new IllegalArgumentException("the delayed replay's lag must be >= 0 run numbers, got " + lagRuns);
        }
        List<RunReferencePair> ordered = switch (protocol) {
            case PER_ROW -> RunReferencePair.inCertificationOrder(history, 0);
            case DELAYED -> RunReferencePair.inCertificationOrder(history, lagRuns);
            // per run, the rows of a run keep their input order, as before issue 12, so old numbers reproduce exactly
            case PER_RUN -> history.stream().sorted(Comparator.comparingLong(RunReferencePair::run)).toList();
        };
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
