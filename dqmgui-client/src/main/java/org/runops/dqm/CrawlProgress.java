package org.runops.dqm;

/** Told after each item of a crawl; called from the crawl's threads, one call at a time, {@code done} rising. */
@FunctionalInterface
public interface CrawlProgress {
    CrawlProgress NONE = (item, done, total) -> {};

    void itemDone(CrawlItem item, int done, int total);
}
