package org.runops.calo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runops.calo.TagSelectionPolicy.CAMPAIGN_START;
import static org.runops.calo.TagSelectionPolicy.RUN_LATEST_FILE;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two policies row by row. */
class TagSelectionTest {
    private static Instant day(int d) {
        return Instant.parse("2025-07-01T00:00:00Z").plusSeconds(86_400L * d);
    }

    private static TagCandidate c(long run, String tag, int latestDay, int startDay) {
        return new TagCandidate(run, tag, day(latestDay), day(startDay));
    }

    @Test
    void theReadmeExample_keepTheTagWithTheLatestTime() {
        // (A,B,C),(A,D,E), E > C → keep (A,D,E): one run, two tags
        List<TagCandidate> rows = List.of(c(68006, "tagB", 3, 1), c(68006, "tagD", 5, 2));
        assertThat(TagSelection.winners(rows, RUN_LATEST_FILE)).containsExactly(Map.entry(68006L, "tagD"));
        assertThat(TagSelection.winners(rows, CAMPAIGN_START)).containsExactly(Map.entry(68006L, "tagD"));
    }

    @Test
    void thePoliciesDisagreeWhenAnOldCampaignReRegistersARun() {
        // old campaign (started day 0) re-registered run 2 on day 30; new campaign (day 10) wrote it on day 12
        List<TagCandidate> rows = List.of(c(2, "old", 30, 0), c(2, "new", 12, 10), c(1, "old", 1, 0));
        assertThat(TagSelection.winners(rows, RUN_LATEST_FILE)).containsExactly(Map.entry(1L, "old"), Map.entry(2L, "old"));
        assertThat(TagSelection.winners(rows, CAMPAIGN_START)).containsExactly(Map.entry(1L, "old"), Map.entry(2L, "new"));
    }

    @Test
    void tiesGoToTheGreatestTagWhateverTheRowOrder() {
        List<TagCandidate> rows = List.of(c(5, "ana509_2024p022_v001", 3, 3), c(5, "ana509_2024p022_v002", 3, 3),
                c(5, "ana446_2024p007", 3, 3));
        for (List<TagCandidate> order : List.of(rows, reversed(rows))) {
            assertThat(TagSelection.winners(order, RUN_LATEST_FILE)).containsExactly(Map.entry(5L, "ana509_2024p022_v002"));
            assertThat(TagSelection.winners(order, CAMPAIGN_START)).containsExactly(Map.entry(5L, "ana509_2024p022_v002"));
        }
    }

    @Test
    void oneWinnerPerRunAscendingAndNothingForNoCandidates() {
        assertThat(TagSelection.winners(List.of(c(9, "a", 1, 1), c(3, "b", 1, 1), c(9, "c", 0, 2)), RUN_LATEST_FILE))
                .containsExactly(Map.entry(3L, "b"), Map.entry(9L, "a"));
        assertThat(TagSelection.winners(List.of(), CAMPAIGN_START)).isEmpty();
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new java.util.ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
