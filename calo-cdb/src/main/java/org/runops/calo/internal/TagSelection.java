package org.runops.calo.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import org.runops.calo.TagSelectionPolicy;

/** The two "latest tag per run" rules as one pure function: the one place a run's winning tag is decided. */
public final class TagSelection {
    private TagSelection() {}

    /**
     * Per run, the winning tag among its candidates, by run ascending. {@code RUN_LATEST_FILE}: the
     * greatest {@code latestFile} (the SQL CTE's {@code ROW_NUMBER() OVER (PARTITION BY runnumber ORDER BY
     * MAX(f.time) DESC)}); {@code CAMPAIGN_START}: the greatest {@code campaignStart} (the pandas rule: the
     * tag's earliest file in the query's result, not the whole catalogue). Ties, which the originals left to
     * row order, go to the lexicographically greatest tag.
     */
    public static Map<Long, String> winners(Collection<TagCandidate> candidates, TagSelectionPolicy policy) {
        Comparator<TagCandidate> order = Comparator.comparing((TagCandidate c) -> time(c, policy))
                .thenComparing(TagCandidate::tag);
        Map<Long, TagCandidate> best = new TreeMap<>();
        for (TagCandidate c : candidates) {
            best.merge(c.run(), c, (a, b) -> order.compare(a, b) >= 0 ? a : b);
        }
        Map<Long, String> out = new TreeMap<>();
        best.forEach((run, c) -> out.put(run, c.tag()));
        return out;
    }

    private static Instant time(TagCandidate c, TagSelectionPolicy policy) {
        return switch (policy) {
            case RUN_LATEST_FILE -> c.latestFile();
            case CAMPAIGN_START -> c.campaignStart();
        };
    }
}
