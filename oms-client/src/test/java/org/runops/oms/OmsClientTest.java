package org.runops.oms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.runops.oms.OmsTestServer.json;
import static org.runops.oms.OmsTestServer.pagedRuns;
import static org.runops.oms.OmsTestServer.runsPage;
import static org.runops.oms.OmsTestServer.status;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.runops.core.http.HttpClients;
import org.runops.core.http.HttpException;
import org.runops.core.http.HttpSettings;
import org.runops.core.http.OAuthClientCredentials;
import org.runops.core.http.RetryPolicy;
import org.runops.core.http.TokenProvider;
import org.runops.testing.SharedData;

/** OmsClient over loopback HTTP through the real core.http fetcher: paging, faults, auth. */
class OmsClientTest {

    @Test
    void pagesAreComputedFromTheTotalAndReturnedInOffsetOrder() throws IOException {
        try (OmsTestServer oms = new OmsTestServer(pagedRuns(300000, 1050)); OmsClient client = oms.client()) {
            List<long[]> progress = new ArrayList<>();
            List<OmsRecord> rows = client.query("runs").filter("run_number", OmsQuery.Op.GE, 300000)
                    .onProgress((done, total) -> progress.add(new long[] {done, total})).fetchAll();
            assertThat(rows).hasSize(1050);
            for (int i = 0; i < rows.size(); i++) {
                assertThat(rows.get(i).id()).isEqualTo(Long.toString(300000 + i));
            }
            assertThat(oms.offsets()).hasSize(11).containsExactlyInAnyOrder(0L, 100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L, 900L, 1000L);
            assertThat(oms.offsets().get(0)).isZero();
            assertThat(oms.requests).allSatisfy(u -> {
                assertThat(u.queryParameter("page[limit]")).isEqualTo("100");
                assertThat(u.encodedPath()).isEqualTo("/agg/api/v1/runs"); // links.next (https://https://...) never followed
            });
            assertThat(progress).extracting(p -> p[0]).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
            assertThat(progress).allMatch(p -> p[1] == 11);
        }
    }

    @Test
    void forEachPageStreamsPagesInOrder() throws IOException {
        try (OmsTestServer oms = new OmsTestServer(pagedRuns(1, 250)); OmsClient client = oms.client()) {
            List<Integer> sizes = new ArrayList<>();
            List<String> firstIds = new ArrayList<>();
            client.query("runs").forEachPage(p -> {
                sizes.add(p.records().size());
                firstIds.add(p.records().get(0).id());
            });
            assertThat(sizes).containsExactly(100, 100, 50);
            assertThat(firstIds).containsExactly("1", "101", "201");
        }
    }

    @Test
    void anEmptyResultIsOneRequestAndNoRows() throws IOException {
        try (OmsTestServer oms = new OmsTestServer(pagedRuns(1, 0)); OmsClient client = oms.client()) {
            assertThat(client.query("runs").fetchAll()).isEmpty();
            assertThat(oms.offsets()).containsExactly(0L);
        }
    }

    @Test
    void theRealLumisectionFirstPageDrivesFiveRequests() throws IOException {
        byte[] first = Files.readAllBytes(SharedData.require("oms/lumisections_315190-315290_page1_limit1000.json"));
        // the real first page of 4655; the remaining pages are built the same shape by offset
        try (OmsTestServer oms = new OmsTestServer(r -> {
            long offset = Long.parseLong(r.getUrl().queryParameter("page[offset]"));
            return offset == 0 ? json(new String(first, java.nio.charset.StandardCharsets.UTF_8))
                    : json(runsPage(1_000_000, offset, (int) Math.min(1000, 4655 - offset), 4655));
        }); OmsClient client = oms.client()) {
            List<OmsRecord> rows = client.query("lumisections").fields("lumisection_number", "fill_number", "run_number")
                    .filter("run_number", OmsQuery.Op.GE, 315190).filter("run_number", OmsQuery.Op.LE, 315290)
                    .pageSize(1000).fetchAll();
            assertThat(rows).hasSize(4655);
            assertThat(rows.get(0).id()).isEqualTo("315190_1");
            assertThat(oms.offsets()).containsExactlyInAnyOrder(0L, 1000L, 2000L, 3000L, 4000L);
        }
    }

    @Test
    void aShortPageOrAChangedTotalFailsLoudly() throws IOException {
        try (OmsTestServer oms = new OmsTestServer(r -> {
            long offset = Long.parseLong(r.getUrl().queryParameter("page[offset]"));
            return json(runsPage(1, offset, offset == 100 ? 60 : 100, 300)); // the middle page is short
        }); OmsClient client = oms.client()) {
            assertThatThrownBy(() -> client.query("runs").fetchAll()).isInstanceOf(OmsException.class)
                    .hasMessageContaining(oms.base() + "/runs").hasMessageContaining("offset 100")
                    .hasMessageContaining("has 60 rows, expected 100 of total 300");
        }
        try (OmsTestServer oms = new OmsTestServer(r -> {
            long offset = Long.parseLong(r.getUrl().queryParameter("page[offset]"));
            return json(runsPage(1, offset, offset == 0 ? 100 : 0, 300));
        }); OmsClient client = oms.client()) {
            assertThatThrownBy(() -> client.query("runs").fetchAll()).isInstanceOf(OmsException.class)
                    .hasMessageContaining("empty page before the total was reached");
        }
        try (OmsTestServer oms = new OmsTestServer(r -> {
            long offset = Long.parseLong(r.getUrl().queryParameter("page[offset]"));
            return json(runsPage(1, offset, 100, offset == 0 ? 300 : 301));
        }); OmsClient client = oms.client()) {
            assertThatThrownBy(() -> client.query("runs").fetchAll()).isInstanceOf(OmsException.class)
                    .hasMessageContaining("totalResourceCount changed from 300 to 301");
        }
    }

    @Test
    void rowsRepeatedOnALaterPageAreAskedForAgainOnceThenRefused() throws IOException {
        // page 2 repeats page 1 (the rows moved while paging): 28 rows of 10 distinct runs were accepted before
        try (OmsTestServer oms = new OmsTestServer(r -> json(runsPage(1, 0, 100, 200))); OmsClient client = oms.client()) {
            assertThatThrownBy(() -> client.query("runs").fetchAll()).isInstanceOf(OmsDataChangedException.class)
                    .hasMessageContaining(oms.base() + "/runs").hasMessageContaining("id 1 came back on the page at offset 100");
            assertThat(oms.offsets()).as("asked twice, two pages each").hasSize(4);
        }
        AtomicInteger firstPages = new AtomicInteger();
        try (OmsTestServer oms = new OmsTestServer(r -> {
            long offset = Long.parseLong(r.getUrl().queryParameter("page[offset]"));
            boolean moved = offset == 100 && firstPages.get() == 1; // only the first pass sees the shift
            if (offset == 0) {
                firstPages.incrementAndGet();
            }
            return json(runsPage(1, moved ? 0 : offset, 100, 200));
        }); OmsClient client = oms.client()) {
            List<OmsRecord> rows = client.query("runs").fetchAll();
            assertThat(rows).extracting(OmsRecord::id).doesNotHaveDuplicates().hasSize(200);
        }
    }

    @Test
    void anHtmlPageWithStatus200IsCalledHtmlNotMalformedJson() throws IOException {
        String login = "<!DOCTYPE html>\n<html><head><title>Sign in - CERN Single Sign-On</title></head><body>...</body></html>";
        try (OmsTestServer oms = new OmsTestServer(r -> new MockResponse.Builder().code(200).body(login).build());
             OmsClient client = oms.client()) {
            assertThatThrownBy(() -> client.query("runs").fetchAll()).isInstanceOf(OmsException.class)
                    .hasMessageContaining("an HTML page, not JSON").hasMessageContaining("Sign in - CERN Single Sign-On")
                    .hasMessageNotContaining("malformed");
        }
    }

    @Test
    void aQueryEndsWithinItsTimeoutHoweverSlowlyThePagesCome() throws IOException {
        try (OmsTestServer oms = new OmsTestServer(r -> {
            long offset = Long.parseLong(r.getUrl().queryParameter("page[offset]"));
            MockResponse.Builder page = new MockResponse.Builder().code(200).body(runsPage(1, offset, 100, 1000));
            return (offset == 0 ? page : page.throttleBody(1024, 500, TimeUnit.MILLISECONDS)).build();
        }); OmsClient client = oms.builder(TokenProvider.none(), HttpSettings.defaults()).queryTimeout(Duration.ofSeconds(1)).build()) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> client.query("runs").fetchAll()).isInstanceOf(OmsException.class)
                    .hasMessageContaining(oms.base() + "/runs");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void aFullPageWithoutTotalIsRefused() throws IOException {
        try (OmsTestServer oms = new OmsTestServer(r -> json(runsPage(1, 0, 100, 0).replace(",\"meta\":{\"totalResourceCount\":0}", "")));
             OmsClient client = oms.client()) {
            assertThatThrownBy(() -> client.query("runs").fetchAll()).isInstanceOf(OmsException.class)
                    .hasMessageContaining("no meta.totalResourceCount");
        }
    }

    @Test
    void truncatedJsonAndMissingDataNameTheUrl() throws IOException {
        String whole = runsPage(1, 0, 5, 5);
        try (OmsTestServer oms = new OmsTestServer(r -> json(whole.substring(0, whole.length() / 2)));
             OmsClient client = oms.client()) {
            assertThatThrownBy(() -> client.query("runs").fetchAll()).isInstanceOf(OmsException.class)
                    .hasMessageContaining(oms.base() + "/runs?page%5Boffset%5D=0").hasMessageContaining("truncated JSON in row");
        }
        try (OmsTestServer oms = new OmsTestServer(r -> json("{\"errors\":[]}")); OmsClient client = oms.client()) {
            assertThatThrownBy(() -> client.query("runs").fetchAll()).isInstanceOf(OmsException.class)
                    .hasMessageContaining("no data array");
        }
    }

    @Test
    void a500IsRetriedThenSucceeds() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        try (OmsTestServer oms = new OmsTestServer(r -> calls.incrementAndGet() == 1 ? status(500) : json(runsPage(1, 0, 3, 3)));
             OmsClient client = oms.client()) {
            assertThat(client.query("runs").fetchAll()).hasSize(3);
            assertThat(oms.requests).hasSize(2);
            assertThat(oms.sleeps).hasSize(1);
        }
    }

    @Test
    void a429WaitsForRetryAfter() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        try (OmsTestServer oms = new OmsTestServer(r -> calls.incrementAndGet() == 1
                ? new MockResponse.Builder().code(429).setHeader("Retry-After", "7").build() : json(runsPage(1, 0, 2, 2)));
             OmsClient client = oms.client()) {
            assertThat(client.query("runs").fetchAll()).hasSize(2);
            assertThat(oms.sleeps).containsExactly(Duration.ofSeconds(7));
        }
    }

    @Test
    void persistentFailureBecomesAnOmsExceptionWithTheHttpCause() throws IOException {
        try (OmsTestServer oms = new OmsTestServer(r -> status(503)); OmsClient client = oms.client()) {
            assertThatThrownBy(() -> client.query("runs").fetchAll()).isInstanceOfSatisfying(OmsException.class, e -> {
                assertThat(e.status()).isEqualTo(503);
                assertThat(e.url()).contains("/agg/api/v1/runs");
                assertThat(e.bodyExcerpt()).contains("status 503");
                assertThat(e.getCause()).isInstanceOf(HttpException.class);
                assertThat(e.isAuthentication()).isFalse();
            });
            assertThat(oms.requests).hasSize(4);
        }
    }

    @Test
    void anExpiredTokenIsRenewedOnceOn401() throws IOException {
        AtomicInteger tokens = new AtomicInteger();
        try (OmsTestServer oms = new OmsTestServer(r -> {
            if (r.getUrl().encodedPath().equals("/token")) {
                return json("{\"access_token\":\"tok" + tokens.incrementAndGet() + "\",\"token_type\":\"Bearer\",\"expires_in\":1200}");
            }
            return "Bearer tok1".equals(r.getHeaders().get("Authorization")) ? status(401) : json(runsPage(1, 0, 1, 1));
        })) {
            OAuthClientCredentials credentials = OAuthClientCredentials.fromEnvironment(
                    Map.of("ID", "runops-test", "SECRET", "s3cret")::get, "ID", "SECRET", "cmsoms-int-0185")
                    .withTokenEndpoint(oms.server.url("/token"));
            Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
            TokenProvider provider = TokenProvider.clientCredentials(credentials, HttpClients.create(HttpSettings.defaults()), clock);
            try (OmsClient client = oms.client(provider, HttpSettings.defaults())) {
                assertThat(client.query("runs").fetchAll()).hasSize(1);
            }
            assertThat(tokens.get()).isEqualTo(2);
            assertThat(oms.requests.stream().filter(u -> u.encodedPath().endsWith("/runs")).count()).isEqualTo(2);
        }
    }

    @Test
    void aRedirectIsAnAuthenticationErrorAndNotFollowed() throws IOException {
        try (OmsTestServer oms = new OmsTestServer(r -> new MockResponse.Builder().code(302)
                .setHeader("Location", "https://auth.cern.ch/auth/realms/cern/login").build());
             OmsClient client = oms.client()) {
            assertThatThrownBy(() -> client.query("runs").fetchAll()).isInstanceOfSatisfying(OmsException.class, e -> {
                assertThat(e.isAuthentication()).isTrue();
                assertThat(e.status()).isEqualTo(302);
                assertThat(e.getMessage()).contains("auth.cern.ch");
            });
            assertThat(oms.requests).hasSize(1);
        }
    }

    @Test
    void aSlowServerHitsTheTimeout() throws IOException {
        try (OmsTestServer oms = new OmsTestServer(r -> new MockResponse.Builder().code(200)
                .headersDelay(3, TimeUnit.SECONDS).body(runsPage(1, 0, 1, 1)).build())) {
            HttpSettings fast = HttpSettings.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(2))
                    .withRetry(RetryPolicy.none());
            try (OmsClient client = oms.client(TokenProvider.none(), fast)) {
                assertThatThrownBy(() -> client.query("runs").fetchAll()).isInstanceOfSatisfying(OmsException.class, e -> {
                    assertThat(e.getCause()).isInstanceOf(HttpException.class);
                    assertThat(e.status()).isZero();
                    assertThat(e.url()).contains("/runs");
                });
            }
        }
    }

    @Test
    void credentialsComeOnlyFromTheEnvironmentAndP5NeedsNone() {
        assertThatThrownBy(() -> OmsClient.builder().instance(OmsInstance.PRODUCTION)
                .credentialsFromEnvironment(Map.<String, String>of()::get, Clock.systemUTC()).build())
                .hasMessageContaining(OmsClient.CLIENT_ID_ENV);
        try (OmsClient p5 = OmsClient.builder().instance(OmsInstance.P5)
                .credentialsFromEnvironment(Map.<String, String>of()::get, Clock.systemUTC()).build()) {
            assertThat(p5.baseUrl()).isEqualTo(HttpUrl.get("http://cmsoms.cms/agg/api/v1"));
        }
        try (OmsClient overridden = OmsClient.builder().instance(OmsInstance.PRODUCTION).baseUrl("https://oms.example/api/v1")
                .build()) {
            assertThat(overridden.query("runs").url(0, 1).host()).isEqualTo("oms.example");
        }
    }

    @Test
    void aClientOfAnHttpBaseSetsUpNoTlsYetPagesAndNamesAnHttpsUrlItCannotAsk() throws IOException {
        try (OmsTestServer oms = new OmsTestServer(pagedRuns(1, 250));
             OmsClient client = OmsClient.builder().instance(OmsInstance.P5).baseUrl(oms.base()).pageSize(100)
                     .credentialsFromEnvironment(Map.<String, String>of()::get, Clock.systemUTC()).build()) {
            assertThat(client.query("runs").fetchAll()).hasSize(250);
            // loopback: were the cleartext choice ever wrong, no real DNS, TLS or network wait
            HttpUrl https = oms.base().newBuilder().scheme("https").addPathSegment("runs").build();
            assertThatThrownBy(() -> client.page(https)).isInstanceOf(OmsException.class)
                    .hasMessageContaining(https.toString()).hasMessageContaining("http:// only");
        }
    }

    @Test
    void pageThreadsAreNamedDaemonsAndGoneAfterClose() throws IOException {
        try (OmsTestServer oms = new OmsTestServer(pagedRuns(1, 400)); OmsClient client = oms.client()) {
            List<String> threads = new ArrayList<>();
            client.query("runs").forEachPage(p -> threads.add(Thread.currentThread().getName()));
            assertThat(threads).isNotEmpty();
            assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().startsWith("oms-page-"))
                    .allMatch(Thread::isDaemon);
        }
    }

    @Test
    void aClosedClientRefusesToPage() throws IOException {
        try (OmsTestServer oms = new OmsTestServer(pagedRuns(1, 300))) {
            OmsClient client = oms.client();
            OmsQuery query = client.query("runs");
            client.close();
            assertThatThrownBy(query::fetchAll).isInstanceOf(OmsException.class).hasMessageContaining("closed");
        }
    }
}
