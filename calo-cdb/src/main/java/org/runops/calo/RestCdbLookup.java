package org.runops.calo;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.runops.calo.internal.CdbVerdicts;
import org.runops.calo.internal.ClientConfig;
import org.runops.calo.internal.GlobalTagNames;
import org.runops.calo.internal.PayloadIovs;
import org.runops.core.exec.NamedThreads;
import org.runops.core.http.HtmlPages;
import org.runops.core.http.HttpClients;
import org.runops.core.http.HttpException;
import org.runops.core.http.HttpFetcher;
import org.runops.core.http.HttpSettings;
import org.runops.core.http.RetryPolicy;
import org.runops.core.http.Sleeper;
import org.runops.core.http.TokenProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CdbLookup#rest}: nopayloaddb's REST API, one {@code GET <base>payloadiovs/?gtName=<gt>&majorIOV=0&minorIOV=<run>}
 * per run answering every calibration at once (the original asked once per run and calibration), up to
 * {@code concurrency} runs at a time, results in input order. Connect errors, timeouts, cut-off bodies and
 * 5xx answers (the server's 504 above all) are retried with backoff by the shared {@link HttpFetcher}; a run
 * whose answer is still a failure, or does not parse, is {@linkplain RunCdbState#undecided undecided} — the
 * reason names the URL and status — and the other runs go on; so is a 408 or 429 (transient: the server is
 * busy, not misconfigured). Any other 4xx (404 above all: the global tag or the API root is wrong) is a
 * configuration error: the whole check fails with a {@link CaloException}. After
 * {@link Builder#unreachableAfter(int) unreachableAfter} consecutive runs failed that way (no answer, timeout,
 * 408, 429, 5xx), the server is taken for gone: the remaining runs are undecided without being asked, rather
 * than each spending the whole retry budget.
 *
 * <p>Before the runs, one {@code GET <base>globalTags} checks that the global tag exists: the server answers
 * {@code payloadiovs} for an unknown global tag with an empty list, which would make every map of every run
 * look missing. {@link Builder#verifyGlobalTag(boolean) verifyGlobalTag(false)} skips it.
 *
 * <pre>{@code
 * try (CdbLookup cdb = RestCdbLookup.builder(URI.create("http://nopayloaddb.apps.rcf.bnl.gov/api/cdb_rest/"))
 *         .globalTag("newcdbtag").concurrency(8).build()) {
 *     List<RunCdbState> states = cdb.check(runs, CalibrationSpec.DEFAULTS);
 * }
 * }</pre>
 */
public final class RestCdbLookup implements CdbLookup {
    private static final Logger LOG = LoggerFactory.getLogger(RestCdbLookup.class);
    private static final AtomicInteger POOLS = new AtomicInteger();
    /** The global tag the calorimeter maps are checked against (filter-datasets, 2025 and 2026). */
    public static final String DEFAULT_GLOBAL_TAG = "newcdbtag";
    public static final int DEFAULT_CONCURRENCY = 8;
    /** Consecutive failed runs after which a check stops asking (see {@link Builder#unreachableAfter(int)}). */
    public static final int DEFAULT_UNREACHABLE_AFTER = 8;
    /** How long a check waits for its threads after a fatal answer or an interrupt before returning anyway. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    /** The row shape asked for; either shape is read in any answer. */
    public enum Shape {
        /** The default rows, {@code [type, url, checksum, size, major, minor, major_end, minor_end]}: every server version. */
        POSITIONAL,
        /** {@code &shape=dict}: rows as objects with named fields (newer servers only). */
        DICT
    }

    /** Told after each run is looked up; called from the lookup threads, so it must be thread-safe. */
    @FunctionalInterface
    public interface Progress {
        void checked(int done, int total);
    }

    private final HttpUrl baseUrl;
    private final String globalTag;
    private final Shape shape;
    private final int concurrency;
    private final HttpFetcher fetcher;
    private final boolean ownsFetcher;
    private final Progress progress;
    private final boolean verifyGlobalTag;
    private final int unreachableAfter;

    private RestCdbLookup(Builder b) {
        this.baseUrl = b.baseUrl;
        this.globalTag = b.globalTag;
        this.shape = b.shape;
        this.concurrency = b.concurrency;
        this.ownsFetcher = b.fetcher == null;
        this.fetcher = ownsFetcher ? ownFetcher(b) : b.fetcher;
        this.progress = b.progress;
        this.verifyGlobalTag = b.verifyGlobalTag;
        this.unreachableAfter = b.unreachableAfter;
    }

    /** A builder for the API root {@code baseUrl}, e.g. {@code http://localhost:8000/api/cdb_rest/}. */
    public static Builder builder(URI baseUrl) {
        return new Builder(baseUrl);
    }

    /**
     * A builder set up as a nopayloadclient configuration file says ({@code NOPAYLOADCLIENT_CONF}): the API root
     * from {@code base_url} ({@code http://} prepended, as the client does) and {@code api_res}; {@code n_retries}
     * attempts, waiting 1–2× {@code retry_sleep_mean} between them, as the client waits.
     */
    public static Builder fromClientConfig(Path config) {
        ClientConfig c = ClientConfig.read(config);
        Duration wait = c.retrySleepMean().multipliedBy(2); // equal jitter of 2× the mean: waits of 1–2× the mean
        RetryPolicy retry = new RetryPolicy(Math.max(1, c.retries()), wait, wait, Duration.ofSeconds(60), Duration.ZERO);
        return builder(c.baseUrl()).httpSettings(Builder.DEFAULT_SETTINGS.withRetry(retry));
    }

    /** The {@code payloadiovs} URL asked for {@code run}. */
    public HttpUrl urlFor(long run) {
        HttpUrl.Builder u = baseUrl.newBuilder().addPathSegment("payloadiovs").addPathSegment("")
                .addQueryParameter("gtName", globalTag).addQueryParameter("majorIOV", "0")
                .addQueryParameter("minorIOV", Long.toString(run));
        if (shape == Shape.DICT) {
            u.addQueryParameter("shape", "dict");
        }
        return u.build();
    }

    @Override
    public List<RunCdbState> check(List<RunTag> runs, List<CalibrationSpec> calibrations) {
        List<RunTag> asked = List.copyOf(runs);
        List<CalibrationSpec> specs = List.copyOf(calibrations);
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("no calibrations to check");
        }
        if (asked.isEmpty()) {
            return List.of();
        }
        if (verifyGlobalTag) {
            requireGlobalTag();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, asked.size()),
                NamedThreads.daemon("cdb-rest-" + POOLS.incrementAndGet()));
        AtomicInteger done = new AtomicInteger();
        Reachability reachability = new Reachability(unreachableAfter);
        try {
            List<Future<RunCdbState>> futures = new ArrayList<>(asked.size());
            for (RunTag r : asked) {
                futures.add(pool.submit(() -> {
                    RunCdbState state = lookUp(r, specs, reachability);
                    progress.checked(done.incrementAndGet(), asked.size());
                    return state;
                }));
            }
            List<RunCdbState> states = new ArrayList<>(asked.size());
            for (Future<RunCdbState> f : futures) {
                states.add(result(f));
            }
            long undecided = states.stream().filter(s -> s.undecided().isPresent()).count();
            LOG.info("CDB {} global tag {}: {} runs checked, {} undecided", baseUrl, globalTag, states.size(), undecided);
            return states;
        } finally {
            stop(pool);
        }
    }

    /** Fails unless the server lists the global tag (an unknown one answers {@code payloadiovs} with {@code []}). */
    private void requireGlobalTag() {
        HttpUrl url = baseUrl.newBuilder().addPathSegment("globalTags").build();
        List<String> names;
        try {
            names = GlobalTagNames.parse(fetcher.fetch(url), "GET " + url);
        } catch (CaloException | HttpException e) {
            throw new CaloException("cannot verify that the CDB has global tag '" + globalTag + "' (verifyGlobalTag(false)"
                    + " skips this for a server without globalTags): " + e.getMessage(), e);
        }
        if (!names.contains(globalTag)) {
            throw new CaloException("GET " + url + ": the CDB has no global tag '" + globalTag + "'; it has "
                    + (names.size() <= 20 ? names : names.subList(0, 20) + " and " + (names.size() - 20) + " more"));
        }
    }

    /** One run: its answer judged, or why there is none; a 4xx other than 408 and 429 is thrown (configuration error). */
    private RunCdbState lookUp(RunTag runTag, List<CalibrationSpec> specs, Reachability reachability) {
        Optional<String> gone = reachability.unreachable();
        if (gone.isPresent()) {
            return RunCdbState.undecided(runTag, gone.get());
        }
        HttpUrl url = urlFor(runTag.run());
        byte[] body;
        try {
            body = fetcher.fetch(url);
        } catch (HttpException e) {
            boolean transientFailure = e.status() == 408 || e.status() == 429;
            if (e.status() >= 400 && e.status() < 500 && !transientFailure) {
                throw new CaloException(e.getMessage() + (e.status() == 404 ? " — the CDB at " + baseUrl
                        + " does not know global tag '" + globalTag + "', or that is not a nopayloaddb API root" : ""), e);
            }
            reachability.failed(e.getMessage());
            return RunCdbState.undecided(runTag, e.getMessage());
        }
        reachability.answered();
        if (HtmlPages.looksLikeHtml(body)) {
            return RunCdbState.undecided(runTag, "GET " + url + " answered " + HtmlPages.describe(body));
        }
        Map<String, PayloadRef> payloads;
        try {
            payloads = PayloadIovs.parse(body, "GET " + url);
        } catch (CaloException e) {
            return RunCdbState.undecided(runTag, e.getMessage());
        }
        return CdbVerdicts.judge(runTag, specs, payloads);
    }

    /**
     * Consecutive failed runs of one check. Once the limit is reached it stays reached for the check: answers
     * still in flight then do not reopen it, so the remaining runs are not asked one more full retry budget each.
     */
    private static final class Reachability {
        private final int limit;
        private int failures;
        private String last = "";

        Reachability(int limit) {
            this.limit = limit;
        }

        synchronized Optional<String> unreachable() {
            return failures >= limit ? Optional.of("CDB unreachable: " + failures + " consecutive failures, last: " + last) : Optional.empty();
        }

        synchronized void failed(String why) {
            failures++;
            last = why;
        }

        synchronized void answered() {
            if (failures < limit) {
                failures = 0;
            }
        }
    }

    private static RunCdbState result(Future<RunCdbState> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaloException("interrupted while waiting for CDB answers", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("CDB lookup failed", e.getCause());
        }
    }

    private static void stop(ExecutorService pool) {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("CDB lookup threads still busy after the check ended; they are daemons and end with their call timeout");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpFetcher ownFetcher(Builder b) {
        // keep one connection per concurrent request alive: OkHttp's default pool keeps 5
        OkHttpClient client = HttpClients.create(b.settings).newBuilder()
                .connectionPool(new ConnectionPool(b.concurrency, 5, TimeUnit.MINUTES)).build();
        return new HttpFetcher(client, TokenProvider.none(), b.settings.retry(), b.sleeper, HttpFetcher.jitter());
    }

    @Override
    public String describe() {
        return "rest " + baseUrl + " global tag " + globalTag;
    }

    public HttpUrl baseUrl() {
        return baseUrl;
    }

    public String globalTag() {
        return globalTag;
    }

    /** Closes the fetcher if this lookup made it. */
    @Override
    public void close() {
        if (ownsFetcher) {
            fetcher.close();
        }
    }

    /** Builds a {@link RestCdbLookup}. */
    public static final class Builder {
        /** 5 s connect, 30 s read, 60 s per call; 5 attempts, 1 s backoff doubling to 16 s, 3 min per run at most. */
        static final HttpSettings DEFAULT_SETTINGS = HttpSettings.defaults()
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(60))
                .withRetry(new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(16), Duration.ofSeconds(60),
                        Duration.ofMinutes(3)));

        private final HttpUrl baseUrl;
        private String globalTag = DEFAULT_GLOBAL_TAG;
        private Shape shape = Shape.POSITIONAL;
        private int concurrency = DEFAULT_CONCURRENCY;
        private HttpSettings settings = DEFAULT_SETTINGS;
        private Sleeper sleeper = Sleeper.system();
        private HttpFetcher fetcher;
        private Progress progress = (done, total) -> { };
        private boolean verifyGlobalTag = true;
        private int unreachableAfter = DEFAULT_UNREACHABLE_AFTER;

        private Builder(URI baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            HttpUrl url = HttpUrl.parse(baseUrl.toString());
            if (url == null) {
                throw new IllegalArgumentException("CDB base URL must be http(s), got " + baseUrl);
            }
            this.baseUrl = url.encodedPath().endsWith("/") ? url : url.newBuilder().addPathSegment("").build();
        }

        /** The global tag (default {@value RestCdbLookup#DEFAULT_GLOBAL_TAG}). */
        public Builder globalTag(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("global tag must not be blank");
            }
            this.globalTag = name;
            return this;
        }

        /** The row shape to ask for (default {@link Shape#POSITIONAL}, which older servers also serve). */
        public Builder shape(Shape s) {
            this.shape = Objects.requireNonNull(s, "shape");
            return this;
        }

        /** Runs looked up at a time (default {@value RestCdbLookup#DEFAULT_CONCURRENCY}). */
        public Builder concurrency(int n) {
            if (n < 1 || n > 256) {
                throw new IllegalArgumentException("concurrency must be 1..256, got " + n);
            }
            this.concurrency = n;
            return this;
        }

        /** Timeouts and retries of the lookup's own fetcher (ignored with {@link #fetcher}). */
        public Builder httpSettings(HttpSettings s) {
            this.settings = Objects.requireNonNull(s, "settings");
            return this;
        }

        /** How the lookup's own fetcher waits between attempts (tests record the waits instead). */
        public Builder sleeper(Sleeper s) {
            this.sleeper = Objects.requireNonNull(s, "sleeper");
            return this;
        }

        /** A shared fetcher, not closed by the lookup; its timeouts and retries apply. */
        public Builder fetcher(HttpFetcher f) {
            this.fetcher = Objects.requireNonNull(f, "fetcher");
            return this;
        }

        /** Whether each check first asks {@code globalTags} that the global tag exists (default true). */
        public Builder verifyGlobalTag(boolean verify) {
            this.verifyGlobalTag = verify;
            return this;
        }

        /**
         * After {@code n} consecutive runs without an answer (no answer, timeout, 408, 429 or 5xx, each after the
         * fetcher's retries) a check takes the CDB for unreachable and leaves its remaining runs undecided
         * without asking (default {@value RestCdbLookup#DEFAULT_UNREACHABLE_AFTER}).
         */
        public Builder unreachableAfter(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("unreachableAfter must be at least 1, got " + n);
            }
            this.unreachableAfter = n;
            return this;
        }

        public Builder progress(Progress p) {
            this.progress = Objects.requireNonNull(p, "progress");
            return this;
        }

        public RestCdbLookup build() {
            return new RestCdbLookup(this);
        }
    }
}
