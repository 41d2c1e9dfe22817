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
 * @param items every planned item, {@link CrawlStatus#NOT_ATTEMPTED} for those an interrupted crawl did not finish
 * @param interrupted whether the crawl was interrupted
 * @param elapsed wall time
 * @param ledger the CSV written beside the results, one line per item with its status and reason
 */
public record CrawlReport(List<CrawlItem> items, boolean interrupted, Duration elapsed, Path ledger) {
    public CrawlReport {
        items = List.copyOf(items);
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(ledger, "ledger");
        if (!interrupted && items.stream().anyMatch(i -> i.status() == CrawlStatus.NOT_ATTEMPTED)) {
            throw new IllegalArgumentException("only an interrupted crawl leaves items not attempted");
        }
    }

    /** Items the crawl did not finish because it was interrupted. */
    public int notAttempted() {
        return count(CrawlStatus.NOT_ATTEMPTED);
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

    /** Every item answered: FETCHED, CACHED or NOT_FOUND, none FAILED, NO_DATASET or NOT_ATTEMPTED, not interrupted. */
    public boolean complete() {
        return !interrupted && items.stream().allMatch(i -> switch (i.status()) {
            case FETCHED, CACHED, NOT_FOUND -> true;
            case NO_DATASET, FAILED, NOT_ATTEMPTED -> false;
        });
    }
}
