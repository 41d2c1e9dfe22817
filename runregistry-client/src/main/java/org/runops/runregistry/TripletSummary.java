package org.runops.runregistry;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The summary of one column ({@code tracker-strip}) over a run's or dataset's lumisections, as Run Registry
 * caches it ({@code DatasetTripletCache.triplet_summary}; the Python client calls it {@code lumisections}):
 * how many lumisections carry each status, and the distinct causes and comments given.
 *
 * @param counts   lumisections per status; statuses not listed count 0
 * @param causes   causes given for the flags, as the server lists them
 * @param comments comments given for the flags, as the server lists them
 */
public record TripletSummary(Map<FlagStatus, Integer> counts, List<String> causes, List<String> comments) {
    public TripletSummary {
        Objects.requireNonNull(counts, "counts");
        EnumMap<FlagStatus, Integer> copy = new EnumMap<>(FlagStatus.class);
        counts.forEach((status, n) -> {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(n, "count of " + status);
            if (n < 0) {
                throw new IllegalArgumentException("count of " + status + " must not be negative, got " + n);
            }
            copy.put(status, n);
        });
        counts = Collections.unmodifiableMap(copy);
        causes = List.copyOf(causes);
        comments = List.copyOf(comments);
    }

    /** Lumisections flagged {@code status} (0 when not listed). */
    public int count(FlagStatus status) {
        return counts.getOrDefault(status, 0);
    }

    /** Whether at least one lumisection is flagged {@code status}: what the server's {@code triplet_summary.<col>.<S> > 0} filter asks. */
    public boolean has(FlagStatus status) {
        return count(status) > 0;
    }

    /** Lumisections counted under any status. */
    public long total() {
        long sum = 0;
        for (int n : counts.values()) {
            sum += n;
        }
        return sum;
    }

    /** The only status with a non-zero count, or null when there are several or none: "the run is GOOD". */
    public FlagStatus soleStatus() {
        FlagStatus sole = null;
        for (Map.Entry<FlagStatus, Integer> e : counts.entrySet()) {
            if (e.getValue() > 0) {
                if (sole != null) {
                    return null;
                }
                sole = e.getKey();
            }
        }
        return sole;
    }
}
