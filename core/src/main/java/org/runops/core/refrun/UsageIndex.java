package org.runops.core.refrun;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which runs served as references, where, and when last: for each circle of {@link Signal} around a
 * target (its dataset, run type and reconstruction, run type, anywhere), the last run that used each
 * reference. Not thread-safe; the recommender guards it.
 */
final class UsageIndex {
    /** Circle → (reference run → run number of the last target that used it). */
    private final Map<String, Map<Long, Long>> lastUse = new HashMap<>();
    private final Map<Long, Set<RunType>> typesServed = new HashMap<>();
    private final Set<Long> references = new HashSet<>();
    private int learned;

    /** The four history circles of a target, in the order of the history signals. */
    static String[] circles(RecommendationTarget t) {
        RunType type = t.runType();
        String reco = t.reconstruction().toLowerCase(Locale.ROOT);
        return new String[] {"d:" + t.dataset(), "c:" + type + "/" + reco, "t:" + type, "*"};
    }

    /**
     * Records a choice. A reference run's own certification (it was chosen as reference before)
     * does not move the current references: when run R has served as reference, R itself is
     * certified against an older run, and the runs after R go on using R (measured on the
     * Certhelper dumps: skipping those choices raises top-1).
     */
    void learn(RunReferencePair choice) {
        learned++;
        boolean ownCertificationOfAReference = references.contains(choice.run());
        references.add(choice.referenceRun());
        RecommendationTarget target = RecommendationTarget.of(choice);
        typesServed.computeIfAbsent(choice.referenceRun(), r -> EnumSet.noneOf(RunType.class)).add(target.runType());
        if (ownCertificationOfAReference) {
            return;
        }
        for (String circle : circles(target)) {
            lastUse.computeIfAbsent(circle, c -> new HashMap<>()).merge(choice.referenceRun(), choice.run(), Math::max);
        }
    }

    /** Reference run → last run that used it, within one circle (empty map when none). */
    Map<Long, Long> lastUse(String circle) {
        return lastUse.getOrDefault(circle, Map.of());
    }

    /** The run types a reference has served (empty for an unknown run). */
    Set<RunType> typesServed(long reference) {
        return typesServed.getOrDefault(reference, Set.of());
    }

    int learned() {
        return learned;
    }
}
