package org.runops.core.refrun;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which runs served as references, where, and when last: for each circle of {@link Signal} around a
 * target (its dataset, run type and reconstruction, run type, anywhere), the last run that used each
 * reference; and what each run chose per reconstruction, with what a later reconstruction chose after
 * an earlier one had chosen a reference (express 363833 → prompt 364789). Not thread-safe; the
 * recommender guards it.
 */
final class UsageIndex {
    /** Circle → (reference run → run number of the last target that used it). */
    private final Map<String, Map<Long, Long>> lastUse = new HashMap<>();
    private final Map<Long, Set<RunType>> typesServed = new HashMap<>();
    private final Set<Long> references = new HashSet<>();
    /** Run → its choice per reconstruction. */
    private final Map<Long, EnumMap<Reconstruction, Long>> choicesOfRun = new HashMap<>();
    /** Later reconstruction → (reference an earlier one chose → reference the later one chose, last seen). */
    private final Map<Reconstruction, Map<Long, Long>> counterparts = new EnumMap<>(Reconstruction.class);
    private int learned;
    /**
     * Dataset → reconstruction → its circles, and dataset → run type: a refit over the March-2024 dump asks
     * for them 20,000 times for a few hundred datasets (lower-casing and a regex each time: 6 % of its JFR samples).
     * Unbounded: bounded by the distinct datasets seen, and a recommender lives as long as one history.
     */
    private final Map<String, Map<String, String[]>> circlesOf = new HashMap<>();
    private final Map<String, RunType> typeOf = new HashMap<>();

    /** The four history circles of a target, in the order of the history signals (shared arrays: never modify). */
    String[] circles(RecommendationTarget t) {
        return circlesOf.computeIfAbsent(t.dataset(), d -> new HashMap<>()).computeIfAbsent(t.reconstruction(), r -> {
            RunType type = runType(t);
            return new String[] {"d:" + t.dataset(), "c:" + type + "/" + r.toLowerCase(Locale.ROOT), "t:" + type, "*"};
        });
    }

    /** {@link RecommendationTarget#runType()}, remembered per dataset. */
    RunType runType(RecommendationTarget t) {
        return typeOf.computeIfAbsent(t.dataset(), d -> t.runType());
    }

    /**
     * Records a choice. A reference run's own certification (it was chosen as reference before)
     * does not move the current references: when run R has served as reference, R itself is
     * certified against an older run, and the runs after R go on using R (measured on the
     * Certhelper dumps: skipping those choices raises top-1).
     */
    void learn(RunReferencePair choice) {
        learned++;
        Reconstruction reco = Reconstruction.parse(choice.reconstruction());
        if (reco != Reconstruction.UNKNOWN) {
            Long earlier = earlierChoice(choice.run(), reco);
            if (earlier != null) {
                counterparts.computeIfAbsent(reco, r -> new HashMap<>()).put(earlier, choice.referenceRun());
            }
            choicesOfRun.computeIfAbsent(choice.run(), r -> new EnumMap<>(Reconstruction.class)).put(reco, choice.referenceRun());
        }
        boolean ownCertificationOfAReference = references.contains(choice.run());
        references.add(choice.referenceRun());
        RecommendationTarget target = RecommendationTarget.of(choice);
        typesServed.computeIfAbsent(choice.referenceRun(), r -> EnumSet.noneOf(RunType.class)).add(runType(target));
        if (ownCertificationOfAReference) {
            return;
        }
        for (String circle : circles(target)) {
            lastUse.computeIfAbsent(circle, c -> new HashMap<>()).merge(choice.referenceRun(), choice.run(), Math::max);
        }
    }

    /**
     * The reference {@code run} chose in the latest reconstruction certified before {@code reco} (its
     * express choice for prompt), or null when none of those was learned.
     */
    Long earlierChoice(long run, Reconstruction reco) {
        EnumMap<Reconstruction, Long> choices = choicesOfRun.get(run);
        if (choices == null) {
            return null;
        }
        Long latest = null;
        for (Map.Entry<Reconstruction, Long> e : choices.entrySet()) { // ascending: the last one before reco wins
            if (e.getKey().certifiedBefore(reco)) {
                latest = e.getValue();
            }
        }
        return latest;
    }

    /** What {@code reco} chose last time the reconstruction before it had chosen {@code earlierReference}; null when never seen. */
    Long counterpart(Reconstruction reco, long earlierReference) {
        return counterparts.getOrDefault(reco, Map.of()).get(earlierReference);
    }

    /** Reference run → last run that used it, within one circle (empty map when none). */
    Map<Long, Long> lastUse(String circle) {
        return lastUse.getOrDefault(circle, Map.of());
    }

    /** The run types a reference has served (empty for an unknown run). */
    Set<RunType> typesServed(Long reference) {
        return typesServed.getOrDefault(reference, Set.of());
    }

    int learned() {
        return learned;
    }
}
