package org.runops.oms.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import okhttp3.HttpUrl;
import org.runops.core.Durations;
import org.runops.core.RunopsException;
import org.runops.core.http.Cancellation;
import org.runops.oms.OmsDataChangedException;
import org.runops.oms.OmsException;
import org.runops.oms.OmsPage;
import org.runops.oms.OmsRecord;

/**
 * Pages one query (wbmcrawlr {@code get_resources}, made strict): the first page gives
 * {@code totalResourceCount}; every further offset is computed here and fetched with at most
 * {@code concurrency} requests in flight; every page, the first too, is fetched on {@code executor};
 * pages are delivered in offset order. Any page that is empty or shorter than the total implies, a total
 * that changes between pages, or a row count that differs from the total is an {@link OmsException}
 * naming the query — never a silently short answer (the 100000-row truncation of spec §1.5). A changing
 * total or a row id seen on two pages is an {@link OmsDataChangedException}: the data moved while it was
 * paged. The whole query, every page with its retries, ends by the deadline given (the caller's, so several
 * queries of one call can share it): each page request gets the time left when it starts, and waiting for
 * a page stops when it runs out.
 */
public final class Pager {

    /** Builds the URL of one page. */
    @FunctionalInterface
    public interface PageUrl {
        HttpUrl url(long offset, int limit);
    }

    /** Fetches one page within the given time; a {@link Cancellation#cancel()} stops it, live request included. */
    @FunctionalInterface
    public interface PageFetch {
        OmsPage fetch(HttpUrl url, Duration within, Cancellation cancellation);
    }

    private final PageUrl urls;
    private final PageFetch fetch;
    private final ExecutorService executor;
    private final int concurrency;
    private final Duration timeout;
    private final LongSupplier nanoTime;
    private long deadline;

    /**
     * @param fetch    fetches one page within the given time
     * @param timeout  the time the deadlines given to {@link #run} were set with (for messages)
     * @param nanoTime the clock the deadline is kept on ({@code System::nanoTime})
     */
    public Pager(PageUrl urls, PageFetch fetch, ExecutorService executor, int concurrency,
            Duration timeout, LongSupplier nanoTime) {
        this.urls = urls;
        this.fetch = fetch;
        this.executor = executor;
        this.concurrency = Math.max(1, concurrency);
        this.timeout = timeout;
        this.nanoTime = nanoTime;
    }

    /**
     * Fetches every page of a query with {@code limit} rows per page by {@code deadlineNanos} on this pager's clock;
     * {@code progress} gets (pages done, pages).
     */
    public void run(int limit, long deadlineNanos, Consumer<OmsPage> consumer, BiConsumer<Long, Long> progress) {
        deadline = deadlineNanos;
        Cancellation calls = new Cancellation();
        Deque<Future<OmsPage>> inFlight = new ArrayDeque<>();
        try {
            page(limit, consumer, progress, calls, inFlight);
        } finally {
            // when the query fails or its thread is interrupted, its pages, the first too, stop at once, queued or live
            calls.cancel();
            inFlight.forEach(f -> f.cancel(true));
        }
    }

    private void page(int limit, Consumer<OmsPage> consumer, BiConsumer<Long, Long> progress, Cancellation calls,
            Deque<Future<OmsPage>> inFlight) {
        HttpUrl first = urls.url(0, limit);
        // on the pool too, so queries paged at once keep within its bound, first pages included
        inFlight.add(submit(first, first, 0, 1, calls));
        OmsPage page = next(inFlight, first, 0, 1);
        long total = page.totalResourceCount();
        int rows = page.records().size();
        if (total < 0) {
            if (rows >= limit) {
                throw new OmsException("OMS query " + first + " has no meta.totalResourceCount and a full first page of "
                        + rows + " rows: cannot know how many rows to expect");
            }
            total = rows; // a short page without a total is the whole answer
        }
        long pages = total == 0 ? 1 : (total + limit - 1) / limit;
        expect(first, page, 0, limit, total, total);
        Set<String> ids = new HashSet<>();
        checkNewRows(first, page, 0, ids);
        consumer.accept(page);
        long collected = rows;
        progress.accept(1L, pages);

        Deque<Long> offsets = new ArrayDeque<>();
        long next = limit;
        for (long done = 1; done < pages; done++) {
            while (inFlight.size() < concurrency && next < total) {
                HttpUrl url = urls.url(next, limit);
                inFlight.add(submit(url, first, done, pages, calls));
                offsets.add(next);
                next += limit;
            }
            long offset = offsets.removeFirst();
            OmsPage p = next(inFlight, first, done, pages);
            expect(first, p, offset, limit, total, page.totalResourceCount());
            checkNewRows(first, p, offset, ids);
            consumer.accept(p);
            collected += p.records().size();
            progress.accept(done + 1, pages);
        }
        if (collected != total) {
            throw new OmsException("OMS query " + first + ": expected " + total + " rows (meta.totalResourceCount), got " + collected);
        }
    }

    private static void expect(HttpUrl query, OmsPage page, long offset, int limit, long total, long firstTotal) {
        if (page.totalResourceCount() >= 0 && page.totalResourceCount() != firstTotal) {
            throw new OmsDataChangedException("OMS query " + query + ": totalResourceCount changed from " + firstTotal + " to "
                    + page.totalResourceCount() + " at offset " + offset + " (data changed while paging; retry)");
        }
        long expected = Math.min(limit, total - offset);
        int got = page.records().size();
        if (got != expected) {
            throw new OmsException("OMS query " + query + ": page at offset " + offset + " has " + got + " rows, expected "
                    + expected + " of total " + total + (got == 0 ? " (empty page before the total was reached)" : ""));
        }
    }

    /** Rows are identified by their id: one that comes back on a later page means the rows shifted. */
    private static void checkNewRows(HttpUrl query, OmsPage page, long offset, Set<String> ids) {
        for (OmsRecord r : page.records()) {
            if (r.id() != null && !ids.add(r.id())) {
                throw new OmsDataChangedException("OMS query " + query + ": the row with id " + r.id() + " came back on the page at offset "
                        + offset + " (rows moved between pages while paging; retry)");
            }
        }
    }

    /** The oldest page in flight, taken off only once it is in, so a failed wait still cancels it. */
    private OmsPage next(Deque<Future<OmsPage>> inFlight, HttpUrl query, long done, long pages) {
        OmsPage page = await(inFlight.peekFirst(), query, done, pages);
        inFlight.removeFirst();
        return page;
    }

    private Future<OmsPage> submit(HttpUrl url, HttpUrl query, long done, long pages, Cancellation calls) {
        try {
            // the time left when the page starts, not when it was queued (possibly behind other queries' pages)
            return executor.submit(() -> fetch.fetch(url, left(query, done, pages), calls));
        } catch (RejectedExecutionException e) {
            throw new OmsException("cannot page " + query + ": the OmsClient is closed", e);
        }
    }

    /** The time the query has left; an {@link OmsException} when there is none. */
    private Duration left(HttpUrl query, long done, long pages) {
        long left = deadline - nanoTime.getAsLong();
        if (left <= 0) {
            throw outOfTime(query, done, pages);
        }
        return Duration.ofNanos(left);
    }

    private OmsException outOfTime(HttpUrl query, long done, long pages) {
        return new OmsException("OMS query " + query + " did not finish within " + Durations.describe(timeout) + " (" + done + " of "
                + pages + " pages fetched; raise the query timeout for a slow server)");
    }

    private OmsPage await(Future<OmsPage> f, HttpUrl query, long done, long pages) {
        try {
            return f.get(left(query, done, pages).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw outOfTime(query, done, pages);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OmsException("interrupted while paging " + query, e);
        } catch (CancellationException e) {
            throw new OmsException("paging of " + query + " was cancelled", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RunopsException r) {
                throw r; // already names its URL
            }
            throw new OmsException("fetching a page of " + query + " failed: " + cause, cause);
        }
    }
}
