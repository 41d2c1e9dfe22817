package org.runops.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {
    private static final RetryPolicy FOUR = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8),
            Duration.ofSeconds(60), Duration.ZERO);

    private MockWebServer server;
    private OkHttpClient client;
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
        client = HttpClients.create(HttpSettings.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(30)));
    }

    @AfterEach
    void stop() {
        server.close();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    private HttpFetcher fetcher(TokenProvider tokens, RetryPolicy retry) {
        return new HttpFetcher(client, tokens, retry, sleeper, new SplittableRandom(42));
    }

    private static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200).body(body).build();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void returnsTheBodyAndSendsNoAuthorizationWithoutTokens() throws Exception {
        server.enqueue(ok("[1,2,3]"));

        assertThat(text(fetcher(TokenProvider.none(), FOUR).fetch(server.url("/runs")))).isEqualTo("[1,2,3]");

        RecordedRequest r = server.takeRequest();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getHeaders().get("Authorization")).isNull();
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void theSharedJitterSpreadsWaitsOverTheWholeHalfFromManyThreads() throws InterruptedException {
        RetryPolicy p = RetryPolicy.defaults();
        RandomGenerator jitter = HttpFetcher.jitter(); // one instance, as a fetcher shares it between page threads
        Set<Long> waits = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    waits.add(p.backoff(2, jitter).toMillis());
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(waits).allSatisfy(ms -> assertThat(ms).isBetween(500L, 1000L));
        assertThat(waits).hasSizeGreaterThan(100); // random, not one value per thread
        assertThatThrownBy(() -> jitter.nextLong(0)).isInstanceOf(IllegalArgumentException.class); // the bound contract
    }

    @Test
    void aCancellationStopsTheLiveRequestAtOnceAndStartsNoRetry() throws Exception {
        // the answer would come after the read timeout: only Call.cancel ends the wait sooner (an interrupt does not)
        server.enqueue(new MockResponse.Builder().code(200).body("late").headersDelay(60, TimeUnit.SECONDS).build());
        HttpFetcher f = fetcher(TokenProvider.none(), FOUR);
        Cancellation cancellation = new Cancellation();
        CompletableFuture<byte[]> fetched = CompletableFuture.supplyAsync(() -> f.fetch(server.url("/runs"), Duration.ZERO, cancellation));
        assertThat(server.takeRequest(10, TimeUnit.SECONDS)).isNotNull(); // the request is live

        cancellation.cancel();

        assertThatThrownBy(() -> fetched.get(30, TimeUnit.SECONDS)).cause().isInstanceOf(HttpException.class)
                .hasMessageContaining("cancelled");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void aCleartextClientFetchesHttpWithTheSameRetries() {
        server.enqueue(new MockResponse.Builder().code(503).body("busy").build());
        server.enqueue(ok("[4]"));
        OkHttpClient cleartext = HttpClients.cleartext(HttpSettings.defaults());
        try (HttpFetcher f = new HttpFetcher(cleartext, TokenProvider.none(), FOUR, sleeper, HttpFetcher.jitter())) {
            assertThat(text(f.fetch(server.url("/runs")))).isEqualTo("[4]");
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(sleeper.waits).hasSize(1);
    }

    @Test
    void sendsTheBearerToken() throws Exception {
        server.enqueue(ok("{}"));

        fetcher(TokenProvider.fixed("abc"), FOUR).fetch(server.url("/runs"));

        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer abc");
    }

    @Test
    void serverErrorThenSuccessIsRetriedAfterABackoff() {
        server.enqueue(new MockResponse.Builder().code(500).body("oops").build());
        server.enqueue(ok("fine"));

        assertThat(text(fetcher(TokenProvider.none(), FOUR).fetch(server.url("/x")))).isEqualTo("fine");

        assertThat(server.getRequestCount()).isEqualTo(2);
        // equal jitter: between half and all of the 500 ms initial backoff
        assertThat(sleeper.waits).singleElement()
                .satisfies(d -> assertThat(d).isBetween(Duration.ofMillis(250), Duration.ofMillis(500)));
    }

    @Test
    void persistentServerErrorsEndInAnErrorNamingStatusUrlBodyAndAttempts() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(503).body("<html>maintenance</html>").build());
        }
        HttpUrl url = server.url("/agg/api/v1/runs?page[limit]=10");

        assertThatThrownBy(() -> fetcher(TokenProvider.none(), FOUR).fetch(url))
                .isInstanceOfSatisfying(HttpException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.isAuthentication()).isFalse();
                    assertThat(e.bodyExcerpt()).isEqualTo("<html>maintenance</html>");
                    assertThat(e.getMessage()).startsWith("GET " + url + " → 503")
                            .contains("after 4 attempts").contains("maintenance");
                });
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(sleeper.waits).hasSize(3);
        // backoff doubles: 500, 1000, 2000 ms before jitter
        assertThat(sleeper.waits.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(sleeper.waits.get(2)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
    }

    @Test
    void tooManyRequestsWaitsTheRetryAfterSeconds() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());
        server.enqueue(ok("done"));

        assertThat(text(fetcher(TokenProvider.none(), FOUR).fetch(server.url("/x")))).isEqualTo("done");

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterAsAnHttpDateIsMeasuredFromTheServersDate() {
        Instant serverNow = Instant.parse("2026-12-02T04:00:00Z");
        DateTimeFormatter http = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
        server.enqueue(new MockResponse.Builder().code(503)
                .setHeader("Date", http.format(serverNow))
                .addHeader("Retry-After", http.format(serverNow.plusSeconds(12))).build());
        server.enqueue(ok("done"));

        fetcher(TokenProvider.none(), FOUR).fetch(server.url("/x"));

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void anUnreadableRetryAfterFallsBackToTheBackoff() {
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "soon").build());
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "99999999999999999999999").build());
        server.enqueue(ok("done"));

        fetcher(TokenProvider.none(), FOUR).fetch(server.url("/x"));

        assertThat(sleeper.waits).hasSize(2);
        assertThat(sleeper.waits.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(sleeper.waits.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void retryAfterIsCapped() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "86400").build());
        server.enqueue(ok("done"));

        fetcher(TokenProvider.none(), FOUR).fetch(server.url("/x"));

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(60));
    }

    @Test
    void clientErrorsAreNotRetried() {
        server.enqueue(new MockResponse.Builder().code(404).body("no such run").build());

        assertThatThrownBy(() -> fetcher(TokenProvider.none(), FOUR).fetch(server.url("/runs/1")))
                .isInstanceOfSatisfying(HttpException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.isAuthentication()).isFalse();
                    assertThat(e.getMessage()).doesNotContain("attempts").contains("no such run");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void forbiddenIsAnAuthenticationErrorWithoutRetry() {
        server.enqueue(new MockResponse.Builder().code(403).body("not in oms-api-access").build());

        assertThatThrownBy(() -> fetcher(TokenProvider.fixed("t"), FOUR).fetch(server.url("/runs")))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.isAuthentication()).isTrue());
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRedirectIsNotFollowedButReportedAsAuthentication() {
        server.enqueue(new MockResponse.Builder().code(302)
                .addHeader("Location", "https://auth.cern.ch/auth/realms/cern/protocol/openid-connect/auth"
                        + "?client_id=cmsoms&state=st4te-value&code=c0de-value&session_state=s3ss").build());
        server.enqueue(ok("login page"));

        assertThatThrownBy(() -> fetcher(TokenProvider.none(), FOUR).fetch(server.url("/runs")))
                .isInstanceOfSatisfying(HttpException.class, e -> {
                    assertThat(e.status()).isEqualTo(302);
                    assertThat(e.isAuthentication()).isTrue();
                    assertThat(e.getMessage()).contains("redirected to https://auth.cern.ch/")
                            .contains("http/https is wrong").contains("client_id=cmsoms")
                            .doesNotContain("st4te-value", "c0de-value", "s3ss");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void unauthorizedWithoutTokensIsAnAuthenticationError() {
        server.enqueue(new MockResponse.Builder().code(401).build());

        assertThatThrownBy(() -> fetcher(TokenProvider.none(), FOUR).fetch(server.url("/runs")))
                .isInstanceOfSatisfying(HttpException.class, e -> {
                    assertThat(e.isAuthentication()).isTrue();
                    assertThat(e.getMessage()).contains("no token provider");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void refusedConnectionsAreRetriedThenReportedWithStatusZero() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        HttpUrl closed = new HttpUrl.Builder().scheme("http").host("127.0.0.1").port(port).addPathSegment("x").build();

        assertThatThrownBy(() -> fetcher(TokenProvider.none(), FOUR).fetch(closed))
                .isInstanceOfSatisfying(HttpException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.getMessage()).contains(closed.toString()).contains("no answer")
                            .contains("after 4 attempts");
                    assertThat(e.getCause()).isInstanceOf(IOException.class);
                });
        assertThat(sleeper.waits).hasSize(3);
    }

    @Test
    void aSlowBodyHitsTheReadTimeoutAndIsRetried() {
        OkHttpClient impatient = client.newBuilder().readTimeout(Duration.ofMillis(200)).build();
        server.enqueue(new MockResponse.Builder().code(200).body("x".repeat(64))
                .throttleBody(1, 1, TimeUnit.SECONDS).build());
        server.enqueue(ok("quick"));
        HttpFetcher fetcher = new HttpFetcher(impatient, TokenProvider.none(), FOUR, sleeper, new SplittableRandom(1));

        assertThat(text(fetcher.fetch(server.url("/slow")))).isEqualTo("quick");
        assertThat(sleeper.waits).hasSize(1);
    }

    @Test
    void aSlowBodyOnEveryAttemptEndsInATimeoutError() {
        OkHttpClient impatient = client.newBuilder().readTimeout(Duration.ofMillis(200)).build();
        for (int i = 0; i < 2; i++) {
            server.enqueue(new MockResponse.Builder().code(200).body("x".repeat(64))
                    .bodyDelay(2, TimeUnit.SECONDS).build());
        }
        RetryPolicy two = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ZERO, Duration.ZERO);
        HttpFetcher fetcher = new HttpFetcher(impatient, TokenProvider.none(), two, sleeper, new SplittableRandom(1));

        assertThatThrownBy(() -> fetcher.fetch(server.url("/slow")))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.getMessage())
                        .contains("body cut off").contains("SocketTimeoutException").contains("after 2 attempts"));
    }

    @Test
    void aBodyThatDripsInOnEveryAttemptFailsWithinTheFetchBoundNotAfterEveryCallTimeout() {
        // each attempt would run into its 2 s call timeout: 4 attempts took 8 s before the bound existed
        OkHttpClient patient = client.newBuilder().callTimeout(Duration.ofSeconds(2)).build();
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(200).body("x".repeat(64)).throttleBody(1, 100, TimeUnit.MILLISECONDS).build());
        }
        RetryPolicy bounded = new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ZERO, Duration.ofMillis(900));
        HttpFetcher fetcher = new HttpFetcher(patient, TokenProvider.none(), bounded, sleeper, new SplittableRandom(1));

        long started = System.nanoTime();
        assertThatThrownBy(() -> fetcher.fetch(server.url("/drip")))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.getMessage())
                        .contains("/drip").contains("no time left").contains("0.9 s"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1800));
    }

    @Test
    void noRetryIsStartedThatCouldNotFinishInTime() {
        server.enqueue(new MockResponse.Builder().code(503).body("busy").setHeader("Retry-After", "30").build());
        server.enqueue(ok("too late"));
        long[] now = {0};
        Sleeper advancing = d -> now[0] += d.toNanos();
        RetryPolicy bounded = FOUR.withGiveUpAfter(Duration.ofSeconds(20));
        HttpFetcher fetcher = new HttpFetcher(client, TokenProvider.none(), bounded, advancing, new SplittableRandom(1), () -> now[0]);

        assertThatThrownBy(() -> fetcher.fetch(server.url("/busy")))
                .isInstanceOfSatisfying(HttpException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.getMessage()).contains("after 1 attempt;").contains("20.0 s");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aCallerDeadlineTighterThanThePolicyWins() {
        server.enqueue(new MockResponse.Builder().code(200).body("late").bodyDelay(3, TimeUnit.SECONDS).build());
        HttpFetcher fetcher = fetcher(TokenProvider.none(), RetryPolicy.none().withGiveUpAfter(Duration.ofMinutes(1)));

        long started = System.nanoTime();
        assertThatThrownBy(() -> fetcher.fetch(server.url("/late"), Duration.ofMillis(300))).isInstanceOf(HttpException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void fetchAnswerKeepsTheTwoHundredStatusAndWithRetryNoneSendsOnce() {
        server.enqueue(new MockResponse.Builder().code(202).body("{\"progress\": 0.5}").build());
        HttpFetcher fetcher = fetcher(TokenProvider.none(), FOUR);
        HttpFetcher.Answer answer = fetcher.fetchAnswer(new Request.Builder().url(server.url("/job")).build(), Duration.ZERO);
        assertThat(answer.status()).isEqualTo(202);
        assertThat(text(answer.body())).isEqualTo("{\"progress\": 0.5}");

        server.enqueue(new MockResponse.Builder().code(503).body("busy").build());
        server.enqueue(ok("second"));
        assertThatThrownBy(() -> fetcher.withRetry(RetryPolicy.none()).fetch(server.url("/create")))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void aBodyOfUnknownLengthIsReadWhole() {
        String body = "z".repeat(200_000);
        server.enqueue(new MockResponse.Builder().code(200).chunkedBody(body, 4096).build()); // no Content-Length

        assertThat(text(fetcher(TokenProvider.none(), FOUR).fetch(server.url("/chunked")))).isEqualTo(body);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aKnownLengthAboveThePresizeCapIsReadWhole() {
        String body = "k".repeat((17 << 20) + 3); // over 16 MiB: not given one array up front, grown as it comes
        server.enqueue(ok(body));

        assertThat(fetcher(TokenProvider.none(), FOUR).fetch(server.url("/big"))).hasSize(body.length());
    }

    @Test
    void aTruncatedBodyIsRetried() {
        server.enqueue(new MockResponse.Builder().code(200).body("y".repeat(100_000))
                .onResponseBody(new SocketEffect.CloseSocket()).build());
        server.enqueue(ok("whole"));

        assertThat(text(fetcher(TokenProvider.none(), FOUR).fetch(server.url("/big")))).isEqualTo("whole");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(sleeper.waits).hasSize(1);
    }

    @Test
    void interruptStopsAtOnceAndKeepsTheFlag() {
        server.enqueue(new MockResponse.Builder().code(500).build());
        Sleeper interrupting = d -> {
            throw new InterruptedException("stop");
        };
        HttpFetcher fetcher = new HttpFetcher(client, TokenProvider.none(), FOUR, interrupting, new SplittableRandom(1));
        try {
            assertThatThrownBy(() -> fetcher.fetch(server.url("/x")))
                    .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.getMessage()).contains("interrupted"));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(server.getRequestCount()).isEqualTo(1);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void secretQueryValuesAreRedactedInErrors() {
        server.enqueue(new MockResponse.Builder().code(400).body("{\"access_token\":\"leaked\"}").build());
        HttpUrl url = server.url("/q").newBuilder().addQueryParameter("run", "297050")
                .addQueryParameter("client_secret", "s3cr3t").addQueryParameter("access_token", "tok").build();

        assertThatThrownBy(() -> fetcher(TokenProvider.none(), FOUR).fetch(url))
                .isInstanceOfSatisfying(HttpException.class, e -> {
                    assertThat(e.getMessage()).contains("run=297050").doesNotContain("s3cr3t").doesNotContain("=tok")
                            .doesNotContain("leaked");
                    assertThat(e.url()).contains("client_secret=***").contains("access_token=***");
                });
    }

    @Test
    void aLongBodyIsCutInTheMessage() {
        server.enqueue(new MockResponse.Builder().code(400).body("e".repeat(5000)).build());

        assertThatThrownBy(() -> fetcher(TokenProvider.none(), FOUR).fetch(server.url("/q")))
                .isInstanceOfSatisfying(HttpException.class,
                        e -> assertThat(e.bodyExcerpt()).hasSize(Redaction.MAX_EXCERPT).endsWith("…"));
    }

    @Test
    void anAlreadyInterruptedThreadSendsNothing() {
        server.enqueue(ok("never fetched"));
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> fetcher(TokenProvider.none(), FOUR).fetch(server.url("/x")))
                    .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isZero());
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aRequestWithItsOwnAuthorizationKeepsIt() throws Exception {
        server.enqueue(ok("{}"));
        Request request = new Request.Builder().url(server.url("/x"))
                .header("Authorization", "Basic abc").build();

        fetcher(TokenProvider.fixed("ignored"), FOUR).fetch(request);

        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Basic abc");
    }

    @Test
    void answersCompareByStatusAndBytes() {
        HttpFetcher.Answer a = new HttpFetcher.Answer(202, "{\"progress\": 0.4}".getBytes(StandardCharsets.UTF_8));
        HttpFetcher.Answer same = new HttpFetcher.Answer(202, "{\"progress\": 0.4}".getBytes(StandardCharsets.UTF_8));
        assertThat(a).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(a).isNotEqualTo(new HttpFetcher.Answer(200, same.body()));
        assertThat(a.toString()).isEqualTo("Answer[status=202, 17 bytes]");
    }
}
