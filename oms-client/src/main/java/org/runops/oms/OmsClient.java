package org.runops.oms;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.runops.core.RunopsException;
import org.runops.core.exec.NamedThreads;
import org.runops.core.http.Cancellation;
import org.runops.core.http.HtmlPages;
import org.runops.core.http.HttpClients;
import org.runops.core.http.HttpException;
import org.runops.core.http.HttpFetcher;
import org.runops.core.http.HttpSettings;
import org.runops.core.http.OAuthClientCredentials;
import org.runops.core.http.Sleeper;
import org.runops.core.http.TokenProvider;
import org.runops.oms.internal.Pager;

/**
 * Client of one OMS aggregation-API instance. Retries, timeouts, redirects (never followed) and the
 * bearer token are the shared {@link HttpFetcher}'s job; this class builds queries, pages them with a
 * bounded pool of named daemon threads and parses the pages.
 *
 * <pre>{@code
 * try (OmsClient oms = OmsClient.builder().instance(OmsInstance.PRODUCTION)
 *         .credentialsFromEnvironment(System::getenv, Clock.systemUTC()).build()) {
 *     List<OmsRecord> runs = oms.query("runs").filter("run_number", Op.GE, 377254)
 *             .filter("run_number", Op.LE, 377296).sort("run_number", true).fetchAll();
 * }
 * }</pre>
 */
public final class OmsClient implements AutoCloseable {
    /** Environment variables holding the SSO application's client id and secret. */
    public static final String CLIENT_ID_ENV = "RUNOPS_OMS_CLIENT_ID";
    public static final String CLIENT_SECRET_ENV = "RUNOPS_OMS_CLIENT_SECRET";
    public static final int DEFAULT_PAGE_SIZE = 1000;
    public static final int DEFAULT_PAGE_CONCURRENCY = 4;
    /** The longest one query may take, every page and retry included, unless the builder says otherwise. */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofMinutes(10);

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final HttpUrl baseUrl;
    private final HttpFetcher fetcher;
    private final boolean ownsFetcher;
    private final int pageSize;
    private final int pageConcurrency;
    private final Duration queryTimeout;
    private final ExecutorService executor;

    private OmsClient(Builder b, HttpFetcher fetcher, boolean ownsFetcher) {
        this.baseUrl = b.resolvedBaseUrl();
        this.fetcher = fetcher;
        this.ownsFetcher = ownsFetcher;
        this.pageSize = b.pageSize;
        this.pageConcurrency = b.pageConcurrency;
        this.queryTimeout = b.queryTimeout;
        this.executor = pagePool(b.pageConcurrency);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A new query of {@code resource} ({@code runs}, {@code fills}, {@code lumisections}, {@code runs/297050/lumisections}, ...). */
    public OmsQuery query(String resource) {
        return new OmsQuery(this, resource, pageSize);
    }

    /** The API root every query is relative to. */
    public HttpUrl baseUrl() {
        return baseUrl;
    }

    public int pageSize() {
        return pageSize;
    }

    public int pageConcurrency() {
        return pageConcurrency;
    }

    /**
     * The longest one query (or one {@link OmsRunCatalog} call, all its chunks together) may take, every page and
     * retry included.
     */
    public Duration queryTimeout() {
        return queryTimeout;
    }

    /** Fetches and parses one page; every failure becomes an {@link OmsException} naming {@code url}. */
    public OmsPage page(HttpUrl url) {
        return page(url, queryTimeout);
    }

    /** {@link #page(HttpUrl)} within {@code within} at the latest, retries included. */
    public OmsPage page(HttpUrl url, Duration within) {
        return page(url, within, new Cancellation());
    }

    private OmsPage page(HttpUrl url, Duration within, Cancellation cancellation) {
        byte[] body;
        try {
            body = fetcher.fetch(url, within, cancellation);
        } catch (HttpException e) {
            throw OmsException.http("OMS request failed", e);
        } catch (OmsException e) {
            throw e;
        } catch (RunopsException e) {
            throw new OmsException("OMS request " + url + " failed: " + e.getMessage(), url.toString(), 0, "", e);
        }
        if (HtmlPages.looksLikeHtml(body)) {
            throw new OmsException("OMS request " + url + " answered " + HtmlPages.describe(body), url.toString(), 200, "", null);
        }
        return OmsPage.parse(body, url.toString());
    }

    Pager.PageFetch pages() {
        return this::page;
    }

    ExecutorService executor() {
        return executor;
    }

    @Override
    public void close() {
        for (Runnable queued : executor.shutdownNow()) {
            if (queued instanceof Future<?> page) {
                page.cancel(false); // a query waiting for it fails now, naming itself, instead of at its deadline
            }
        }
        if (ownsFetcher) {
            fetcher.close();
        }
    }

    private static ExecutorService pagePool(int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                NamedThreads.daemon("oms-page-" + CLIENTS.incrementAndGet()));
        pool.allowCoreThreadTimeOut(true); // idle clients hold no threads
        return pool;
    }

    /** Configures an {@link OmsClient}; {@link #instance} or {@link #baseUrl} is required. */
    public static final class Builder {
        private HttpUrl baseUrl;
        private String audience;
        private OmsInstance instance;
        private HttpFetcher fetcher;
        private HttpSettings settings = HttpSettings.defaults();
        private TokenProvider tokens;
        private Function<String, String> env;
        private Clock clock;
        private int pageSize = DEFAULT_PAGE_SIZE;
        private int pageConcurrency = DEFAULT_PAGE_CONCURRENCY;
        private Duration queryTimeout = DEFAULT_QUERY_TIMEOUT;

        private Builder() {}

        /** Base URL and token audience of a known instance (each can still be overridden). */
        public Builder instance(OmsInstance instance) {
            this.instance = Objects.requireNonNull(instance, "instance");
            return this;
        }

        /** The API root, e.g. {@code https://cmsoms.cern.ch/agg/api/v1} (overrides the instance's). */
        public Builder baseUrl(HttpUrl url) {
            this.baseUrl = Objects.requireNonNull(url, "url");
            return this;
        }

        public Builder baseUrl(String url) {
            HttpUrl parsed = HttpUrl.parse(Objects.requireNonNull(url, "url"));
            if (parsed == null) {
                throw new IllegalArgumentException("not an http(s) URL: '" + url + "'");
            }
            return baseUrl(parsed);
        }

        /** The token audience for {@link #credentialsFromEnvironment} (overrides the instance's). */
        public Builder audience(String audience) {
            this.audience = Objects.requireNonNull(audience, "audience");
            return this;
        }

        /** Use this fetcher (its retries, timeouts and tokens); the client does not close it. */
        public Builder fetcher(HttpFetcher fetcher) {
            this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
            return this;
        }

        /** Timeouts, retries and trust store of the fetcher the client builds (ignored with {@link #fetcher}). */
        public Builder httpSettings(HttpSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** The bearer-token source of the fetcher the client builds; {@link TokenProvider#none()} by default. */
        public Builder tokens(TokenProvider tokens) {
            this.tokens = Objects.requireNonNull(tokens, "tokens");
            this.env = null;
            return this;
        }

        /**
         * SSO client credentials from {@value #CLIENT_ID_ENV} and {@value #CLIENT_SECRET_ENV} in {@code env},
         * for the audience of the instance (or {@link #audience}). Nothing is read for an instance that needs no token.
         */
        public Builder credentialsFromEnvironment(Function<String, String> env, Clock clock) {
            this.env = Objects.requireNonNull(env, "env");
            this.clock = Objects.requireNonNull(clock, "clock");
            this.tokens = null;
            return this;
        }

        public Builder pageSize(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("page size must be at least 1: " + rows);
            }
            this.pageSize = rows;
            return this;
        }

        /**
         * The longest one query (or one {@link OmsRunCatalog} call, all its chunks) may take, every page and retry
         * included (default 10 min).
         */
        public Builder queryTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("query timeout must be positive: " + timeout);
            }
            this.queryTimeout = timeout;
            return this;
        }

        /** Pages fetched at once after the first (bounded pool of named daemon threads). */
        public Builder pageConcurrency(int threads) {
            if (threads < 1 || threads > 64) {
                throw new IllegalArgumentException("page concurrency must be 1..64: " + threads);
            }
            this.pageConcurrency = threads;
            return this;
        }

        public OmsClient build() {
            if (resolvedBaseUrl() == null) {
                throw new IllegalStateException("OmsClient needs an instance or a base URL");
            }
            if (fetcher != null) {
                return new OmsClient(this, fetcher, false);
            }
            OAuthClientCredentials credentials = credentials();
            // one client for the token endpoint and OMS, so close() shuts both down; TLS only when one of them needs it
            boolean tls = resolvedBaseUrl().isHttps() || settings.trustStore() != null
                    || credentials != null && credentials.tokenEndpoint().isHttps();
            OkHttpClient client = tls ? HttpClients.create(settings) : HttpClients.cleartext(settings);
            TokenProvider provider = credentials != null ? TokenProvider.clientCredentials(credentials, client, clock)
                    : tokens != null ? tokens : TokenProvider.none();
            HttpFetcher owned = new HttpFetcher(client, provider, settings.retry(), Sleeper.system(), HttpFetcher.jitter());
            return new OmsClient(this, owned, true);
        }

        private HttpUrl resolvedBaseUrl() {
            return baseUrl != null ? baseUrl : instance != null ? instance.baseUrl() : null;
        }

        private String resolvedAudience() {
            return audience != null ? audience : instance != null ? instance.audience() : null;
        }

        /** The client credentials from the environment, or null when none are asked for or the instance needs none. */
        private OAuthClientCredentials credentials() {
            String audience = resolvedAudience();
            if (env == null || audience == null) { // P5, or a base URL of an instance that needs no token
                return null;
            }
            try {
                return OAuthClientCredentials.fromEnvironment(env, CLIENT_ID_ENV, CLIENT_SECRET_ENV, audience);
            } catch (RunopsException e) {
                throw new OmsException(e.getMessage() + ": OMS at " + resolvedBaseUrl() + " needs CERN SSO client credentials"
                        + " (audience " + audience + ") in " + CLIENT_ID_ENV + " and " + CLIENT_SECRET_ENV
                        + "; the P5 instance needs none", e);
            }
        }
    }
}
