package org.runops.dqm;

/** What became of one (run, reconstruction, ME) of a crawl. */
public enum CrawlStatus {
    /** Asked the GUI now; the body is in the cache and the output. */
    FETCHED,
    /** Already in the cache (an earlier crawl fetched it); copied to the output, nothing asked. */
    CACHED,
    /** The GUI answered {@code {"hist": "unsupported type"}}: no such histogram in that dataset (remembered, see {@link CrawlOptions#retryNotFound()}). */
    NOT_FOUND,
    /** None of the run's datasets matches the reconstruction ({@link DatasetResolver}); nothing asked for the ME. */
    NO_DATASET,
    /** The GUI could not be asked or answered something else; nothing cached, the next crawl tries again. */
    FAILED,
    /** The crawl was interrupted before this item finished; the next crawl does it (a detail says whether it was in flight). */
    NOT_ATTEMPTED
}
