package org.runops.certhelper;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.HttpUrl;
import org.runops.core.Durations;
import org.runops.core.RunopsException;
import org.runops.core.http.HtmlPages;
import org.runops.core.http.HttpException;
import org.runops.core.http.HttpFetcher;
import org.runops.core.http.HttpSettings;
import org.runops.core.http.TokenProvider;
import org.runops.core.refrun.RunReferencePair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Certhelper's run→reference history ({@code GET /certify/allRunsRefRuns/}, no authentication), served
 * from a local {@link CertHelperCache} while it is fresh so the service is asked at most once a TTL.
 * A server that still has the pre-2022 path ({@code /mldatasets/allRunsRefRuns/}) is asked there after a
 * 404. The cache is replaced only by an answer that parsed completely, so a 500, an HTML login page or a
 * cut-off body never replaces a good history; when the server fails, a fresh cache is served, an expired
 * one only with {@link Builder#allowStale(boolean)}. A partial list is never returned.
 */
public final class CertHelperClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CertHelperClient.class);
    /** The production service. */
    /** The production service, as text (for option defaults). */
    public static final String DEFAULT_URL = "https://certhelper.web.cern.ch/";
    public static final HttpUrl DEFAULT_BASE_URL = HttpUrl.get(DEFAULT_URL);
    static final String CURRENT_PATH = "certify/allRunsRefRuns/";
    /** Before commit 837081d (2022-04-01). */
    static final String OLD_PATH = "mldatasets/allRunsRefRuns/";

    private final HttpUrl baseUrl;
    private final HttpFetcher fetcher;
    private final boolean ownsFetcher;
    private final CertHelperCache cache;
    private final boolean allowStale;

    private CertHelperClient(Builder b) {
        this.baseUrl = b.baseUrl;
        this.ownsFetcher = b.fetcher == null;
        this.fetcher = ownsFetcher ? HttpFetcher.create(HttpSettings.defaults(), TokenProvider.none()) : b.fetcher;
        this.cache = Objects.requireNonNull(b.cache, "cache");
        this.allowStale = b.allowStale;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every run→reference row, from the cache while fresh, else from the server. */
    public List<RunReferencePair> allRunReferencePairs() {
        return snapshot(false).pairs();
    }

    /** Asks the server even when the cache is fresh (falls back to the cache as {@link #snapshot(boolean)} says). */
    public List<RunReferencePair> refresh() {
        return snapshot(true).pairs();
    }

    /**
     * The rows with their origin. Unless {@code refresh}, a fresh cache is served without asking the
     * server. When the server fails: a fresh cache is served (warning), an expired one only with
     * {@code allowStale} (warning), else a {@link CertHelperException} naming the URL, the cache file and its age.
     */
    public CertHelperSnapshot snapshot(boolean refresh) {
        Optional<Cached> cached = readCache();
        if (!refresh && cached.isPresent() && cache.isFresh(cached.get().entry)) {
            Cached c = cached.get();
            LOG.debug("Certhelper history from cache {} (age {})", c.entry.file(), cache.age(c.entry));
            return c.snapshot(CertHelperSnapshot.Origin.CACHE, cache.age(c.entry));
        }
        try {
            return fetch(cached);
        } catch (RunopsException e) {
            return fallBack(cached, e);
        }
    }

    public HttpUrl baseUrl() {
        return baseUrl;
    }

    public CertHelperCache cache() {
        return cache;
    }

    /** Closes the fetcher if this client created it. */
    @Override
    public void close() {
        if (ownsFetcher) {
            fetcher.close();
        }
    }

    /** A cache entry that also parsed. */
    private record Cached(CertHelperCache.Entry entry, List<RunReferencePair> pairs) {
        CertHelperSnapshot snapshot(CertHelperSnapshot.Origin origin, Duration age) {
            return new CertHelperSnapshot(pairs, entry.file().toString(), entry.fetchedAt(), origin, age);
        }
    }

    private Optional<Cached> readCache() {
        Optional<CertHelperCache.Entry> entry = cache.read();
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        CertHelperCache.Entry e = entry.get();
        if (!e.url().startsWith(baseUrl.toString())) {
            LOG.warn("Certhelper cache {} holds the answer of {}, not of {}: ignored until the next good fetch",
                    e.file(), e.url(), baseUrl);
            return Optional.empty();
        }
        try {
            return Optional.of(new Cached(e, parse(e.json(), e.file().toString())));
        } catch (RunopsException bad) {
            LOG.warn("Certhelper cache {} does not parse ({}): ignored until the next good fetch", e.file(), bad.getMessage());
            return Optional.empty();
        }
    }

    private CertHelperSnapshot fetch(Optional<Cached> cached) {
        HttpUrl current = baseUrl.resolve(CURRENT_PATH);
        HttpUrl url = current;
        byte[] body;
        try {
            body = fetcher.fetch(current);
        } catch (HttpException e) {
            if (e.status() != 404) {
                throw e;
            }
            url = baseUrl.resolve(OLD_PATH);
            LOG.info("{} answered 404; trying the old path {}", current, url);
            body = fetcher.fetch(url);
        }
        if (HtmlPages.looksLikeHtml(body)) {
            throw new CertHelperException(url + " answered " + HtmlPages.describe(body));
        }
        List<RunReferencePair> pairs = parse(body, url.toString());
        if (pairs.isEmpty() && cached.isPresent() && !cached.get().pairs.isEmpty()) {
            // Certhelper exports every certification ever made: an empty answer is a broken server, not history
            throw new CertHelperException(url + " answered an empty list, but the cache " + cached.get().entry.file()
                    + " holds " + cached.get().pairs.size() + " rows: not replacing it");
        }
        LOG.info("Certhelper history: {} rows from {}", pairs.size(), url);
        Instant fetchedAt;
        try {
            fetchedAt = cache.write(body, url.toString()).fetchedAt();
        } catch (CertHelperException notWritten) {
            // a full disk or read-only home must not cost the complete answer just received
            LOG.warn("Certhelper history from {} not cached: {}", url, notWritten.getMessage());
            fetchedAt = cache.now();
        }
        return new CertHelperSnapshot(pairs, url.toString(), fetchedAt, CertHelperSnapshot.Origin.SERVER, Duration.ZERO);
    }

    private CertHelperSnapshot fallBack(Optional<Cached> cached, RunopsException failure) {
        String asked = baseUrl.resolve(CURRENT_PATH).toString();
        if (cached.isEmpty()) {
            throw new CertHelperException("cannot get the Certhelper history from " + asked + " and there is no usable cache at "
                    + cache.file() + ": " + failure.getMessage(), failure);
        }
        Cached c = cached.get();
        Duration age = cache.age(c.entry);
        if (cache.isFresh(c.entry)) {
            LOG.warn("Certhelper refresh from {} failed ({}); serving the cache {} (age {})", asked, failure.getMessage(),
                    c.entry.file(), Durations.describe(age));
            return c.snapshot(CertHelperSnapshot.Origin.CACHE, age);
        }
        if (allowStale) {
            LOG.warn("Certhelper {} failed ({}); serving the EXPIRED cache {} (age {}, TTL {})", asked, failure.getMessage(),
                    c.entry.file(), Durations.describe(age), Durations.describe(cache.ttl()));
            return c.snapshot(CertHelperSnapshot.Origin.STALE_CACHE, age);
        }
        throw new CertHelperException("cannot get the Certhelper history from " + asked + ", and the cache " + c.entry.file()
                + " expired (age " + Durations.describe(age) + ", TTL " + Durations.describe(cache.ttl())
                + "; allow a stale copy to use it anyway): " + failure.getMessage(), failure);
    }

    private static List<RunReferencePair> parse(byte[] json, String source) {
        return CertHelperHistory.parse(new ByteArrayInputStream(json), source);
    }

    /** Builds a {@link CertHelperClient}. */
    public static final class Builder {
        private HttpUrl baseUrl = DEFAULT_BASE_URL;
        private HttpFetcher fetcher;
        private CertHelperCache cache;
        private boolean allowStale;

        private Builder() {}

        /** The service root (default {@link #DEFAULT_BASE_URL}); the API paths are resolved against it. */
        public Builder baseUrl(HttpUrl url) {
            Objects.requireNonNull(url, "url");
            this.baseUrl = url.encodedPath().endsWith("/") ? url : url.newBuilder().addPathSegment("").build();
            return this;
        }

        /** The fetcher to use (shared, not closed by the client); default: {@link HttpSettings#defaults()}, no token. */
        public Builder fetcher(HttpFetcher f) {
            this.fetcher = Objects.requireNonNull(f, "fetcher");
            return this;
        }

        public Builder cache(CertHelperCache c) {
            this.cache = Objects.requireNonNull(c, "cache");
            return this;
        }

        /** A cache in the default directory ({@link CertHelperCache#defaultDirectory(Function)}), 24 h TTL, system clock. */
        public Builder defaultCache(Function<String, String> env) {
            return cache(CertHelperCache.inDefaultDirectory(env, java.time.Clock.systemUTC()));
        }

        /** When the server fails and the cache expired, serve the expired copy (with a warning) instead of failing. */
        public Builder allowStale(boolean allow) {
            this.allowStale = allow;
            return this;
        }

        public CertHelperClient build() {
            if (cache == null) {
                throw new IllegalStateException("a CertHelperClient needs a cache: cache(...) or defaultCache(System::getenv)");
            }
            return new CertHelperClient(this);
        }
    }
}
