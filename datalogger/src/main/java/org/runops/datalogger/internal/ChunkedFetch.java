package org.runops.datalogger.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.runops.core.Durations;
import org.runops.core.RunopsException;
import org.runops.core.exec.NamedThreads;
import org.runops.datalogger.DataLoggerClient;
import org.runops.datalogger.DataLoggerException;
import org.runops.datalogger.DeviceRequest;
import org.runops.datalogger.FetchCheckpoint;
import org.runops.datalogger.FetchOptions;
import org.runops.datalogger.FetchStatus;
import org.runops.datalogger.TimeSeries;
import org.runops.datalogger.TimeWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link DataLoggerClient#fetchAll}: the window is split into {@link FetchOptions#chunk()}s and each
 * (device, chunk) is a task on a pool of {@code parallelism} named daemon threads. A task sends its request
 * on a second pool of the same size and waits at most {@code timeout} for it (then interrupts it); a request
 * that throws or times out is retried after {@code backoff}, 2×, 4× ... up to {@code retries} times. An ERROR
 * answer is the logger refusing the device: it is final and no further chunk of that device is asked for.
 * With a checkpoint directory every OK or EMPTY chunk is kept there ({@link FetchCheckpoint}) and chunks found
 * there are not fetched again. Both pools are shut down before returning; an interrupt of the calling
 * thread stops the fetch promptly, keeps the checkpoints and throws.
 *
 * <p>A request that ignores interrupts keeps its thread after its timeout; since the request pool has only
 * {@code parallelism} threads, the number of requests in flight never exceeds it (later ones queue, and the
 * queueing counts against their timeout).
 */
public final class ChunkedFetch {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkedFetch.class);
    private static final AtomicInteger POOLS = new AtomicInteger();
    /** How long a stopped fetch waits for its threads to end before it returns anyway (they are daemons). */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private final DataLoggerClient client;
    private final TimeWindow window;
    private final FetchOptions options;
    private final List<TimeWindow> chunks;
    private final Optional<FetchCheckpoint> checkpoint;

    private ChunkedFetch(DataLoggerClient client, TimeWindow window, FetchOptions options) {
        this.client = client;
        this.window = window;
        this.options = options;
        this.chunks = window.split(options.chunk());
        this.checkpoint = options.checkpointDirectory().map(FetchCheckpoint::in);
    }

    public static List<TimeSeries> fetchAll(DataLoggerClient client, List<DeviceRequest> devices, TimeWindow window, FetchOptions options) {
        return new ChunkedFetch(client, window, options).run(List.copyOf(devices));
    }

    private List<TimeSeries> run(List<DeviceRequest> devices) {
        List<DeviceFetch> fetches = new ArrayList<>(devices.size());
        List<Task> tasks = new ArrayList<>();
        int resumed = 0;
        for (DeviceRequest d : devices) {
            DeviceFetch f = new DeviceFetch(d, chunks.size());
            fetches.add(f);
            for (int c = 0; c < chunks.size(); c++) {
                Optional<TimeSeries> kept = read(d, chunks.get(c));
                if (kept.isPresent()) {
                    f.arrived(c, kept.get());
                    f.left.decrementAndGet();
                    resumed++;
                } else {
                    tasks.add(new Task(f, c));
                }
            }
        }
        options.listener().started(devices.size(), devices.size() * chunks.size(), resumed);
        for (DeviceFetch f : fetches) {
            if (f.left.get() == 0) {
                finish(f);
            }
        }
        if (!tasks.isEmpty()) {
            runAll(tasks, devices.size());
        }
        List<TimeSeries> result = new ArrayList<>(fetches.size());
        for (DeviceFetch f : fetches) {
            result.add(f.result);
        }
        return List.copyOf(result);
    }

    private record Task(DeviceFetch device, int chunk) {}

    private void runAll(List<Task> tasks, int devices) {
        int parallelism = Math.min(options.parallelism(), tasks.size());
        int pool = POOLS.incrementAndGet();
        ExecutorService workers = Executors.newFixedThreadPool(parallelism, NamedThreads.daemon("runops-datalogger-fetch-" + pool));
        ExecutorService requests = Executors.newFixedThreadPool(parallelism, NamedThreads.daemon("runops-datalogger-request-" + pool));
        try {
            List<Future<?>> running = new ArrayList<>(tasks.size());
            for (Task t : tasks) {
                running.add(workers.submit(() -> {
                    fetchChunk(t.device(), t.chunk(), requests);
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataLoggerException("fetch of " + devices + " devices over " + window + " interrupted"
                    + checkpoint.map(cp -> "; finished chunks are kept in " + cp.directory()).orElse(""), e);
        } catch (ExecutionException e) {
            throw new DataLoggerException("fetch of " + devices + " devices over " + window + " failed: " + e.getCause(), e.getCause());
        } finally {
            stop(workers);
            stop(requests);
        }
    }

    /** One chunk of one device, with its retries; returns when it arrived, failed for good, or the device was refused. */
    private void fetchChunk(DeviceFetch f, int c, ExecutorService requests) throws InterruptedException {
        TimeWindow chunk = chunks.get(c);
        for (int attempt = 0; f.refusal == null; attempt++) {
            TimeSeries answer;
            try {
                answer = request(f.request, chunk, requests);
            } catch (RuntimeException e) {
                boolean willRetry = attempt < options.retries();
                options.listener().chunkFailed(f.request, chunk, e, willRetry);
                if (!willRetry) {
                    LOG.warn("{} {}: giving up after {} attempts: {}", f.request, chunk, attempt + 1, e.toString());
                    f.failed[c] = describe(e);
                    break;
                }
                Duration wait = options.backoff().multipliedBy(1L << Math.min(attempt, 30));
                LOG.info("{} {}: attempt {} failed, retrying in {}: {}", f.request, chunk, attempt + 1, Durations.describe(wait), e.toString());
                options.sleeper().sleep(wait);
                continue;
            }
            if (answer.status().kind() == FetchStatus.Kind.ERROR) {
                f.refusal = answer.status().detail(); // the logger's verdict on the device: no point asking for other chunks
            }
            keep(answer);
            f.arrived(c, answer);
            options.listener().chunkFetched(f.request, chunk, answer.size());
            break;
        }
        if (f.left.decrementAndGet() == 0) {
            finish(f);
        }
    }

    /** One request, bounded by the timeout: it runs on the request pool and is interrupted when the time is up. */
    private TimeSeries request(DeviceRequest device, TimeWindow chunk, ExecutorService requests) throws InterruptedException {
        Future<TimeSeries> answer = requests.submit(() -> client.fetch(device, chunk));
        try {
            TimeSeries s = answer.get(options.timeout().toNanos(), TimeUnit.NANOSECONDS);
            if (s == null || !s.request().equals(device) || !s.window().equals(chunk)) {
                throw new DataLoggerException(client.backendName() + " answered " + s + " to a request for " + device + " " + chunk);
            }
            return insideChunk(s);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new DataLoggerException(client.backendName() + ": no answer for " + device + " " + chunk + " within "
                    + Durations.describe(options.timeout()), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new DataLoggerException(client.backendName() + ": request for " + device + " " + chunk + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException | CancellationException e) {
            answer.cancel(true);
            throw e;
        }
    }

    /**
     * The samples of {@code s} inside its half-open chunk window. A logger whose end bound is inclusive (or
     * that rounds the bounds to seconds) would otherwise give a sample on a chunk boundary twice.
     */
    private static TimeSeries insideChunk(TimeSeries s) {
        double from = seconds(s.window().start());
        double to = seconds(s.window().end());
        int first = 0;
        int end = s.size();
        while (first < end && s.utcSeconds(first) < from) {
            first++;
        }
        while (end > first && s.utcSeconds(end - 1) >= to) {
            end--;
        }
        if (first == 0 && end == s.size()) {
            return s;
        }
        LOG.debug("{} {}: dropping {} samples outside the chunk", s.request(), s.window(), s.size() - (end - first));
        return s.slice(first, end);
    }

    private static double seconds(java.time.Instant t) {
        return t.getEpochSecond() + t.getNano() / 1e9;
    }

    /**
     * The chunks in time order as one series, with the device's status: a refusal makes it ERROR; chunks
     * that failed for good make it incomplete (ERROR when none arrived, else PARTIAL); a chunk the logger
     * cut short with an error line makes it PARTIAL, with that chunk's detail.
     */
    private void finish(DeviceFetch f) {
        int samples = 0;
        List<TimeSeries> parts = new ArrayList<>(chunks.size());
        List<String> missing = new ArrayList<>();
        List<String> cutShort = new ArrayList<>();
        String lastFailure = "";
        for (int c = 0; c < chunks.size(); c++) {
            if (f.arrived[c] != null) {
                parts.add(f.arrived[c]);
                samples += f.arrived[c].size();
                if (f.arrived[c].status().kind() == FetchStatus.Kind.PARTIAL) {
                    cutShort.add(chunks.get(c) + ": " + f.arrived[c].status().detail());
                }
            } else if (f.failed[c] != null) {
                missing.add(chunks.get(c).toString());
                lastFailure = f.failed[c];
            }
        }
        String cut = cutShort.isEmpty() ? "" : "; cut short by the logger: " + String.join("; ", cutShort);
        FetchStatus status;
        if (f.refusal != null) {
            status = FetchStatus.error(f.refusal);
            parts.clear();
        } else if (missing.size() == chunks.size()) {
            status = FetchStatus.incomplete(FetchStatus.Kind.ERROR, "every chunk failed after " + options.retries() + " retries; last: " + lastFailure);
        } else if (!missing.isEmpty()) {
            status = FetchStatus.incomplete(FetchStatus.Kind.PARTIAL, missing.size() + " of " + chunks.size() + " chunks missing after "
                    + options.retries() + " retries: " + String.join(", ", missing) + "; last failure: " + lastFailure + cut);
        } else if (!cutShort.isEmpty()) {
            status = FetchStatus.partial(cut.substring(2));
        } else if (samples == 0) {
            status = FetchStatus.empty(f.arrived[0].status().detail());
        } else {
            status = FetchStatus.ok();
        }
        f.result = TimeSeries.concat(f.request, window, parts, status);
        Arrays.fill(f.arrived, null); // a day of chunks need not stay twice in memory
        options.listener().deviceFinished(f.result);
    }

    private Optional<TimeSeries> read(DeviceRequest device, TimeWindow chunk) {
        return checkpoint.flatMap(cp -> cp.read(client.backendName(), device, chunk));
    }

    /**
     * Keeps an OK or EMPTY chunk; a refused or cut-short one is asked for again by a resumed fetch (the
     * logger may have been repaired). A chunk that cannot be kept is still used; only a later resume would
     * fetch it again.
     */
    private void keep(TimeSeries chunk) {
        FetchStatus.Kind kind = chunk.status().kind();
        if (kind != FetchStatus.Kind.OK && kind != FetchStatus.Kind.EMPTY) {
            return;
        }
        checkpoint.ifPresent(cp -> {
            try {
                cp.write(client.backendName(), chunk);
            } catch (DataLoggerException e) {
                LOG.warn("{}; a resumed fetch will ask for that chunk again", e.getMessage());
            }
        });
    }

    private static void stop(ExecutorService pool) {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("fetch threads still busy {} after the fetch ended (a request ignoring interrupts); they are daemons",
                        Durations.describe(SHUTDOWN_GRACE));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The exception and its first cause in one line. A runops exception's message already names the
     * request and what went wrong, so it stands alone; a cause whose message it repeats is left out.
     */
    private static String describe(Throwable e) {
        String s = e instanceof RunopsException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
        Throwable cause = e.getCause();
        boolean repeated = cause != null && cause.getMessage() != null && s.contains(cause.getMessage());
        return cause == null || repeated || cause instanceof TimeoutException ? s
                : s + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
    }

    /** One device's chunks: what arrived, what failed for good, whether the logger refused the device. */
    private static final class DeviceFetch {
        final DeviceRequest request;
        final TimeSeries[] arrived;
        final String[] failed;
        final AtomicInteger left;
        volatile String refusal;
        volatile TimeSeries result;

        DeviceFetch(DeviceRequest request, int chunks) {
            this.request = request;
            this.arrived = new TimeSeries[chunks];
            this.failed = new String[chunks];
            this.left = new AtomicInteger(chunks);
        }

        /** Called before {@link #left} is counted down, which publishes the array slot to the finishing thread. */
        void arrived(int chunk, TimeSeries series) {
            arrived[chunk] = series;
            if (series.status().kind() == FetchStatus.Kind.ERROR) {
                refusal = series.status().detail();
            }
        }
    }
}
