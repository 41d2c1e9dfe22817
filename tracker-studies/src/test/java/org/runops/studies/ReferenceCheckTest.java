package org.runops.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReferenceCheckTest {
    private static final double[][] RUN = {{1, 2, 3}, {4, 5, 6}};

    @Test
    void sortsByCostMarksTheProposalAndPutsCandidatesWithoutACostLast() {
        Map<Long, double[][]> maps = Map.of(
                100L, RUN,
                90L, new double[][] {{10, 20, 30}, {40, 50, 60}},   // same shape: cost 0
                80L, new double[][] {{6, 5, 4}, {3, 2, 1}},         // reversed: cost 2
                70L, new double[][] {{1, 2, 3}, {4, 6, 5}},         // nearly the same
                60L, new double[][] {{7, 7, 7}, {7, 7, 7}});        // flat: no cost
        ReferenceCheck check = ReferenceCheck.of(100, 80, List.of(70L, 60L, 90L, 50L), r -> Optional.ofNullable(maps.get(r)));
        assertThat(check.entries()).extracting(ReferenceCheck.Entry::candidate).containsExactly(90L, 70L, 80L, 60L, 50L);
        assertThat(check.entries()).extracting(ReferenceCheck.Entry::recommenderRank).containsExactly(3, 1, 0, 2, 4);
        assertThat(check.proposedEntry().cost()).isCloseTo(2, within(1e-12));
        assertThat(check.proposedPlace()).isEqualTo(3);
        assertThat(check.withCost()).isEqualTo(3);
        assertThat(ReferenceCheck.of(100, 50, List.of(90L), r -> Optional.ofNullable(maps.get(r))).proposedPlace()).isZero();
    }

    @Test
    void aMapThatCouldNotBeFetchedIsUndecidedNotCostly() {
        ReferenceCheck check = ReferenceCheck.of(100, 90, List.of(90L, 80L), r -> {
            if (r == 90) {
                throw new org.runops.dqm.DqmException("https://gui/jsonfairy/archive/90/...: HTTP 502");
            }
            return Optional.of(RUN);
        });
        assertThat(check.entries()).extracting(ReferenceCheck.Entry::candidate).containsExactly(80L, 90L);
        assertThat(check.proposedEntry().note()).isEqualTo("not fetched: https://gui/jsonfairy/archive/90/...: HTTP 502");
        assertThat(check.proposedPlace()).isZero();
        assertThat(check.entries().get(0).note()).isEmpty();
    }

    @Test
    void withoutTheRunsOwnMapThereIsNothingToCompare() {
        assertThatThrownBy(() -> ReferenceCheck.of(100, 90, List.of(90L), r -> Optional.empty()))
                .isInstanceOf(StudyException.class).hasMessageContaining("no tracking map of run 100");
    }
}
