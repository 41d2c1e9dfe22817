package org.runops.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.runops.core.RunopsException;

class ClientCredentialsTokensTest {
    private MockWebServer server;
    private OkHttpClient client;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T04:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private OAuthClientCredentials credentials;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
        client = HttpClients.create(HttpSettings.defaults());
        credentials = new OAuthClientCredentials(server.url("/auth/realms/cern/api-access/token"), "runops-test",
                "s3cr3t-value", "cmsoms-prod", false);
    }

    @AfterEach
    void stop() {
        server.close();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    private static MockResponse token(String value, long expiresIn) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"access_token\":\"" + value + "\",\"expires_in\":" + expiresIn
                        + ",\"refresh_expires_in\":0,\"token_type\":\"Bearer\",\"not-before-policy\":0,\"scope\":\"profile email\"}")
                .build();
    }

    private static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200).body(body).build();
    }

    private TokenProvider tokens(OAuthClientCredentials c) {
        return TokenProvider.clientCredentials(c, client, clock);
    }

    private HttpFetcher api(TokenProvider tokens) {
        return new HttpFetcher(client, tokens, RetryPolicy.defaults(), sleeper, new SplittableRandom(3));
    }

    @Test
    void postsTheFormGrantAndCachesTheTokenUntilShortlyBeforeExpiry() throws Exception {
        server.enqueue(token("first", 1200));
        server.enqueue(token("second", 1200));
        TokenProvider tokens = tokens(credentials);

        assertThat(tokens.token()).isEqualTo("first");
        RecordedRequest r = server.takeRequest();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/auth/realms/cern/api-access/token");
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(r.getHeaders().get("Authorization")).isNull();
        assertThat(form(r.getBody().utf8())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "grant_type", "client_credentials", "client_id", "runops-test",
                "client_secret", "s3cr3t-value", "audience", "cmsoms-prod"));

        clock.advance(Duration.ofSeconds(1200 - 31));
        assertThat(tokens.token()).isEqualTo("first");
        assertThat(server.getRequestCount()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1)); // now = obtained + expires_in − 30 s
        assertThat(tokens.token()).isEqualTo("second");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void basicAuthSendsIdAndSecretInTheHeaderNotTheForm() throws Exception {
        server.enqueue(token("t", 600));

        tokens(credentials.withBasicAuth(true)).token();

        RecordedRequest r = server.takeRequest();
        assertThat(r.getHeaders().get("Authorization")).isEqualTo(Credentials.basic("runops-test", "s3cr3t-value"));
        assertThat(form(r.getBody().utf8())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "grant_type", "client_credentials", "audience", "cmsoms-prod"));
    }

    @Test
    void unauthorizedApiAnswerFetchesANewTokenAndRetriesOnce() throws Exception {
        server.enqueue(token("stale", 1200));
        server.enqueue(new MockResponse.Builder().code(401).build());
        server.enqueue(token("fresh", 1200));
        server.enqueue(ok("[\"runs\"]"));

        byte[] body = api(tokens(credentials)).fetch(server.url("/agg/api/v1/runs"));

        assertThat(new String(body)).isEqualTo("[\"runs\"]");
        server.takeRequest();
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer stale");
        server.takeRequest();
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer fresh");
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void unauthorizedTwiceIsAnAuthenticationError() {
        server.enqueue(token("tok-AAA", 1200));
        server.enqueue(new MockResponse.Builder().code(401).body("invalid token").build());
        server.enqueue(token("tok-BBB", 1200));
        server.enqueue(new MockResponse.Builder().code(401).body("invalid token").build());

        assertThatThrownBy(() -> api(tokens(credentials)).fetch(server.url("/agg/api/v1/runs")))
                .isInstanceOfSatisfying(HttpException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.isAuthentication()).isTrue();
                    assertThat(e.getMessage()).contains("/agg/api/v1/runs").contains("freshly fetched")
                            .doesNotContain("tok-AAA").doesNotContain("tok-BBB");
                });
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void aRefusingTokenEndpointIsAnAuthenticationErrorNamingEndpointAndClientButNotTheSecret() {
        server.enqueue(new MockResponse.Builder().code(401)
                .body("{\"error\":\"unauthorized_client\",\"error_description\":\"Invalid client secret\"}").build());
        TokenProvider tokens = tokens(credentials);

        assertThatThrownBy(tokens::token).isInstanceOfSatisfying(HttpException.class, e -> {
            assertThat(e.isAuthentication()).isTrue();
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.getMessage()).contains(credentials.tokenEndpoint().toString()).contains("runops-test")
                    .contains("cmsoms-prod").contains("Invalid client secret").doesNotContain("s3cr3t-value");
        });
    }

    @Test
    void anAnswerWithoutAccessTokenIsRefusedWithoutEchoingTheBody() {
        server.enqueue(ok("{\"acces_token\":\"typo-secret\",\"expires_in\":300}"));

        assertThatThrownBy(tokens(credentials)::token).isInstanceOfSatisfying(HttpException.class, e -> {
            assertThat(e.getMessage()).contains("no access_token").doesNotContain("typo-secret");
            assertThat(e.isAuthentication()).isTrue();
        });
    }

    @Test
    void garbageFromTheTokenEndpointIsAClearError() {
        server.enqueue(ok("<html>login</html>"));

        assertThatThrownBy(tokens(credentials)::token).isInstanceOfSatisfying(HttpException.class,
                e -> assertThat(e.getMessage()).contains("not valid JSON").contains("runops-test"));
    }

    @Test
    void aNonBearerTokenIsRefused() {
        server.enqueue(ok("{\"access_token\":\"x\",\"token_type\":\"mac\",\"expires_in\":300}"));

        assertThatThrownBy(tokens(credentials)::token).isInstanceOfSatisfying(HttpException.class,
                e -> assertThat(e.getMessage()).contains("mac token"));
    }

    @Test
    void credentialsComeFromTheEnvironmentAndNeverShowTheSecret() {
        Map<String, String> env = Map.of("OMS_CLIENT_ID", "my-app", "OMS_CLIENT_SECRET", "hush");

        OAuthClientCredentials c = OAuthClientCredentials.fromEnvironment(env::get, "OMS_CLIENT_ID", "OMS_CLIENT_SECRET",
                "cmsoms-prod");

        assertThat(c.tokenEndpoint()).isEqualTo(OAuthClientCredentials.CERN_TOKEN_ENDPOINT);
        assertThat(c.clientId()).isEqualTo("my-app");
        assertThat(c.clientSecret()).isEqualTo("hush");
        assertThat(c.toString()).contains("my-app").doesNotContain("hush");
        assertThat(TokenProvider.clientCredentials(c, client, clock).toString()).doesNotContain("hush");
        assertThat(TokenProvider.fixed("tok3n").toString()).doesNotContain("tok3n");
    }

    @Test
    void aMissingVariableIsNamed() {
        Map<String, String> env = Map.of("OMS_CLIENT_ID", "my-app");

        assertThatThrownBy(() -> OAuthClientCredentials.fromEnvironment(env::get, "OMS_CLIENT_ID", "OMS_CLIENT_SECRET",
                "cmsoms-prod")).isInstanceOf(RunopsException.class).hasMessageContaining("OMS_CLIENT_SECRET");
    }

    @Test
    void aFailingTokenEndpointIsRetriedThroughTheGivenFetcher() {
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "2").build());
        server.enqueue(token("after-retry", 600));
        HttpFetcher endpoint = new HttpFetcher(client, TokenProvider.none(), RetryPolicy.defaults(), sleeper,
                new SplittableRandom(9));

        assertThat(TokenProvider.clientCredentials(credentials, endpoint, clock).token()).isEqualTo("after-retry");
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void aTokenEndpointThatStaysDownIsNotAnAuthenticationError() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(502).body("Bad Gateway").build());
        }
        HttpFetcher endpoint = new HttpFetcher(client, TokenProvider.none(), RetryPolicy.defaults(), sleeper,
                new SplittableRandom(9));

        assertThatThrownBy(TokenProvider.clientCredentials(credentials, endpoint, clock)::token)
                .isInstanceOfSatisfying(HttpException.class, e -> {
                    assertThat(e.isAuthentication()).isFalse();
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.getMessage()).startsWith("POST " + credentials.tokenEndpoint() + " → 502: no token for client runops-test: Server Error (after 4 attempts); body: \"Bad Gateway\"")
                            .doesNotContain("s3cr3t-value");
                });
    }

    /** A fetcher that sends tokens of its own (another service's, or this very provider's) never sends them to the SSO. */
    @Test
    void theTokenEndpointNeverGetsTheFetchersOwnTokens() throws Exception {
        server.enqueue(token("from-sso", 600));
        HttpFetcher withTokens = new HttpFetcher(client, TokenProvider.fixed("other-service-token"), RetryPolicy.defaults(), sleeper,
                new SplittableRandom(9));

        assertThat(TokenProvider.clientCredentials(credentials, withTokens, clock).token()).isEqualTo("from-sso");
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isNull();
    }

    @Test
    void aBusyTokenEndpointIsNotReportedAsRefusedCredentials() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build());
        }
        assertThatThrownBy(tokens(credentials)::token).isInstanceOfSatisfying(HttpException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.isAuthentication()).isFalse();
            assertThat(e.getMessage()).doesNotContain("check the client id");
        });
    }

    @Test
    void aShortLivedTokenIsKeptForHalfItsLife() {
        server.enqueue(token("short", 20));
        server.enqueue(token("next", 20));
        TokenProvider tokens = tokens(credentials);

        assertThat(tokens.token()).isEqualTo("short");
        clock.advance(Duration.ofSeconds(9));
        assertThat(tokens.token()).isEqualTo("short");
        assertThat(server.getRequestCount()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.token()).isEqualTo("next");
    }

    /** Threads that all got a 401 with the expired token fetch one new token between them, not one each. */
    @Test
    void invalidatingAnOlderTokenKeepsTheNewOne() {
        server.enqueue(token("first", 600));
        server.enqueue(token("second", 600));
        server.enqueue(token("third", 600)); // must not be asked for
        TokenProvider tokens = tokens(credentials);

        assertThat(tokens.token()).isEqualTo("first");
        tokens.invalidate("first");
        assertThat(tokens.token()).isEqualTo("second");
        tokens.invalidate("first"); // a second thread's 401, still with the old token
        assertThat(tokens.token()).isEqualTo("second");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void concurrentCallersShareOneFetch() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200)
                .body("{\"access_token\":\"shared\",\"expires_in\":600,\"token_type\":\"Bearer\"}")
                .headersDelay(200, TimeUnit.MILLISECONDS).build());
        server.enqueue(token("second", 600)); // must not be asked for
        TokenProvider tokens = tokens(credentials);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> got = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                got.add(pool.submit(tokens::token));
            }
            for (Future<String> f : got) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo("shared");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void invalidateForcesANewFetchAndAMissingExpiryKeepsTheTokenUntilThen() {
        server.enqueue(ok("{\"access_token\":\"no-expiry\"}"));
        server.enqueue(token("renewed", 600));
        TokenProvider tokens = tokens(credentials);

        assertThat(tokens.token()).isEqualTo("no-expiry");
        clock.advance(Duration.ofDays(1));
        assertThat(tokens.token()).isEqualTo("no-expiry");
        tokens.invalidate();
        assertThat(tokens.token()).isEqualTo("renewed");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> m = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            m.put(decode(kv[0]), decode(kv[1]));
        }
        return m;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
