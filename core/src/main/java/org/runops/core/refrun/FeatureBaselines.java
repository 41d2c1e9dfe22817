package org.runops.core.refrun;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The feature-only baseline (spec §2.5): the references used so far that have run conditions in the
 * table, nearest first by the standardised distance to the target's conditions (standardised on
 * that pool). It ignores the history's order entirely; it shows what run conditions alone can do.
 */
public final class FeatureBaselines {
    private FeatureBaselines() {}

    /** 1-nearest-neighbour (and on) over every column of {@code table}. */
    public static Ranking nearestNeighbour(FeatureTable table) {
        return new NearestReference(table);
    }

    private static final class NearestReference implements Ranking {
        private static final int LIST = 10;
        private final FeatureTable table;
        private final Set<Long> references = new HashSet<>();
        private final List<Integer> pool = new ArrayList<>();

        NearestReference(FeatureTable table) {
            this.table = table;
        }

        @Override
        public String name() {
            return "1-NN on features";
        }

        @Override
        public List<Long> rank(RunReferencePair target) {
            int row = table.rowOf(target.run());
            if (row < 0 || pool.size() < 2) {
                return List.of();
            }
            int[] rows = pool.stream().mapToInt(Integer::intValue).toArray();
            double[] weights = new double[table.dimensions()];
            Arrays.fill(weights, 1.0);
            FeatureTable.Standardization s = table.standardization(rows);
            return table.nearest(table.row(row), LIST, s.sd(), weights, rows).stream().map(FeatureTable.Neighbor::run).toList();
        }

        @Override
        public void learn(RunReferencePair choice) {
            int row = table.rowOf(choice.referenceRun());
            if (row >= 0 && references.add(choice.referenceRun())) {
                pool.add(row);
            }
        }
    }
}
