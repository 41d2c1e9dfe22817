package org.runops.dqm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
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
import org.runops.core.refrun.Reconstruction;
import org.runops.dqm.internal.CrawlCache;
import org.runops.dqm.internal.CrawlLedger;
import org.runops.dqm.internal.MePaths;
import org.runops.dqm.internal.RunDatasets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches many monitor elements of many (run, reconstruction)s from an {@link ArchiveSource} (the DQM GUI),
 * politely and resumably:
 * <ul>
 *   <li>each run's dataset names are listed once per crawl and kept in the cache for
 *       {@link CrawlOptions#datasetListMaxAge()}, then listed again (the GUI gains new processings, which the rules may
 *       prefer); a reconstruction that matches none of a cached list lists the run again;</li>
 *   <li>the dataset of each (run, reconstruction) is {@link DatasetResolver#pick picked} by dqmcrawlr's rules;</li>
 *   <li>at most {@link CrawlOptions#parallelism()} requests are in flight (named daemon threads of the crawl's own
 *       pool, not the HTTP client's dispatcher);</li>
 *   <li>every answer is cached for good by (run, dataset, ME) — archived histograms never change — so a second
 *       crawl asks nothing already answered; failures are never cached and are tried again next time;</li>
 *   <li>results go to {@link CrawlLayout} under {@link CrawlOptions#outDir()} and every item's status and reason
 *       to {@code crawl-ledger.csv} beside them;</li>
 *   <li>interrupting the calling thread stops the crawl: no new item starts, the items in flight finish (20 s at
 *       most, then their threads are interrupted too), the ledger is written, the report says {@code interrupted}
 *       and the thread's interrupt flag is set again;</li>
 *   <li>a progress callback that throws is logged once and not called again; any other unexpected exception in a
 *       worker (a bug) stops the crawl, waits for the items in flight, writes the ledger of the items done and is
 *       rethrown as an {@link IllegalStateException} naming the ledger.</li>
 * </ul>
 * The body the source returns is cached as it is: the source decides what is an answer (see {@link ArchiveSource}).
 */
public final class Crawler {
    /** How long an interrupted crawl lets the items in flight finish before interrupting them. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /** How long it then waits for the interrupted ones before reporting without them. */
    private static final Duration STOP_FORCE = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(Crawler.class);

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
        List<Work> work = plan(targets, mePaths, options.outDir());
        Instant start = clock.instant();
        Run run = new Run(work, options, progress, Thread.currentThread());
        boolean interrupted;
        try {
            interrupted = run.execute();
        } catch (WorkerFailed e) {
            Path ledger = CrawlLedger.write(options.outDir(), run.finished());
            throw new IllegalStateException("crawl worker failed: " + e.getCause() + "; the items done before are in " + ledger, e.getCause());
        }
        List<CrawlItem> all = run.all();
        Path ledger = CrawlLedger.write(options.outDir(), all);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new CrawlReport(all, interrupted, Duration.between(start, clock.instant()), ledger);
    }

    private static List<Work> plan(List<CrawlTarget> targets, List<String> mePaths, Path outDir) {
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(mePaths, "mePaths");
        if (mePaths.isEmpty()) {
            throw new IllegalArgumentException("no monitor element paths to crawl");
        }
        // normalized (with a leading '/', as the GUI names MEs) → as given; the normalized path is used everywhere after
        Map<String, String> byKey = new LinkedHashMap<>();
        Map<String, String> byName = new HashMap<>();
        for (String given : mePaths) {
            Objects.requireNonNull(given, "mePath");
            String me = "/" + MePaths.normalize(given);
            if (byKey.putIfAbsent(me, given) == null) {
                String other = byName.putIfAbsent(CrawlLayout.meName(me), given);
                if (other != null) {
                    throw new IllegalArgumentException("monitor elements '" + other + "' and '" + given
                            + "' have the same name and would write the same output files; crawl them into different folders");
                }
                try {
                    CrawlLayout.file(outDir, me, 1, Reconstruction.EXPRESS); // refused by the file system: say so before asking anything
                } catch (InvalidPathException e) {
                    throw new IllegalArgumentException("monitor element '" + given + "' cannot be a file name under " + outDir + ": " + e.getMessage(), e);
                }
            }
        }
        List<Work> work = new ArrayList<>();
        for (CrawlTarget target : new LinkedHashSet<>(targets)) {
            for (String me : byKey.keySet()) {
                work.add(new Work(Objects.requireNonNull(target, "target"), me));
            }
        }
        return work;
    }

    private record Work(CrawlTarget target, String mePath) {}

    /** A worker threw something the crawl does not expect (a bug): the crawl stopped and waited for the others. */
    private static final class WorkerFailed extends RuntimeException {
        WorkerFailed(Throwable cause) {
            super(cause);
        }
    }

    /** One crawl's state: the work list, its results slot by slot, the worker pool. */
    private final class Run {
        private final List<Work> work;
        private final CrawlOptions options;
        private final CrawlProgress progress;
        /** The thread that called crawl: the workers watch its interrupt flag themselves, so stopping does not wait for it to be scheduled. */
        private final Thread caller;
        private final CrawlCache cache;
        private final RunDatasets datasets;
        private final AtomicReferenceArray<CrawlItem> results;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicBoolean stop = new AtomicBoolean();
        private int done;
        private boolean progressFailed;

        Run(List<Work> work, CrawlOptions options, CrawlProgress progress, Thread caller) {
            this.work = work;
            this.options = options;
            this.progress = progress;
            this.caller = caller;
            this.cache = new CrawlCache(options.cacheDir());
            this.datasets = new RunDatasets(source, cache, clock, options.datasetListMaxAge());
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
                // get() of a future already done ignores the flag: an interrupt that landed meanwhile still counts
                return Thread.currentThread().isInterrupted();
            } catch (InterruptedException e) {
                stop(pool);
                return true;
            } catch (ExecutionException e) {
                stop(pool); // the other workers finish their items, so the ledger says what is in the cache and output
                throw new WorkerFailed(e.getCause());
            }
        }

        /** The items finished so far, in the order planned. */
        List<CrawlItem> finished() {
            List<CrawlItem> items = new ArrayList<>();
            for (int i = 0; i < work.size(); i++) {
                CrawlItem item = results.get(i);
                if (item != null) {
                    items.add(item);
                }
            }
            return items;
        }

        /** Every planned item, NOT_ATTEMPTED where the stopped crawl left a slot empty. */
        List<CrawlItem> all() {
            int started = Math.min(next.get(), work.size());
            List<CrawlItem> items = new ArrayList<>(work.size());
            for (int i = 0; i < work.size(); i++) {
                CrawlItem item = results.get(i);
                items.add(item != null ? item : item(work.get(i), null, CrawlStatus.NOT_ATTEMPTED,
                        i < started ? "still in flight when the crawl stopped" : "crawl interrupted before this item", null));
            }
            return items;
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
            while (!stop.get() && !caller.isInterrupted() && !Thread.currentThread().isInterrupted()) {
                int i = next.getAndIncrement();
                if (i >= work.size()) {
                    return;
                }
                CrawlItem item = crawlOne(work.get(i));
                results.set(i, item);
                synchronized (this) {
                    done++;
                    tellProgress(item);
                }
            }
        }

        /** A progress callback that throws is the caller's bug, not the crawl's: logged once, then not called again. */
        private void tellProgress(CrawlItem item) {
            if (progressFailed) {
                return;
            }
            try {
                progress.itemDone(item, done, work.size());
            } catch (RuntimeException e) {
                progressFailed = true;
                LOG.warn("crawl progress callback failed, no more progress is reported: {}", e.toString(), e);
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
            try {
                Path out = CrawlLayout.file(options.outDir(), w.mePath(), runNumber, w.target().reco());
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
