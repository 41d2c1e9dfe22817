package org.runops.runregistry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.runops.core.RunopsException;
import org.runops.core.http.HttpClients;
import org.runops.core.http.HttpFetcher;
import org.runops.core.http.HttpSettings;
import org.runops.core.http.OAuthClientCredentials;
import org.runops.core.http.Sleeper;
import org.runops.core.http.TokenProvider;
import org.runops.runregistry.internal.JsonPortal;
import org.runops.runregistry.internal.RrHttp;
import org.runops.runregistry.internal.RrJson;
import org.runops.runregistry.internal.RrPager;
import org.runops.runregistry.internal.RrRecords;

/**
 * Client of one Run Registry v4 deployment. Retries, timeouts, redirects (never followed) and the bearer token
 * (CERN SSO client credentials, cached until shortly before expiry and renewed once after a 401 — the Python client
 * asks for a new token on every page) are the shared {@link HttpFetcher}'s job; this class pages strictly, parses
 * the records and polls the JSON portal.
 *
 * <pre>{@code
 * try (RunRegistryClient rr = RunRegistryClient.builder().instance(RrInstance.PROD)
 *         .credentialsFromEnvironment(System::getenv).build()) {
 *     List<RrDataset> prompt = rr.datasets(RrFilter.and(RrFilter.runRange(355100, 355200),
 *             RrFilter.name(RrFilter.Op.LIKE, "/PromptReco/%"), RrFilter.parse("tracker-strip: GOOD")));
 *     List<LumiRange> ranges = rr.lumisectionRanges(355100, "/PromptReco/Collisions2022/DQM");
 * }
 * }</pre>
 */
public final class RunRegistryClient implements AutoCloseable {
    /** Environment variables holding the SSO application's client id and secret. */
    public static final String CLIENT_ID_ENV = "RUNOPS_RR_CLIENT_ID";
    public static final String CLIENT_SECRET_ENV = "RUNOPS_RR_CLIENT_SECRET";
    /** Records per page (the Python client's). */
    public static final int DEFAULT_PAGE_SIZE = 50;
    /** The Python client refuses more than this without a filter. */
    public static final int DEFAULT_MAX_ROWS_WITHOUT_FILTER = 20_000;
    /** The longest one paged query may take, every page and retry included. */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofMinutes(10);
    /** The longest one single request (names, lumisections) may take, retries included. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(3);

    private final HttpUrl baseUrl;
    private final HttpFetcher fetcher;
    private final boolean ownsFetcher;
    private final RrHttp http;
    private final RrPager pager;
    private final JsonPortal portal;

    private RunRegistryClient(Builder b, HttpFetcher fetcher, boolean ownsFetcher, String audience) {
        this.baseUrl = b.resolvedBaseUrl();
        this.fetcher = fetcher;
        this.ownsFetcher = ownsFetcher;
        this.http = new RrHttp(baseUrl, fetcher, audience);
        this.pager = new RrPager(http, b.pageSize, b.maxRowsWithoutFilter, b.clock, b.queryTimeout);
        this.portal = new JsonPortal(http, b.clock, b.sleeper);
    }

    public static Builder builder() {
        return new Builder();
    }

    public HttpUrl baseUrl() {
        return baseUrl;
    }

    /** Every run matching {@code filter}, in the server's default order (run number descending). */
    public List<RrRun> runs(RrFilter filter) {
        return runs(filter, List.of(), PageProgress.NONE);
    }

    /** Every run matching {@code filter}, sorted by {@code sort}; {@code progress} gets (pages done, pages). */
    public List<RrRun> runs(RrFilter filter, List<RrSort> sort, PageProgress progress) {
        return pager.fetchAll("runs_filtered_ordered", "runs", filter, List.copyOf(sort), RrRecords::run,
                r -> "run " + r.run(), progress);
    }

    /** Every dataset matching {@code filter}, in the server's default order (run descending, then name). */
    public List<RrDataset> datasets(RrFilter filter) {
        return datasets(filter, List.of(), PageProgress.NONE);
    }

    /** Every dataset matching {@code filter}, sorted by {@code sort}; {@code progress} gets (pages done, pages). */
    public List<RrDataset> datasets(RrFilter filter, List<RrSort> sort, PageProgress progress) {
        return pager.fetchAll("datasets_filtered_ordered", "datasets", filter, List.copyOf(sort), RrRecords::dataset,
                d -> "run " + d.run() + " dataset " + d.name(), progress);
    }

    /** The Run Registry dataset names of {@code run} ({@code online}, {@code /PromptReco/Collisions2022/DQM}, ...). */
    public List<String> datasetNames(long run) {
        requireRun(run);
        String path = "get_all_dataset_names_of_run/" + run;
        return RrRecords.names(http.json(http.get(path, REQUEST_TIMEOUT), path), "Run Registry " + http.url(path));
    }

    /** The flags of every lumisection of {@code run} in {@code dataset} ({@code online} for the online one); element i is LS i+1. */
    public List<LumiFlags> lumisections(long run, String dataset) {
        String path = "lumisections/rr_lumisections";
        return RrRecords.lumisections(http.json(http.post(path, lumiRequest(run, dataset), REQUEST_TIMEOUT), path),
                "Run Registry " + http.url(path) + " run " + run + " " + dataset);
    }

    /** The flags of {@code run} in {@code dataset} as ranges over which no column's flag changes (1-based, inclusive). */
    public List<LumiRange> lumisectionRanges(long run, String dataset) {
        String path = "lumisections/rr_lumisection_ranges";
        return RrRecords.ranges(http.json(http.post(path, lumiRequest(run, dataset), REQUEST_TIMEOUT), path),
                "Run Registry " + http.url(path) + " run " + run + " " + dataset);
    }

    /**
     * A golden JSON from the JSON portal: {@code jsonLogic} (a json-logic object over {@code run.oms.*}, {@code run.rr.*},
     * {@code dataset.*}, {@code lumisection.oms.<flag>}, {@code lumisection.rr.<ws-col>}) applied to the datasets whose
     * name matches {@code datasetNameFilter} (SQL SIMILAR TO: {@code _} is one character, {@code %} any). Submitted once,
     * then polled every {@code options.pollInterval()} until done, failed (500) or past {@code options.deadline()}.
     */
    public GoldenJson generateJson(String jsonLogic, String datasetNameFilter, JsonPortalOptions options, Consumer<JobProgress> progress) {
        return portal.generate(jsonLogic, datasetNameFilter, Objects.requireNonNull(options, "options"),
                Objects.requireNonNull(progress, "progress"));
    }

    @Override
    public void close() {
        if (ownsFetcher) {
            fetcher.close();
        }
    }

    /** Told (pages done, pages) after every page of a paged query. */
    @FunctionalInterface
    public interface PageProgress {
        PageProgress NONE = (done, pages) -> { };

        void pageDone(long done, long pages);
    }

    private static ObjectNode lumiRequest(long run, String dataset) {
        requireRun(run);
        Objects.requireNonNull(dataset, "dataset");
        if (dataset.isBlank()) {
            throw new IllegalArgumentException("dataset name must not be blank (use \"online\" for the online dataset)");
        }
        ObjectNode body = RrJson.MAPPER.createObjectNode();
        body.put("run_number", run);
        body.put("dataset_name", dataset);
        return body;
    }

    private static void requireRun(long run) {
        if (run <= 0) {
            throw new IllegalArgumentException("run number must be positive, got " + run);
        }
    }

    /** Configures a {@link RunRegistryClient}; {@link #instance} or {@link #baseUrl} is required. */
    public static final class Builder {
        private RrInstance instance;
        private HttpUrl baseUrl;
        private String audience;
        private HttpFetcher fetcher;
        private HttpSettings settings = HttpSettings.defaults();
        private TokenProvider tokens;
        private OAuthClientCredentials credentials;
        private Function<String, String> env;
        private HttpUrl tokenEndpoint = OAuthClientCredentials.CERN_TOKEN_ENDPOINT;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private int pageSize = DEFAULT_PAGE_SIZE;
        private int maxRowsWithoutFilter = DEFAULT_MAX_ROWS_WITHOUT_FILTER;
        private Duration queryTimeout = DEFAULT_QUERY_TIMEOUT;

        private Builder() {}

        /** Base URL and token audience of a known deployment (each can still be overridden). */
        public Builder instance(RrInstance i) {
            this.instance = Objects.requireNonNull(i, "instance");
            return this;
        }

        /** The API root, e.g. {@code https://cmsrunregistry-qa.web.cern.ch/api/} (overrides the instance's). */
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

        /** The token audience (overrides the instance's; {@link RrInstance#OLD_AUDIENCE} for the pre-2024-07 proxy). */
        public Builder audience(String a) {
            this.audience = Objects.requireNonNull(a, "audience");
            return this;
        }

        /** Use this fetcher (its retries, timeouts and tokens: not with tokens or credentials); the client does not close it. */
        public Builder fetcher(HttpFetcher f) {
            this.fetcher = Objects.requireNonNull(f, "fetcher");
            return this;
        }

        /** Timeouts, retries and trust store of the fetcher the client builds (ignored with {@link #fetcher}). */
        public Builder httpSettings(HttpSettings s) {
            this.settings = Objects.requireNonNull(s, "settings");
            return this;
        }

        /** The bearer-token source; none by default (a local Run Registry needs none). */
        public Builder tokens(TokenProvider t) {
            this.tokens = Objects.requireNonNull(t, "tokens");
            this.credentials = null;
            this.env = null;
            return this;
        }

        /** Client credentials for the SSO api-access grant; their audience is used as given. */
        public Builder credentials(OAuthClientCredentials c) {
            this.credentials = Objects.requireNonNull(c, "credentials");
            this.tokens = null;
            this.env = null;
            return this;
        }

        /** Client id and secret from {@value #CLIENT_ID_ENV} and {@value #CLIENT_SECRET_ENV} in {@code environment}, for the resolved audience. */
        public Builder credentialsFromEnvironment(Function<String, String> environment) {
            this.env = Objects.requireNonNull(environment, "env");
            this.tokens = null;
            this.credentials = null;
            return this;
        }

        /** Where tokens are asked for (default: CERN SSO api-access). */
        public Builder tokenEndpoint(HttpUrl endpoint) {
            this.tokenEndpoint = Objects.requireNonNull(endpoint, "tokenEndpoint");
            return this;
        }

        /** Time for token expiry, query and JSON-portal deadlines (default: system UTC). */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /** How the JSON portal's poll interval is waited (default: the thread sleeps). */
        public Builder sleeper(Sleeper s) {
            this.sleeper = Objects.requireNonNull(s, "sleeper");
            return this;
        }

        public Builder pageSize(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("page size must be at least 1, got " + rows);
            }
            this.pageSize = rows;
            return this;
        }

        /** The most records a query without a filter may return (default 20,000, the Python client's guard). */
        public Builder maxRowsWithoutFilter(int rows) {
            if (rows < 0) {
                throw new IllegalArgumentException("maxRowsWithoutFilter must not be negative, got " + rows);
            }
            this.maxRowsWithoutFilter = rows;
            return this;
        }

        /** The longest one paged query may take, every page and retry included (default 10 min). */
        public Builder queryTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "queryTimeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("query timeout must be positive, got " + timeout);
            }
            this.queryTimeout = timeout;
            return this;
        }

        public RunRegistryClient build() {
            if (resolvedBaseUrl() == null) {
                throw new IllegalStateException("RunRegistryClient needs an instance or a base URL");
            }
            if (fetcher != null) {
                if (tokens != null || credentials != null || env != null) { // the fetcher's own tokens would be sent instead
                    throw new IllegalStateException("RunRegistryClient: a fetcher(...) brings its own tokens; do not combine it"
                            + " with tokens(...), credentials(...) or credentialsFromEnvironment(...)");
                }
                return new RunRegistryClient(this, fetcher, false, audience);
            }
            OAuthClientCredentials c = resolvedCredentials(); // may refuse: before any client exists
            // one client for the token endpoint and Run Registry, so close() shuts both down
            OkHttpClient client = HttpClients.create(settings);
            TokenProvider t = tokens != null ? tokens : c == null ? TokenProvider.none() : TokenProvider.clientCredentials(c, client, clock);
            HttpFetcher owned = new HttpFetcher(client, t, settings.retry(), Sleeper.system(), HttpFetcher.jitter());
            return new RunRegistryClient(this, owned, true, audienceSent());
        }

        private HttpUrl resolvedBaseUrl() {
            return baseUrl != null ? baseUrl : instance != null ? instance.baseUrl() : null;
        }

        private String resolvedAudience() {
            return audience != null ? audience : instance != null ? instance.audience() : null;
        }

        /** The audience tokens are asked for, for messages; null when the builder asks for none. */
        private String audienceSent() {
            return credentials != null ? credentials.audience() : env != null ? resolvedAudience() : null;
        }

        /** The credentials given or read from the environment; null when none are to be used. */
        private OAuthClientCredentials resolvedCredentials() {
            OAuthClientCredentials c = credentials;
            if (c == null && env != null) {
                String a = resolvedAudience();
                if (a == null) {
                    throw new RunRegistryException("Run Registry at " + resolvedBaseUrl() + " has no known token audience: give one with"
                            + " audience(...) (prod " + RrInstance.PROD.audience() + ", dev " + RrInstance.DEV.audience()
                            + ", before 2024-07 " + RrInstance.OLD_AUDIENCE + ")");
                }
                try {
                    c = OAuthClientCredentials.fromEnvironment(env, CLIENT_ID_ENV, CLIENT_SECRET_ENV, a).withTokenEndpoint(tokenEndpoint);
                } catch (RunopsException e) {
                    throw new RunRegistryException(e.getMessage() + ": Run Registry at " + resolvedBaseUrl() + " needs CERN SSO client"
                            + " credentials (audience " + a + ") in " + CLIENT_ID_ENV + " and " + CLIENT_SECRET_ENV, e);
                }
            }
            return c;
        }
    }
}
