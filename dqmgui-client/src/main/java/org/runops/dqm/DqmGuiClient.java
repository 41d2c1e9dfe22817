package org.runops.dqm;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import okhttp3.HttpUrl;
import org.runops.core.http.HttpClients;
import org.runops.core.http.HttpException;
import org.runops.core.http.HttpFetcher;
import org.runops.core.http.HttpSettings;
import org.runops.core.http.Sleeper;
import org.runops.core.http.TokenProvider;
import org.runops.core.refrun.Reconstruction;
import org.runops.dqm.internal.ArchiveUrls;
import org.runops.dqm.internal.SamplesParser;

/**
 * Client of the legacy CMS DQM GUI on cmsweb ({@link DqmInstance#OFFLINE}, {@link DqmInstance#ONLINE}, or a
 * custom base URL): histograms over {@code jsonfairy}, the datasets of a run, and the dataset of a (run,
 * reconstruction). cmsweb authenticates with an X.509 client certificate ({@link X509Credentials}); an extra
 * trust store (the CERN CAs) comes through {@link HttpSettings#withTrustStore}. Timeouts and retries are
 * core's ({@link HttpFetcher}, {@link HttpSettings#retry()}). Thread-safe; close it when done.
 *
 * <pre>{@code
 * try (DqmGuiClient gui = DqmGuiClient.builder().credentials(X509Credentials.discover(System::getenv, home).orElseThrow()).build()) {
 *     Optional<Histogram> h = gui.histogram(321012, "/StreamExpress/Run2018D-Express-v1/DQMIO",
 *             "Tracking/TrackParameters/generalTracks/GeneralProperties/TrackEtaPhi_ImpactPoint_GenTk");
 * }
 * }</pre>
 */
public final class DqmGuiClient implements ArchiveSource, AutoCloseable {
    private final DqmInstance instance;
    private final HttpUrl baseUrl;
    private final HttpFetcher fetcher;
    private final X509Credentials credentials;
    private final AtomicReference<HttpUrl> session = new AtomicReference<>();
    /** Set once data/json/samples answered 404 or not JSON: later listings go straight to the session API. */
    private final AtomicBoolean statelessUnserved = new AtomicBoolean();

    private DqmGuiClient(Builder b, HttpFetcher fetcher) {
        this.instance = b.instance;
        this.baseUrl = b.baseUrl != null ? b.baseUrl : b.instance.baseUrl();
        this.fetcher = fetcher;
        this.credentials = b.credentials;
    }

    public static Builder builder() {
        return new Builder();
    }

    public DqmInstance instance() {
        return instance;
    }

    public HttpUrl baseUrl() {
        return baseUrl;
    }

    /**
     * The histogram {@code mePath} of {@code run} in {@code dataset}, or empty when the GUI has no such
     * histogram ({@code {"hist": "unsupported type"}}: a missing ME or a folder).
     *
     * @param dataset {@code /P/W/T}; online {@link DqmInstance#ONLINE_DATASET}
     * @param mePath  the offline spelling is accepted online too (see {@link DqmInstance#mePath})
     */
    public Optional<Histogram> histogram(long run, String dataset, String mePath) {
        HttpUrl url = archiveUrl(run, dataset, mePath);
        return JsonFairy.parse(get(url), url.toString());
    }

    /** The raw jsonfairy body, checked to be a histogram; empty for "unsupported type". */
    @Override
    public Optional<byte[]> archiveJson(long run, String dataset, String mePath) {
        HttpUrl url = archiveUrl(run, dataset, mePath);
        byte[] body = get(url);
        return JsonFairy.parse(body, url.toString()).map(h -> body);
    }

    /** The URL {@link #histogram} asks. */
    public HttpUrl archiveUrl(long run, String dataset, String mePath) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(mePath, "mePath");
        String me;
        try {
            me = instance.mePath(mePath);
        } catch (IllegalArgumentException e) {
            throw new DqmException(e.getMessage(), e);
        }
        return ArchiveUrls.jsonfairy(baseUrl, run, dataset, me);
    }

    /**
     * The samples (run, dataset) the GUI holds for {@code run}: from the stateless {@code data/json/samples};
     * when that cannot be used (not served, not JSON), from the session API the GUI's web page uses.
     * Refused authentication is not retried through the session.
     */
    public List<DqmSample> datasets(long run) {
        if (statelessUnserved.get()) {
            return sessionSamples(run);
        }
        HttpUrl url = ArchiveUrls.samples(baseUrl, run);
        try {
            return SamplesParser.samples(get(url), run, url.toString());
        } catch (DqmException stateless) {
            if (stateless.getCause() instanceof HttpException h && HttpException.isAuthenticationStatus(h.status())) {
                throw stateless;
            }
            if (!(stateless.getCause() instanceof HttpException h) || h.status() == 404) {
                statelessUnserved.set(true); // not served here (404, or an answer that is not the samples JSON)
            }
            try {
                return sessionSamples(run);
            } catch (DqmException fallback) {
                DqmException e = new DqmException("cannot list the datasets of run " + run + ": " + stateless.getMessage()
                        + "; the session API fallback failed too: " + fallback.getMessage(), fallback);
                e.addSuppressed(stateless);
                throw e;
            }
        }
    }

    /** The distinct dataset names of {@link #datasets(long)}, in the GUI's order. */
    @Override
    public List<String> datasetNames(long run) {
        return DqmSample.datasetNames(datasets(run));
    }

    /** The dataset of {@code reco} for {@code run}, picked by dqmcrawlr's rules ({@link DatasetResolver}); empty when none fits. */
    public Optional<String> datasetFor(long run, Reconstruction reco) {
        return DatasetResolver.pick(reco, datasetNames(run));
    }

    @Override
    public void close() {
        fetcher.close();
    }

    /** The samples through the session API; a session the GUI forgot (restart, expiry) is replaced once. */
    private List<DqmSample> sessionSamples(long run) {
        HttpUrl path = sessionPath();
        try {
            return sessionSamples(path, run);
        } catch (DqmException e) {
            if (e.getCause() instanceof HttpException h && HttpException.isAuthenticationStatus(h.status())) {
                throw e;
            }
            session.compareAndSet(path, null);
            try {
                return sessionSamples(sessionPath(), run);
            } catch (DqmException again) {
                again.addSuppressed(e);
                throw again;
            }
        }
    }

    private List<DqmSample> sessionSamples(HttpUrl path, long run) {
        get(sessionCall(path, "chooseSample", "vary=run;order=dataset"));
        HttpUrl modify = sessionCall(path, "modify", "vary=any;order=dataset;pat=" + run);
        return SamplesParser.session(get(modify), run, modify.toString());
    }

    /** The session this client uses, opened from the GUI's landing page when there is none yet. */
    private HttpUrl sessionPath() {
        HttpUrl path = session.get();
        if (path == null) {
            String page = new String(get(baseUrl), StandardCharsets.UTF_8);
            String found = SamplesParser.sessionPath(page);
            if (found == null) {
                throw new DqmException(baseUrl + ": no session in the GUI's page (expected location.replace('…/session/<id>'))");
            }
            path = baseUrl.resolve(found);
            if (path == null) {
                throw new DqmException(baseUrl + ": session path '" + found + "' is not a URL path");
            }
            if (!session.compareAndSet(null, path)) {
                path = session.get() != null ? session.get() : path; // another thread opened one first
            }
        }
        return path;
    }

    private static HttpUrl sessionCall(HttpUrl session, String verb, String query) {
        return session.newBuilder().addPathSegment(verb).encodedQuery(query).build();
    }

    private byte[] get(HttpUrl url) {
        try {
            return fetcher.fetch(url);
        } catch (HttpException e) {
            throw new DqmException(describe(e), e);
        }
    }

    /** The fetch error in the GUI's terms: refusals name the certificate (or its absence). */
    private String describe(HttpException e) {
        String cert = credentials == null
                ? "no client certificate was configured (cmsweb needs one: usercert.pem/userkey.pem, a proxy or PKCS#12)"
                : "client certificate " + credentials.certificate().getSubjectX500Principal().getName() + " from " + credentials.source();
        if (HttpException.isAuthenticationStatus(e.status())) {
            return e.url() + ": the DQM GUI refused the request (HTTP " + e.status() + "); " + cert
                    + (credentials == null ? "" : " (is it registered with cmsweb for CMS, and not expired?)");
        }
        if (e.status() == 0 && credentials == null && e.url().startsWith("https:")) {
            return e.getMessage() + "; " + cert;
        }
        return e.getMessage();
    }

    /** Where the GUI is and how to reach it. */
    public static final class Builder {
        private DqmInstance instance = DqmInstance.OFFLINE;
        private HttpUrl baseUrl;
        private X509Credentials credentials;
        private HttpSettings settings = HttpSettings.defaults();
        private Path trustStore;
        private String trustStorePasswordEnv;
        private Function<String, String> env = System::getenv;
        private Sleeper sleeper = Sleeper.system();
        private Clock clock = Clock.systemUTC();
        private HttpFetcher fetcher;

        private Builder() {}

        /** Which GUI (default {@link DqmInstance#OFFLINE}); also decides the ME path spelling when a base URL is given. */
        public Builder instance(DqmInstance instance) {
            this.instance = Objects.requireNonNull(instance, "instance");
            return this;
        }

        /** A custom base URL ({@code …/dqm/offline/}) instead of the instance's. */
        public Builder baseUrl(HttpUrl url) {
            Objects.requireNonNull(url, "url");
            this.baseUrl = url.encodedPath().endsWith("/") ? url : url.newBuilder().addPathSegment("").build();
            return this;
        }

        public Builder baseUrl(String url) {
            HttpUrl parsed = HttpUrl.parse(url);
            if (parsed == null) {
                throw new DqmException("DQM GUI base URL '" + url + "' is not an http(s) URL");
            }
            return baseUrl(parsed);
        }

        /** The client certificate (none by default: cmsweb then refuses); an expired one is refused by {@link #build}. */
        public Builder credentials(X509Credentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /** Timeouts, retry policy and an extra trust store (the CERN CAs; its password from {@link #env}); {@link #trustStore}, in any order, takes precedence. */
        public Builder httpSettings(HttpSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** Adds {@code store} (PKCS12 or JKS; {@code passwordEnv} nullable) to the JDK's default trust. */
        public Builder trustStore(Path store, String passwordEnv) {
            this.trustStore = Objects.requireNonNull(store, "store");
            this.trustStorePasswordEnv = passwordEnv;
            return this;
        }

        /** Where environment variables are read (the trust store password); default the process environment. */
        public Builder env(Function<String, String> env) {
            this.env = Objects.requireNonNull(env, "env");
            return this;
        }

        /** The clock the certificate's validity is checked against when the client is built (default the system's). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How retries wait (tests pass one that does not sleep). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** A ready fetcher (its client carries any certificate); credentials and settings are then not used for TLS. */
        public Builder fetcher(HttpFetcher fetcher) {
            this.fetcher = fetcher;
            return this;
        }

        public DqmGuiClient build() {
            if (credentials != null) {
                credentials.checkValidity(clock);
            }
            if (fetcher != null) {
                return new DqmGuiClient(this, fetcher);
            }
            HttpSettings effective = trustStore == null ? settings : settings.withTrustStore(trustStore, trustStorePasswordEnv);
            HttpFetcher f = new HttpFetcher(
                    HttpClients.create(effective, env, credentials == null ? null : credentials.keyManager()),
                    TokenProvider.none(), effective.retry(), sleeper, HttpFetcher.jitter());
            return new DqmGuiClient(this, f);
        }
    }
}
