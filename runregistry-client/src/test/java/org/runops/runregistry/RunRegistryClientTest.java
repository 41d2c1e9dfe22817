package org.runops.runregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.runops.runregistry.RrTestServer.json;
import static org.runops.runregistry.RrTestServer.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.runops.core.http.HttpSettings;
import org.runops.core.http.TokenProvider;
import org.runops.runregistry.RrFilter.Op;
import org.runops.runregistry.internal.RrJson;
import org.runops.testing.MutableClock;
import org.runops.testing.SharedData;

/**
 * The client against a loopback Run Registry replaying the real records. Raw pages, {@code *_ranges} answers and
 * {@code {"err"}} bodies have no real sample: they are built from spec D§6 (rrb controllers) and say so here.
 */
class RunRegistryClientTest {
    private static final RrFilter TRACKER_GOOD = RrFilter.and(RrFilter.runRange(355000, 356000),
            RrFilter.triplet("tracker-strip", FlagStatus.GOOD));

    private JsonNode real;
    private List<ObjectNode> datasets;

    @BeforeEach
    void records() throws IOException {
        real = RrTestServer.realDatasetRecord();
        datasets = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            datasets.add(RrTestServer.rawDataset(real, 355999 - i / 2, i % 2 == 0 ? "/Express/Collisions2022/DQM" : "/PromptReco/Collisions2022/DQM"));
        }
    }

    /** Pages 0..2 of 120 datasets at 50 a page, each page answered from the request's page number. */
    private MockResponse pages(RrTestServer.Seen s) {
        int p = s.body().get("page").asInt();
        int size = s.body().get("page_size").asInt();
        return json(page("datasets", datasets.subList(Math.min(p * size, 120), Math.min(p * size + size, 120)), 120, 3));
    }

    @Test
    void datasetsArePagedFromZeroAndEveryPageIsChecked() throws IOException {
        try (RrTestServer rr = new RrTestServer(this::pages); RunRegistryClient client = rr.builder().build()) {
            List<long[]> progress = new ArrayList<>();
            List<RrDataset> got = client.datasets(TRACKER_GOOD, List.of(RrSort.descending("run_number")), (d, p) -> progress.add(new long[] {d, p}));
            assertThat(got).hasSize(120);
            assertThat(got.get(0).run()).isEqualTo(355999);
            assertThat(got.get(1).name()).isEqualTo("/PromptReco/Collisions2022/DQM");
            assertThat(got.get(119).triplet("tracker-pixel").orElseThrow().count(FlagStatus.GOOD)).isEqualTo(617);
            assertThat(got.get(5).runClass()).isEqualTo("Collisions21Special");
            assertThat(progress).extracting(a -> a[0] + "/" + a[1]).containsExactly("1/3", "2/3", "3/3");
            List<RrTestServer.Seen> seen = rr.requestsTo("datasets_filtered_ordered");
            assertThat(seen).extracting(s -> s.body().get("page").asInt()).containsExactly(0, 1, 2);
            assertThat(seen.get(0).body().toString()).isEqualTo("{\"page\":0,\"page_size\":50,\"filter\":{\"run_number\":{\"and\":"
                    + "[{\">=\":355000},{\"<=\":356000}]},\"triplet_summary.tracker-strip.GOOD\":{\">\":0}},\"sortings\":[[\"run_number\",\"DESC\"]]}");
            assertThat(seen.get(0).authorization()).isNull(); // no credentials configured, none sent
        }
    }

    @Test
    void theTokenIsFetchedOnceForAllPagesAndRenewedOnceAfterA401() throws IOException {
        AtomicInteger tokens = new AtomicInteger();
        AtomicInteger refusals = new AtomicInteger();
        try (RrTestServer rr = new RrTestServer(s -> {
            if (s.path().equals("token")) {
                return json("{\"access_token\": \"t" + tokens.incrementAndGet() + "\", \"expires_in\": 1200, \"token_type\": \"Bearer\"}");
            }
            if (s.body().get("page").asInt() == 1 && "Bearer t1".equals(s.authorization()) && refusals.getAndIncrement() == 0) {
                return json(401, "{\"err\": \"token expired\"}");
            }
            return pages(s);
        })) {
            MutableClock clock = new MutableClock(Instant.parse("2026-12-03T20:00:00Z"));
            try (RunRegistryClient client = RunRegistryClient.builder().baseUrl(rr.base()).audience("webframeworks-paas-cmsrunregistry")
                    .credentialsFromEnvironment(Map.of(RunRegistryClient.CLIENT_ID_ENV, "runops", RunRegistryClient.CLIENT_SECRET_ENV, "s3cret")::get)
                    .tokenEndpoint(rr.server.url("/token")).clock(clock).build()) {
                assertThat(client.datasets(TRACKER_GOOD)).hasSize(120);
            }
            assertThat(tokens.get()).isEqualTo(2); // one for pages 0 and 1, one more after the 401 (the Python client: one per page)
            assertThat(rr.requestsTo("datasets_filtered_ordered")).extracting(RrTestServer.Seen::authorization)
                    .containsExactly("Bearer t1", "Bearer t1", "Bearer t2", "Bearer t2");
        }
    }

    @Test
    void aTokenRefusedTwiceAndA403AreClearErrors() throws IOException {
        try (RrTestServer rr = new RrTestServer(s -> json(401, "{\"err\": \"Unauthorized\"}"));
                RunRegistryClient client = rr.builder(TokenProvider.fixed("abc"), HttpSettings.defaults()).build()) {
            assertThatThrownBy(() -> client.datasets(TRACKER_GOOD)).isInstanceOf(RunRegistryException.class)
                    .hasMessageContaining("datasets_filtered_ordered").hasMessageContaining("401").hasMessageNotContaining("abc");
        }
        try (RrTestServer rr = new RrTestServer(s -> new MockResponse.Builder().code(403).body("Forbidden").build());
                RunRegistryClient client = rr.builder(TokenProvider.fixed("abc"), HttpSettings.defaults()).audience("aud-x").build()) {
            assertThatThrownBy(() -> client.runs(TRACKER_GOOD)).isInstanceOf(RunRegistryException.class)
                    .hasMessageContaining("403").hasMessageContaining("refused access").hasMessageContaining("runs_filtered_ordered");
            assertThat(rr.requests).hasSize(1); // a refusal is not retried
        }
    }

    /** The {"err"} body is rrb's error shape (spec D§6), no real sample. */
    @Test
    void aServerErrorCarriesTheServersMessage() throws IOException {
        try (RrTestServer rr = new RrTestServer(s -> json(500, "{\"err\": \"column Run.rr_attributes.klass does not exist\"}"));
                RunRegistryClient client = rr.builder().build()) {
            assertThatThrownBy(() -> client.runs(RrFilter.rr("klass", Op.EQ, "x"))).isInstanceOfSatisfying(RunRegistryException.class, e -> {
                assertThat(e.serverMessage()).isEqualTo("column Run.rr_attributes.klass does not exist");
                assertThat(e.getMessage()).contains("runs_filtered_ordered").contains("500").contains("klass does not exist");
            });
            assertThat(rr.requests).hasSize(4); // a 500 may be load: retried by the policy, then reported
            assertThat(rr.retryWaits).hasSize(3);
        }
        try (RrTestServer rr = new RrTestServer(s -> json("{\"err\": \"Invalid filter\"}")); RunRegistryClient client = rr.builder().build()) {
            assertThatThrownBy(() -> client.runs(RrFilter.runNumber(5))).isInstanceOfSatisfying(RunRegistryException.class,
                    e -> assertThat(e.serverMessage()).isEqualTo("Invalid filter"));
        }
    }

    @Test
    void aPageShorterThanPromisedIsAnErrorNotAShorterList() throws IOException {
        try (RrTestServer rr = new RrTestServer(s -> s.body().get("page").asInt() == 1
                ? json(page("datasets", datasets.subList(50, 99), 120, 3)) : pages(s)); RunRegistryClient client = rr.builder().build()) {
            assertThatThrownBy(() -> client.datasets(TRACKER_GOOD)).isInstanceOf(RunRegistryException.class)
                    .hasMessageContaining("page 1 holds 49 records, expected 50 of count 120").hasMessageContaining("datasets_filtered_ordered");
        }
    }

    @Test
    void aCountThatChangesOrARecordSeenTwiceMeansTheDataMoved() throws IOException {
        try (RrTestServer rr = new RrTestServer(s -> s.body().get("page").asInt() == 2
                ? json(page("datasets", datasets.subList(100, 120), 121, 3)) : pages(s)); RunRegistryClient client = rr.builder().build()) {
            assertThatThrownBy(() -> client.datasets(TRACKER_GOOD)).isInstanceOf(RrDataChangedException.class)
                    .hasMessageContaining("changed from 120/3 to 121/3 at page 2");
        }
        try (RrTestServer rr = new RrTestServer(s -> s.body().get("page").asInt() == 1
                ? json(page("datasets", datasets.subList(49, 99), 120, 3)) : pages(s)); RunRegistryClient client = rr.builder().build()) {
            assertThatThrownBy(() -> client.datasets(TRACKER_GOOD)).isInstanceOf(RrDataChangedException.class)
                    .hasMessageContaining("run 355975 dataset /PromptReco/Collisions2022/DQM came back on page 1");
        }
        try (RrTestServer rr = new RrTestServer(s -> json(page("datasets", datasets.subList(0, 50), 120, 2)));
                RunRegistryClient client = rr.builder().build()) {
            assertThatThrownBy(() -> client.datasets(TRACKER_GOOD)).isInstanceOf(RunRegistryException.class)
                    .hasMessageContaining("count 120 at page size 50 makes 3 pages, the server says 2");
        }
    }

    @Test
    void theGuardRefusesHugeUnfilteredQueriesUnlessRaised() throws IOException {
        try (RrTestServer rr = new RrTestServer(s -> s.body().get("page").asInt() == 0
                ? json(page("runs", List.of(), 20_001, 401)) : json(page("runs", List.of(), 20_001, 401)))) {
            try (RunRegistryClient client = rr.builder().build()) {
                assertThatThrownBy(() -> client.runs(RrFilter.none())).isInstanceOf(RunRegistryException.class)
                        .hasMessageContaining("20001 records without a filter, more than the guard of 20000");
                assertThat(rr.requests).hasSize(1);
                // a filter that renders to {} lets everything through, so the guard holds for it too
                assertThatThrownBy(() -> client.runs(RrFilter.or(RrFilter.none(), RrFilter.runRange(1, 2))))
                        .hasMessageContaining("more than the guard of 20000");
            }
            try (RunRegistryClient client = rr.builder().maxRowsWithoutFilter(50_000).build()) {
                // past the guard the page is checked as usual (this one is empty)
                assertThatThrownBy(() -> client.runs(RrFilter.none())).hasMessageContaining("page 0 holds 0 records, expected 50");
            }
        }
    }

    @Test
    void anEmptyAnswerIsZeroPages() throws IOException {
        try (RrTestServer rr = new RrTestServer(s -> json(page("runs", List.of(), 0, 0))); RunRegistryClient client = rr.builder().build()) {
            assertThat(client.runs(RrFilter.runNumber(1))).isEmpty();
            assertThat(rr.requests).hasSize(1);
        }
    }

    @Test
    void htmlOrTextWhereJsonBelongsNamesTheEndpoint() throws IOException {
        try (RrTestServer rr = new RrTestServer(s -> new MockResponse.Builder().code(200)
                .body("<html><head><title>CERN Single Sign-On</title></head></html>").build()); RunRegistryClient client = rr.builder().build()) {
            assertThatThrownBy(() -> client.runs(TRACKER_GOOD)).isInstanceOf(RunRegistryException.class)
                    .hasMessageContaining("runs_filtered_ordered").hasMessageContaining("CERN Single Sign-On");
        }
        try (RrTestServer rr = new RrTestServer(s -> new MockResponse.Builder().code(200).body("{\"runs\": [{\"run_number\": 1,").build());
                RunRegistryClient client = rr.builder().build()) {
            assertThatThrownBy(() -> client.runs(TRACKER_GOOD)).isInstanceOf(RunRegistryException.class)
                    .hasMessageContaining("runs_filtered_ordered").hasMessageContaining("not valid JSON");
        }
    }

    @Test
    void aBodyCutOffOrTooSlowIsRetriedThenAnswered() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        try (RrTestServer rr = new RrTestServer(s -> switch (calls.incrementAndGet()) {
            case 1 -> new MockResponse.Builder().code(200).body(page("datasets", datasets.subList(0, 50), 120, 3))
                    .onResponseBody(new SocketEffect.CloseSocket()).build();
            case 3 -> new MockResponse.Builder().code(200).body(page("datasets", datasets.subList(50, 100), 120, 3))
                    .bodyDelay(2, TimeUnit.SECONDS).build();
            default -> pages(s);
        }); RunRegistryClient client = rr.builder(TokenProvider.none(), HttpSettings.defaults()
                .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300), Duration.ofSeconds(30))).build()) {
            assertThat(client.datasets(TRACKER_GOOD)).hasSize(120);
            assertThat(rr.requestsTo("datasets_filtered_ordered")).extracting(s -> s.body().get("page").asInt()).containsExactly(0, 0, 1, 1, 2);
            assertThat(rr.retryWaits).hasSize(2);
        }
    }

    @Test
    void datasetNamesAndLumisectionsFromTheRealFiles() throws IOException {
        byte[] names = Files.readAllBytes(SharedData.require("runregistry/rr_dataset_names_of_run_357756.json"));
        JsonNode ls0 = RrJson.MAPPER.readTree(Files.readAllBytes(SharedData.require("runregistry/rr_lumisection0_327743_PromptReco_HICosmics18A.json")));
        // the *_ranges answer has no real sample: spec D§6 shape
        String ranges = "[{\"start\": 1, \"end\": 20, \"tracker-strip\": {\"status\": \"GOOD\", \"cause\": \"\", \"comment\": \"\"}},"
                + " {\"start\": 21, \"end\": 534, \"tracker-strip\": {\"status\": \"BAD\", \"cause\": \"HV\", \"comment\": \"off\"}}]";
        try (RrTestServer rr = new RrTestServer(s -> switch (s.path()) {
            case "get_all_dataset_names_of_run/357756" -> new MockResponse.Builder().code(200).body(new okio.Buffer().write(names)).build();
            case "lumisections/rr_lumisections" -> json(RrJson.MAPPER.createArrayNode().add(ls0).add(ls0).add(ls0).toString());
            case "lumisections/rr_lumisection_ranges" -> json(ranges);
            default -> json(404, "{\"err\": \"no such route\"}");
        }); RunRegistryClient client = rr.builder().build()) {
            assertThat(client.datasetNames(357756)).containsExactly("/Express/Collisions2022/DQM", "/Express/Commissioning2022/DQM",
                    "online", "/PromptReco/Collisions2022/DQM");
            List<LumiFlags> ls = client.lumisections(327743, "/PromptReco/HICosmics18A/DQM");
            assertThat(ls).extracting(LumiFlags::lumisection).containsExactly(1, 2, 3);
            assertThat(ls.get(2).flag("cms-cms").orElseThrow().status()).isEqualTo(FlagStatus.BAD);
            List<LumiRange> r = client.lumisectionRanges(322222, "online");
            assertThat(r).extracting(LumiRange::end).containsExactly(20, 534);
            assertThat(rr.requestsTo("lumisections/rr_lumisection_ranges").get(0).body().toString())
                    .isEqualTo("{\"run_number\":322222,\"dataset_name\":\"online\"}");
            assertThatThrownBy(() -> client.datasetNames(1)).isInstanceOf(RunRegistryException.class)
                    .hasMessageContaining("get_all_dataset_names_of_run/1").hasMessageContaining("no such route");
        }
    }

    @Test
    void theInstancesCarryTheirAudiences() {
        assertThat(RrInstance.parse("prod").baseUrl()).hasToString("https://cmsrunregistry.web.cern.ch/api/");
        assertThat(RrInstance.PROD.audience()).isEqualTo("webframeworks-paas-cmsrunregistry");
        assertThat(RrInstance.parse("Development").audience()).isEqualTo("webframeworks-paas-dev-cmsrunregistry");
        assertThatThrownBy(() -> RrInstance.parse("qa")).hasMessageContaining("prod or dev");
        assertThatThrownBy(() -> RunRegistryClient.builder().baseUrl("https://cmsrunregistry-qa.web.cern.ch/api/")
                .credentialsFromEnvironment(Map.of(RunRegistryClient.CLIENT_ID_ENV, "a", RunRegistryClient.CLIENT_SECRET_ENV, "b")::get).build())
                .isInstanceOf(RunRegistryException.class).hasMessageContaining("audience(...)").hasMessageContaining(RrInstance.OLD_AUDIENCE);
        assertThatThrownBy(() -> RunRegistryClient.builder().instance(RrInstance.PROD).credentialsFromEnvironment(Map.<String, String>of()::get).build())
                .isInstanceOf(RunRegistryException.class).hasMessageContaining(RunRegistryClient.CLIENT_ID_ENV);
    }

    @Test
    void builderMisuseIsRefusedWithTheReason() throws IOException {
        assertThatThrownBy(() -> RunRegistryClient.builder().queryTimeout(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("queryTimeout");
        try (RrTestServer rr = new RrTestServer(s -> json(page("runs", List.of(), 0, 0)))) {
            // credentials beside a fetcher would be ignored, and 401/403 messages would name an audience never asked for
            assertThatThrownBy(() -> rr.builder().credentialsFromEnvironment(Map.of(RunRegistryClient.CLIENT_ID_ENV, "a",
                    RunRegistryClient.CLIENT_SECRET_ENV, "b")::get).instance(RrInstance.PROD).build())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("fetcher(...) brings its own tokens");
            assertThatThrownBy(() -> rr.builder().tokens(TokenProvider.fixed("t")).build()).isInstanceOf(IllegalStateException.class);
        }
    }
}
