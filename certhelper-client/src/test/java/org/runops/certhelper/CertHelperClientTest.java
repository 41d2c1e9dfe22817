package org.runops.certhelper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.http.HttpClients;
import org.runops.core.http.HttpFetcher;
import org.runops.core.http.HttpSettings;
import org.runops.core.http.RetryPolicy;
import org.runops.core.http.TokenProvider;
import org.runops.core.refrun.Reconstruction;
import org.runops.core.refrun.RunReferencePair;

/** The client against a real HTTP server on loopback, with a real cache directory. */
class CertHelperClientTest {
    private static final Instant T0 = Instant.parse("2026-12-02T04:00:00Z");
    private static final String SMALL = "[{\"run_number\": 355100, \"run_reconstruction_type\": \"express\","
            + " \"reference_run_number\": 355000, \"reference_run_reconstruction_type\": \"express\","
            + " \"dataset\": \"/Express/Collisions2022/DQM\"},"
            + " {\"run_number\": 355101, \"run_reconstruction_type\": \"prompt\", \"reference_run_number\": 355001,"
            + " \"reference_run_reconstruction_type\": \"prompt\", \"dataset\": null}]";
    private static final String OTHER = "[{\"run_number\": 360000, \"reference_run_number\": 359000}]";

    @TempDir
    Path cacheDir;
    private MockWebServer server;
    private OkHttpClient http;
    private HttpFetcher fetcher;
    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
        // short timeouts: a test that forgot to enqueue an answer fails fast instead of waiting 30 s
        http = HttpClients.create(HttpSettings.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(10)));
        RetryPolicy twice = new RetryPolicy(2, Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ZERO);
        fetcher = new HttpFetcher(http, TokenProvider.none(), twice, waits::add, new SplittableRandom(5));
    }

    @AfterEach
    void stop() {
        server.close();
        fetcher.close();
    }

    private CertHelperClient client(Instant now, boolean allowStale) {
        CertHelperCache cache = new CertHelperCache(cacheDir, Duration.ofHours(24), Clock.fixed(now, ZoneOffset.UTC));
        return CertHelperClient.builder().baseUrl(server.url("/")).fetcher(fetcher).cache(cache).allowStale(allowStale).build();
    }

    private CertHelperClient client(Instant now) {
        return client(now, false);
    }

    private static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static MockResponse status(int code, String body) {
        return new MockResponse.Builder().code(code).body(body).build();
    }

    @Test
    void theRealDumpIsFetchedOnceAndThenServedFromTheCache() throws Exception {
        Path dump = RefrunData.march2024();
        byte[] bytes = Files.readAllBytes(dump);
        server.enqueue(ok(new String(bytes, StandardCharsets.UTF_8)));

        CertHelperSnapshot first = client(T0).snapshot(false);
        CertHelperSnapshot second = client(T0.plus(Duration.ofHours(23))).snapshot(false);

        assertThat(first.origin()).isEqualTo(CertHelperSnapshot.Origin.SERVER);
        assertThat(first.source()).isEqualTo(server.url("/certify/allRunsRefRuns/").toString());
        assertThat(first.pairs()).hasSize(10448).isEqualTo(CertHelperHistory.read(dump));
        assertThat(second.origin()).isEqualTo(CertHelperSnapshot.Origin.CACHE);
        assertThat(second.age()).isEqualTo(Duration.ofHours(23));
        assertThat(second.pairs()).isEqualTo(first.pairs());
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/certify/allRunsRefRuns/");
        assertThat(Files.readAllBytes(cacheDir.resolve(CertHelperCache.DUMP_FILE))).isEqualTo(bytes);
    }

    /** How often the dataset name alone gives the row's reconstruction, on the real dump (spec §3.1 rule). */
    @Test
    void datasetNamesAgreeWithTheRecordedReconstruction() {
        List<RunReferencePair> pairs = CertHelperHistory.read(RefrunData.march2024());
        long named = 0;
        long agree = 0;
        for (RunReferencePair p : pairs) {
            Reconstruction fromName = Reconstruction.fromDataset(p.dataset());
            if (fromName != Reconstruction.UNKNOWN) {
                named++;
                agree += fromName == Reconstruction.parse(p.reconstruction()) ? 1 : 0;
            }
        }
        assertThat(named).isGreaterThan(5000);
        assertThat((double) agree / named).isGreaterThan(0.99);
        assertThat(pairs).extracting(p -> Reconstruction.parse(p.reconstruction()))
                .doesNotContain(Reconstruction.UNKNOWN);
    }

    @Test
    void anExpiredCacheIsFetchedAgain() {
        server.enqueue(ok(SMALL));
        server.enqueue(ok(OTHER));

        assertThat(client(T0).allRunReferencePairs()).hasSize(2);
        List<RunReferencePair> later = client(T0.plus(Duration.ofHours(24))).allRunReferencePairs();

        assertThat(later).containsExactly(new RunReferencePair(360000, "", 359000, "", ""));
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(client(T0.plus(Duration.ofHours(25))).allRunReferencePairs()).isEqualTo(later);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void a404FallsBackToTheOldPath() throws Exception {
        server.enqueue(status(404, "<h1>Not Found</h1>"));
        server.enqueue(ok(SMALL));

        CertHelperSnapshot s = client(T0).snapshot(false);

        assertThat(s.pairs()).hasSize(2);
        assertThat(s.source()).endsWith("/mldatasets/allRunsRefRuns/");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/certify/allRunsRefRuns/");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/mldatasets/allRunsRefRuns/");
        assertThat(client(T0).snapshot(false).origin()).isEqualTo(CertHelperSnapshot.Origin.CACHE);
    }

    @Test
    void aFailedRefreshServesAFreshCache() {
        server.enqueue(ok(SMALL));
        client(T0).allRunReferencePairs();
        server.enqueue(status(500, "Internal Server Error"));
        server.enqueue(status(500, "Internal Server Error"));

        CertHelperSnapshot s = client(T0.plus(Duration.ofHours(1))).snapshot(true);

        assertThat(s.origin()).isEqualTo(CertHelperSnapshot.Origin.CACHE);
        assertThat(s.pairs()).hasSize(2);
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(waits).hasSize(1); // the 500 was retried once
    }

    @Test
    void serverDownWithAnExpiredCacheIsAnErrorNamingUrlFileAndAge() {
        server.enqueue(ok(SMALL));
        client(T0).allRunReferencePairs();
        server.enqueue(status(500, "Internal Server Error"));
        server.enqueue(status(500, "Internal Server Error"));

        assertThatThrownBy(() -> client(T0.plus(Duration.ofHours(30))).allRunReferencePairs())
                .isInstanceOf(CertHelperException.class)
                .hasMessageContaining(server.url("/certify/allRunsRefRuns/").toString())
                .hasMessageContaining(cacheDir.resolve(CertHelperCache.DUMP_FILE).toString())
                .hasMessageContaining("age 30h 0m").hasMessageContaining("500");
    }

    @Test
    void serverDownWithAnExpiredCacheServesTheStaleCopyWhenAllowed() {
        server.enqueue(ok(SMALL));
        client(T0).allRunReferencePairs();
        server.enqueue(status(503, "maintenance"));
        server.enqueue(status(503, "maintenance"));

        CertHelperSnapshot s = client(T0.plus(Duration.ofDays(3)), true).snapshot(false);

        assertThat(s.origin()).isEqualTo(CertHelperSnapshot.Origin.STALE_CACHE);
        assertThat(s.age()).isEqualTo(Duration.ofDays(3));
        assertThat(s.pairs()).hasSize(2);
    }

    @Test
    void garbageOrACutOffAnswerNeverReplacesAGoodCache() throws IOException {
        server.enqueue(ok(SMALL));
        client(T0).allRunReferencePairs();
        byte[] good = Files.readAllBytes(cacheDir.resolve(CertHelperCache.DUMP_FILE));
        Instant expired = T0.plus(Duration.ofDays(2));

        server.enqueue(ok("<html><body>Sign in with CERN SSO</body></html>"));
        assertThatThrownBy(() -> client(expired).allRunReferencePairs()).isInstanceOf(CertHelperException.class)
                .hasMessageContaining("an HTML page").hasMessageContaining("Sign in with CERN SSO");
        server.enqueue(ok(SMALL.substring(0, SMALL.length() / 2)));
        assertThatThrownBy(() -> client(expired).allRunReferencePairs()).isInstanceOf(CertHelperException.class)
                .hasMessageContaining("malformed JSON");
        server.enqueue(ok("[]"));
        assertThatThrownBy(() -> client(expired).allRunReferencePairs()).isInstanceOf(CertHelperException.class)
                .hasMessageContaining("empty list");

        assertThat(Files.readAllBytes(cacheDir.resolve(CertHelperCache.DUMP_FILE))).isEqualTo(good);
        server.enqueue(ok("[{\"run_number\": 1}]")); // a row without its reference: the whole answer is refused
        assertThat(client(expired, true).allRunReferencePairs()).hasSize(2);
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    /** A full disk or a read-only home must not cost the complete answer just received. */
    @Test
    void anUnwritableCacheStillServesTheServersAnswer() throws IOException {
        Path notADirectory = Files.writeString(cacheDir.resolve("blocked"), "a file where the cache directory should be");
        CertHelperCache cache = new CertHelperCache(notADirectory, Duration.ofHours(24), Clock.fixed(T0, ZoneOffset.UTC));
        server.enqueue(ok(SMALL));
        try (CertHelperClient c = CertHelperClient.builder().baseUrl(server.url("/")).fetcher(fetcher).cache(cache).build()) {
            CertHelperSnapshot s = c.snapshot(false);
            assertThat(s.origin()).isEqualTo(CertHelperSnapshot.Origin.SERVER);
            assertThat(s.pairs()).hasSize(2);
            assertThat(s.fetchedAt()).isEqualTo(T0);
        }
    }

    @Test
    void noCacheAndNoServerIsAnErrorNamingBoth() {
        server.enqueue(status(500, "down"));
        server.enqueue(status(500, "down"));

        assertThatThrownBy(() -> client(T0, true).allRunReferencePairs()).isInstanceOf(CertHelperException.class)
                .hasMessageContaining("/certify/allRunsRefRuns/").hasMessageContaining("no usable cache")
                .hasMessageContaining(cacheDir.toString());
    }

    @Test
    void aCorruptCacheFileIsIgnoredButKeptUntilAGoodFetchReplacesIt() throws IOException {
        server.enqueue(ok(SMALL));
        client(T0).allRunReferencePairs();
        Path dump = cacheDir.resolve(CertHelperCache.DUMP_FILE);
        Files.writeString(dump, SMALL.replace("355100", "355199")); // same size, other bytes

        server.enqueue(status(500, "down"));
        server.enqueue(status(500, "down"));
        assertThatThrownBy(() -> client(T0.plus(Duration.ofHours(1)), true).allRunReferencePairs())
                .isInstanceOf(CertHelperException.class).hasMessageContaining("no usable cache");
        assertThat(dump).exists();

        server.enqueue(ok(OTHER));
        assertThat(client(T0.plus(Duration.ofHours(2))).allRunReferencePairs()).hasSize(1);
        assertThat(dump).hasContent(OTHER);
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void aCacheThatDoesNotParseIsTreatedAsAbsent() throws IOException {
        CertHelperCache cache = new CertHelperCache(cacheDir, Duration.ofHours(24), Clock.fixed(T0, ZoneOffset.UTC));
        cache.write("{\"not\": \"a list\"}".getBytes(StandardCharsets.UTF_8), "http://old/");
        server.enqueue(ok(SMALL));

        CertHelperSnapshot s = client(T0).snapshot(false);

        assertThat(s.origin()).isEqualTo(CertHelperSnapshot.Origin.SERVER);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aCacheFromAnotherServerIsNotServed() {
        CertHelperCache cache = new CertHelperCache(cacheDir, Duration.ofHours(24), Clock.fixed(T0, ZoneOffset.UTC));
        cache.write(OTHER.getBytes(StandardCharsets.UTF_8), "https://certhelper.web.cern.ch/certify/allRunsRefRuns/");
        server.enqueue(ok(SMALL));

        CertHelperSnapshot s = client(T0).snapshot(false);

        assertThat(s.origin()).isEqualTo(CertHelperSnapshot.Origin.SERVER);
        assertThat(s.pairs()).hasSize(2);
        assertThat(cache.read().orElseThrow().url()).isEqualTo(server.url("/certify/allRunsRefRuns/").toString());
    }
}
