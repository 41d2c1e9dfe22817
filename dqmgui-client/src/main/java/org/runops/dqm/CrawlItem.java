package org.runops.dqm;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The outcome of one (run, reconstruction, ME) of a crawl: the dataset it was resolved to ({@code null}
 * when none was, or the run's datasets could not be listed), its status, a short reason for anything but
 * FETCHED and CACHED ({@code ""} otherwise), and the output file ({@code null} unless FETCHED or CACHED).
 */
public record CrawlItem(CrawlTarget target, String mePath, String dataset, CrawlStatus status, String detail, Path file) {
    public CrawlItem {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(mePath, "mePath");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
        boolean hasBody = status == CrawlStatus.FETCHED || status == CrawlStatus.CACHED;
        if (hasBody != (file != null)) {
            throw new IllegalArgumentException("a " + status + " item " + (hasBody ? "needs" : "has no") + " output file: " + mePath);
        }
    }
}
