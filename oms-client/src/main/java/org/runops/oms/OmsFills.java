package org.runops.oms;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Fills by number, for joining runs to their fill ({@code runs.fill_number}): from the {@link OmsCache}
 * where finished fills are stored, else from OMS with one {@code fill_number} GE/LE query per span of
 * at most {@value #MAX_FILLS_PER_QUERY} fill numbers. Runs without a fill simply have none to ask for.
 */
public final class OmsFills {
    /** Largest fill-number span of one query. */
    public static final int MAX_FILLS_PER_QUERY = 1000;

    private final OmsClient client;
    private final OmsCache cache;

    /** Fills from OMS, kept in {@code cache} when finished (null: no cache). */
    public OmsFills(OmsClient client, OmsCache cache) {
        this.client = Objects.requireNonNull(client, "client");
        this.cache = cache;
    }

    /** One fill, if OMS knows it. */
    public Optional<OmsFill> fill(long fillNumber) {
        return Optional.ofNullable(fills(java.util.List.of(fillNumber)).get(fillNumber));
    }

    /** The fills among {@code fillNumbers} that OMS knows, by number (ascending); unknown numbers are absent. */
    public Map<Long, OmsFill> fills(Collection<Long> fillNumbers) {
        Map<Long, OmsFill> found = new TreeMap<>();
        TreeSet<Long> missing = new TreeSet<>();
        for (long n : fillNumbers) {
            if (n <= 0) {
                throw new IllegalArgumentException("fill numbers are positive: " + n);
            }
            Optional<OmsRecord> cached = cache == null ? Optional.empty() : cache.fill(n);
            if (cached.isPresent()) {
                found.put(n, OmsFill.from(cached.get()));
            } else {
                missing.add(n);
            }
        }
        while (!missing.isEmpty()) {
            long from = missing.first();
            long to = Math.min(missing.last(), from + MAX_FILLS_PER_QUERY - 1);
            for (OmsRecord r : client.query("fills").filter("fill_number", OmsQuery.Op.GE, from)
                    .filter("fill_number", OmsQuery.Op.LE, to).sort("fill_number", true).fetchAll()) {
                OmsFill fill = OmsFill.from(r);
                if (missing.contains(fill.fillNumber())) {
                    found.put(fill.fillNumber(), fill);
                    if (cache != null) {
                        cache.putFill(r);
                    }
                }
            }
            missing.subSet(from, true, to, true).clear();
        }
        return found;
    }
}
