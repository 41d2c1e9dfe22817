package org.runops.dqm;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a crawl runs.
 *
 * @param outDir where results go, in {@link CrawlLayout} ({@code <out>/<ME name>/<run>_<reco>.json}), with the
 *     crawl's ledger {@code crawl-ledger.csv}
 * @param cacheDir the permanent cache of GUI answers keyed by (run, dataset, ME) and of each run's dataset list
 * @param parallelism requests to the GUI at a time, 1 to {@value #MAX_PARALLELISM} (default 2: the GUI is shared
 *     and its own clients keep it low)
 * @param retryNotFound ask again for MEs the GUI said it does not have (remembered as NOT_FOUND otherwise,
 *     since archived datasets do not change)
 */
public record CrawlOptions(Path outDir, Path cacheDir, int parallelism, boolean retryNotFound) {
    public static final int DEFAULT_PARALLELISM = 2;
    public static final int MAX_PARALLELISM = 16;

    public CrawlOptions {
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(cacheDir, "cacheDir");
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be 1.." + MAX_PARALLELISM + ", got " + parallelism);
        }
    }

    /** Default parallelism, NOT_FOUND remembered. */
    public static CrawlOptions of(Path outDir, Path cacheDir) {
        return new CrawlOptions(outDir, cacheDir, DEFAULT_PARALLELISM, false);
    }

    public CrawlOptions withParallelism(int n) {
        return new CrawlOptions(outDir, cacheDir, n, retryNotFound);
    }

    public CrawlOptions withRetryNotFound(boolean retry) {
        return new CrawlOptions(outDir, cacheDir, parallelism, retry);
    }
}
