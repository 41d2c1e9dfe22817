package org.runops.dqm.internal;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.runops.dqm.ArchiveSource;
import org.runops.dqm.DqmException;

/**
 * The dataset names of each run for one crawl: from the cache, else listed by the source and cached; each run
 * is listed at most once per crawl however many threads ask (and at most once more by {@link #fresh}). A
 * failure to list is remembered for the crawl too, so a run whose listing fails is not asked again for each ME.
 */
public final class RunDatasets {
    /** A run's dataset names and whether they came from the cache (so may be out of date). */
    public record Listing(List<String> names, boolean fromCache) {
        public Listing {
            names = List.copyOf(names);
        }
    }

    private final ArchiveSource source;
    private final CrawlCache cache;
    private final ConcurrentHashMap<Long, FutureTask<Listing>> listed = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, FutureTask<Listing>> relisted = new ConcurrentHashMap<>();

    public RunDatasets(ArchiveSource source, CrawlCache cache) {
        this.source = Objects.requireNonNull(source, "source");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    /** The cached list, else the source's. */
    public Listing of(long run) {
        return once(listed, run, () -> cache.datasets(run).map(names -> new Listing(names, true)).orElseGet(() -> list(run)));
    }

    /** The source's list, asked once per crawl, replacing the cached one. */
    public Listing fresh(long run) {
        return once(relisted, run, () -> list(run));
    }

    private Listing list(long run) {
        List<String> names = source.datasetNames(run);
        if (names == null || names.stream().anyMatch(Objects::isNull)) {
            throw new DqmException("dataset list of run " + run + " has missing names");
        }
        cache.putDatasets(run, names);
        return new Listing(names, false);
    }

    private static Listing once(ConcurrentHashMap<Long, FutureTask<Listing>> memo, long run, Callable<Listing> load) {
        FutureTask<Listing> task = memo.computeIfAbsent(run, r -> new FutureTask<>(load));
        task.run(); // the first caller loads; later ones return at once and wait below
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DqmException("interrupted while the datasets of run " + run + " were listed", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new DqmException("cannot list the datasets of run " + run + ": " + e.getCause(), e.getCause());
        }
    }
}
