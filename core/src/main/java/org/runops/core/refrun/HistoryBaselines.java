package org.runops.core.refrun;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The baselines any recommender must beat (spec oms-certhelper-refrun §2.5), built from the history
 * alone: references ordered by how recently they were used, within the target's dataset or overall.
 * The first of them is "the previous run's reference in the same dataset".
 */
public final class HistoryBaselines {
    private HistoryBaselines() {}

    /** Previous run's reference in the same dataset, then older references of that dataset by recency of use. */
    public static Ranking previousInDataset() {
        return new RecencyRanking("previous reference in dataset", true);
    }

    /** The most recently used references, in any dataset. */
    public static Ranking mostRecentlyUsed() {
        return new RecencyRanking("most recently used reference", false);
    }

    /** References ordered by last use, kept per dataset or globally. */
    private static final class RecencyRanking implements Ranking {
        private static final int KEEP = 50;
        private final String name;
        private final boolean perDataset;
        private final Map<String, LinkedHashSet<Long>> recent = new HashMap<>();

        RecencyRanking(String name, boolean perDataset) {
            this.name = name;
            this.perDataset = perDataset;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<Long> rank(RunReferencePair target) {
            LinkedHashSet<Long> refs = recent.get(key(target));
            if (refs == null) {
                return List.of();
            }
            List<Long> newestFirst = new ArrayList<>(refs);
            java.util.Collections.reverse(newestFirst);
            return newestFirst;
        }

        @Override
        public void learn(RunReferencePair choice) {
            LinkedHashSet<Long> refs = recent.computeIfAbsent(key(choice), k -> new LinkedHashSet<>());
            refs.remove(choice.referenceRun());
            refs.add(choice.referenceRun()); // most recent last
            if (refs.size() > KEEP) {
                refs.remove(refs.iterator().next());
            }
        }

        private String key(RunReferencePair pair) {
            return perDataset ? pair.dataset() : "";
        }
    }
}
