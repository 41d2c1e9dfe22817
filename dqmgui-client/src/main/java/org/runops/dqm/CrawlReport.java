package org.runops.dqm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a crawl did, item by item in the order asked.
 *
 * @param items the items done (all of them unless interrupted)
 * @param notAttempted items the crawl did not get to because it was interrupted
 * @param interrupted whether the crawl was interrupted
 * @param elapsed wall time
 * @param ledger the CSV written beside the results, one line per item with its status and reason
 */
public record CrawlReport(List<CrawlItem> items, int notAttempted, boolean interrupted, Duration elapsed, Path ledger) {
    public CrawlReport {
        items = List.copyOf(items);
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(ledger, "ledger");
        if (notAttempted < 0 || notAttempted > 0 && !interrupted) {
            throw new IllegalArgumentException("only an interrupted crawl leaves items out, got " + notAttempted);
        }
    }

    /** Items per status, every status present (0 when none). */
    public Map<CrawlStatus, Integer> counts() {
        Map<CrawlStatus, Integer> counts = new EnumMap<>(CrawlStatus.class);
        for (CrawlStatus s : CrawlStatus.values()) {
            counts.put(s, 0);
        }
        items.forEach(i -> counts.merge(i.status(), 1, Integer::sum));
        return counts;
    }

    public int count(CrawlStatus status) {
        return counts().get(status);
    }

    /** Every item answered: FETCHED, CACHED or NOT_FOUND, none FAILED or NO_DATASET, not interrupted. */
    public boolean complete() {
        return !interrupted && items.stream().allMatch(i -> switch (i.status()) {
            case FETCHED, CACHED, NOT_FOUND -> true;
            case NO_DATASET, FAILED -> false;
        });
    }
}
