package org.runops.dqm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.runops.core.exec.NamedThreads;
import org.runops.core.ledger.AtomicFiles;
import org.runops.dqm.internal.CrawlCache;
import org.runops.dqm.internal.CrawlLedger;
import org.runops.dqm.internal.MePaths;
import org.runops.dqm.internal.RunDatasets;

/**
 * Fetches many monitor elements of many (run, reconstruction)s from an {@link ArchiveSource} (the DQM GUI),
 * politely and resumably:
 * <ul>
 *   <li>each run's dataset names are listed once per crawl and kept in the cache; a reconstruction that
 *       matches none of a cached list lists the run again (the list may predate a new processing);</li>
 *   <li>the dataset of each (run, reconstruction) is {@link DatasetResolver#pick picked} by dqmcrawlr's rules;</li>
 *   <li>at most {@link CrawlOptions#parallelism()} requests are in flight (named daemon threads of the crawl's own
 *       pool, not the HTTP client's dispatcher);</li>
 *   <li>every answer is cached for good by (run, dataset, ME) — archived histograms never change — so a second
 *       crawl asks nothing already answered; failures are never cached and are tried again next time;</li>
 *   <li>results go to {@link CrawlLayout} under {@link CrawlOptions#outDir()} and every item's status and reason
 *       to {@code crawl-ledger.csv} beside them;</li>
 *   <li>interrupting the calling thread stops the crawl: no new item starts, the items in flight finish (20 s at
 *       most, then their threads are interrupted too), the ledger is written, the report says {@code interrupted}
 *       and the thread's interrupt flag is set again.</li>
 * </ul>
 * The body the source returns is cached as it is: the source decides what is an answer (see {@link ArchiveSource}).
 */
public final class Crawler {
    /** How long an interrupted crawl lets the items in flight finish before interrupting them. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /** How long it then waits for the interrupted ones before reporting without them. */
    private static final Duration STOP_FORCE = Duration.ofSeconds(10);

    private final ArchiveSource source;
    private final Clock clock;

    public Crawler(ArchiveSource source, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Crawler(ArchiveSource source) {
        this(source, Clock.systemUTC());
    }

    /**
     * Crawls every ME of {@code mePaths} for every target (duplicates done once, in the order given). ME paths
     * are given as the GUI names them ({@code /Tracking/TrackParameters/.../TrackEtaPhi_ImpactPoint_GenTk}); two
     * paths with the same last segment would write the same output file and are refused.
     */
    public CrawlReport crawl(List<CrawlTarget> targets, List<String> mePaths, CrawlOptions options, CrawlProgress progress) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(progress, "progress");
        List<Work> work = plan(targets, mePaths);
        Instant start = clock.instant();
        Run run = new Run(work, options, progress);
        boolean interrupted = run.execute();
        List<CrawlItem> done = new ArrayList<>();
        for (int i = 0; i < work.size(); i++) {
            CrawlItem item = run.results.get(i);
            if (item != null) {
                done.add(item);
            }
        }
        Path ledger = CrawlLedger.write(options.outDir(), done);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new CrawlReport(done, work.size() - done.size(), interrupted, Duration.between(start, clock.instant()), ledger);
    }

    private static List<Work> plan(List<CrawlTarget> targets, List<String> mePaths) {
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(mePaths, "mePaths");
        if (mePaths.isEmpty()) {
            throw new IllegalArgumentException("no monitor element paths to crawl");
        }
        Map<String, String> byKey = new LinkedHashMap<>(); // normalized → as given
        Map<String, String> byName = new HashMap<>();
        for (String me : mePaths) {
            Objects.requireNonNull(me, "mePath");
            String key = MePaths.normalize(me);
            if (byKey.putIfAbsent(key, me) == null) {
                String other = byName.putIfAbsent(CrawlLayout.meName(me), me);
                if (other != null) {
                    throw new IllegalArgumentException("monitor elements '" + other + "' and '" + me
                            + "' have the same name and would write the same output files; crawl them into different folders");
                }
            }
        }
        List<Work> work = new ArrayList<>();
        for (CrawlTarget target : new LinkedHashSet<>(targets)) {
            for (String me : byKey.values()) {
                work.add(new Work(Objects.requireNonNull(target, "target"), me));
            }
        }
        return work;
    }

    private record Work(CrawlTarget target, String mePath) {}

    /** One crawl's state: the work list, its results slot by slot, the worker pool. */
    private final class Run {
        private final List<Work> work;
        private final CrawlOptions options;
        private final CrawlProgress progress;
        private final CrawlCache cache;
        private final RunDatasets datasets;
        private final AtomicReferenceArray<CrawlItem> results;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicBoolean stop = new AtomicBoolean();
        private int done;

        Run(List<Work> work, CrawlOptions options, CrawlProgress progress) {
            this.work = work;
            this.options = options;
            this.progress = progress;
            this.cache = new CrawlCache(options.cacheDir());
            this.datasets = new RunDatasets(source, cache);
            this.results = new AtomicReferenceArray<>(work.size());
        }

        /** Runs the workers to the end; true when interrupted. */
        boolean execute() {
            int threads = Math.max(1, Math.min(options.parallelism(), work.size()));
            ExecutorService pool = Executors.newFixedThreadPool(threads, NamedThreads.daemon("dqm-crawl"));
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    workers.add(pool.submit(this::work));
                }
                pool.shutdown();
                for (Future<?> w : workers) {
                    w.get();
                }
                return false;
            } catch (InterruptedException e) {
                stop(pool);
                return true;
            } catch (ExecutionException e) {
                stop.set(true);
                pool.shutdownNow();
                throw new IllegalStateException("crawl worker failed: " + e.getCause(), e.getCause());
            }
        }

        /**
         * No new item starts; the items in flight may finish (their requests and writes complete, so nothing is left
         * half done) for {@link #STOP_GRACE}, then the workers are interrupted and given {@link #STOP_FORCE} more.
         */
        private void stop(ExecutorService pool) {
            stop.set(true);
            try {
                if (!pool.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    pool.shutdownNow();
                    pool.awaitTermination(STOP_FORCE.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException again) {
                pool.shutdownNow(); // interrupted twice: report what is done now
            }
        }

        private void work() {
            while (!stop.get() && !Thread.currentThread().isInterrupted()) {
                int i = next.getAndIncrement();
                if (i >= work.size()) {
                    return;
                }
                CrawlItem item = crawlOne(work.get(i));
                results.set(i, item);
                synchronized (this) {
                    done++;
                    progress.itemDone(item, done, work.size());
                }
            }
        }

        private CrawlItem crawlOne(Work w) {
            CrawlTarget t = w.target();
            RunDatasets.Listing listing;
            Optional<String> dataset;
            try {
                listing = datasets.of(t.run());
                dataset = DatasetResolver.pick(t.reco(), listing.names());
                if (dataset.isEmpty() && listing.fromCache()) {
                    listing = datasets.fresh(t.run());
                    dataset = DatasetResolver.pick(t.reco(), listing.names());
                }
            } catch (RuntimeException e) {
                return item(w, null, CrawlStatus.FAILED, "cannot list the datasets of run " + t.run() + ": " + reason(e), null);
            }
            if (dataset.isEmpty()) {
                return item(w, null, CrawlStatus.NO_DATASET, "no " + t.reco().certhelperName() + " dataset among the "
                        + listing.names().size() + " datasets of run " + t.run() + sample(listing.names()), null);
            }
            return fetch(w, dataset.get());
        }

        private CrawlItem fetch(Work w, String dataset) {
            long runNumber = w.target().run();
            Path out = CrawlLayout.file(options.outDir(), w.mePath(), runNumber, w.target().reco());
            try {
                Optional<byte[]> cached = cache.body(runNumber, dataset, w.mePath());
                if (cached.isPresent()) {
                    writeOutput(out, cached.get());
                    return item(w, dataset, CrawlStatus.CACHED, "", out);
                }
                if (!options.retryNotFound() && cache.isNotFound(runNumber, dataset, w.mePath())) {
                    return item(w, dataset, CrawlStatus.NOT_FOUND, "the GUI has no such histogram in " + dataset + " (remembered)", null);
                }
                Optional<byte[]> body = source.archiveJson(runNumber, dataset, w.mePath());
                if (body.isEmpty()) {
                    cache.putNotFound(runNumber, dataset, w.mePath());
                    return item(w, dataset, CrawlStatus.NOT_FOUND, "the GUI has no such histogram in " + dataset, null);
                }
                cache.putBody(runNumber, dataset, w.mePath(), body.get());
                writeOutput(out, body.get());
                return item(w, dataset, CrawlStatus.FETCHED, "", out);
            } catch (RuntimeException e) {
                return item(w, dataset, CrawlStatus.FAILED, reason(e), null);
            }
        }

        private CrawlItem item(Work w, String dataset, CrawlStatus status, String detail, Path file) {
            return new CrawlItem(w.target(), w.mePath(), dataset, status, detail, file);
        }
    }

    /** Writes the output unless it already holds these bytes (a resumed crawl rewrites nothing). */
    private static void writeOutput(Path out, byte[] body) {
        try {
            try {
                if (Files.size(out) == body.length && Arrays.equals(Files.readAllBytes(out), body)) {
                    return;
                }
            } catch (NoSuchFileException absent) {
                // first time
            }
            AtomicFiles.write(out, body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    private static String reason(RuntimeException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static String sample(List<String> names) {
        if (names.isEmpty()) {
            return "";
        }
        List<String> shown = names.size() <= 5 ? names : names.subList(0, 5);
        return ": " + String.join(" ", shown) + (names.size() > 5 ? " ..." : "");
    }
}
