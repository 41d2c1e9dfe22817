package org.runops.oms;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.runops.core.RunopsException;
import org.runops.core.exec.NamedThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks several queries of one client at once and returns their rows in query order, as if asked one after the
 * other: every query keeps its own {@link OmsQuery#fetchAll()} checks (total, pages, the one re-ask when the data
 * moved), all share one deadline (the client's query timeout from the call's start), and all their pages, first
 * pages included, share the client's page pool, so no more than its page concurrency are in flight. Asked one by
 * one, each query's first page was a serial round trip before its other pages could go out. The first query that
 * fails fails the whole call with its own exception (it names the query); the others are stopped, their requests
 * cancelled, and no rows are returned.
 */
final class ConcurrentQueries {
    private static final Logger LOG = LoggerFactory.getLogger(ConcurrentQueries.class);
    private static final AtomicInteger CALLS = new AtomicInteger();

    private ConcurrentQueries() {}

    /**
     * The rows of every query, the queries' rows concatenated in list order. {@code progress} is told the pages
     * delivered and the pages known of all queries together (a query's pages are known once its first page is in),
     * one call at a time; any listener set on the queries themselves is replaced.
     */
    static List<OmsRecord> fetchAll(OmsClient client, List<OmsQuery> queries, OmsQuery.ProgressListener progress) {
        long deadline = queries.get(0).deadline(); // one for the whole call, as --query-timeout promises
        Progress sum = new Progress(queries.size(), progress);
        for (int i = 0; i < queries.size(); i++) {
            int query = i;
            queries.get(i).onProgress((done, total) -> sum.update(query, done, total));
        }
        if (queries.size() == 1) {
            return named(queries.get(0), deadline);
        }
        // drivers only wait on pages; the requests themselves run on the client's bounded page pool
        ExecutorService drivers = Executors.newFixedThreadPool(Math.min(queries.size(), client.pageConcurrency()),
                NamedThreads.daemon("oms-queries-" + CALLS.incrementAndGet()));
        try {
            CompletionService<List<OmsRecord>> done = new ExecutorCompletionService<>(drivers);
            List<Future<List<OmsRecord>>> results = new ArrayList<>(queries.size());
            for (OmsQuery q : queries) {
                results.add(done.submit(() -> named(q, deadline)));
            }
            for (int i = 0; i < queries.size(); i++) {
                done.take().get(); // the first failure, whichever query it is, ends the wait
            }
            int size = 0;
            for (Future<List<OmsRecord>> r : results) {
                size += r.get().size();
            }
            List<OmsRecord> rows = new ArrayList<>(size);
            for (Future<List<OmsRecord>> r : results) {
                rows.addAll(r.get());
            }
            return rows;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw (RuntimeException) e.getCause(); // named(): unchecked, naming its query
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OmsException("interrupted while asking OMS " + queries.get(0) + " and " + (queries.size() - 1) + " more queries", e);
        } finally {
            sum.close(); // the caller may print an error next: no progress line after it
            drivers.shutdownNow(); // interrupts the queries still paging: each cancels its pages, live requests included
            awaitStopped(drivers);
        }
    }

    /** Bounded: the drivers' pages are cancelled, so they end at once; none outlives the call. */
    private static void awaitStopped(ExecutorService drivers) {
        boolean interrupted = Thread.interrupted(); // an interrupted caller waits too, or the drivers would outlive the call
        try {
            if (!drivers.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("OMS query threads still running 5 s after the call ended");
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The query's rows; any failure is a {@link RunopsException} naming the query, an {@link Error} stays one. */
    private static List<OmsRecord> named(OmsQuery q, long deadline) {
        try {
            return q.fetchAll(deadline);
        } catch (RunopsException e) {
            throw e; // names its query already
        } catch (RuntimeException e) {
            throw new OmsException("OMS query " + q + " failed: " + e, e);
        }
    }

    /**
     * Sums the progress of several queries. A query asked again after its data moved starts its count anew, but the
     * pages shown done never go back (a progress bar would visibly jump back): the most reached is shown.
     */
    private static final class Progress {
        private final long[] done;
        private final long[] total;
        private final OmsQuery.ProgressListener listener;
        private boolean closed;
        private long shown;

        Progress(int queries, OmsQuery.ProgressListener listener) {
            this.done = new long[queries];
            this.total = new long[queries];
            this.listener = listener;
        }

        synchronized void update(int query, long pagesDone, long pages) {
            if (closed) {
                return;
            }
            done[query] = pagesDone;
            total[query] = pages;
            long allDone = 0;
            long all = 0;
            for (int i = 0; i < done.length; i++) {
                allDone += done[i];
                all += total[i];
            }
            shown = Math.max(shown, allDone);
            listener.onProgress(Math.min(shown, all), all);
        }

        /** No more reports, whatever a stopping query still tells. */
        synchronized void close() {
            closed = true;
        }
    }
}
