package org.runops.dqm;

import java.nio.file.Path;
import java.time.Duration;
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
 * @param datasetListMaxAge how long a run's cached dataset list is used before the run is listed again (the GUI gains
 *     new processings, e.g. a PromptReco {@code -v3}); {@link Duration#ZERO}: list every run on every crawl. Histogram
 *     answers are kept for good (they are keyed by dataset).
 */
public record CrawlOptions(Path outDir, Path cacheDir, int parallelism, boolean retryNotFound, Duration datasetListMaxAge) {
    public static final int DEFAULT_PARALLELISM = 2;
    public static final int MAX_PARALLELISM = 16;
    public static final Duration DEFAULT_DATASET_LIST_MAX_AGE = Duration.ofDays(1);

    public CrawlOptions {
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(cacheDir, "cacheDir");
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be 1.." + MAX_PARALLELISM + ", got " + parallelism);
        }
        Objects.requireNonNull(datasetListMaxAge, "datasetListMaxAge");
        if (datasetListMaxAge.isNegative()) {
            throw new IllegalArgumentException("dataset list max age must not be negative, got " + datasetListMaxAge);
        }
    }

    /** Default parallelism, NOT_FOUND remembered, dataset lists kept a day. */
    public static CrawlOptions of(Path outDir, Path cacheDir) {
        return new CrawlOptions(outDir, cacheDir, DEFAULT_PARALLELISM, false, DEFAULT_DATASET_LIST_MAX_AGE);
    }

    public CrawlOptions withParallelism(int n) {
        return new CrawlOptions(outDir, cacheDir, n, retryNotFound, datasetListMaxAge);
    }

    public CrawlOptions withRetryNotFound(boolean retry) {
        return new CrawlOptions(outDir, cacheDir, parallelism, retry, datasetListMaxAge);
    }

    public CrawlOptions withDatasetListMaxAge(Duration maxAge) {
        return new CrawlOptions(outDir, cacheDir, parallelism, retryNotFound, maxAge);
    }
}
