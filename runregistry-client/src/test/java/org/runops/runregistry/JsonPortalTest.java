package org.runops.runregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.runops.runregistry.RrTestServer.json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.runops.testing.MutableClock;
import org.runops.testing.SharedData;

/**
 * The JSON portal: generate once, then poll until 200/202/203/500 say done/running/queued/failed. No real portal
 * answer exists: the {id}, {progress} and {final_json: {generated_json}} bodies are built from spec D§6 (rrb
 * queue_json_creation.js), the request from the real json-logic sample and the result from the real golden JSON.
 * Time is a MutableClock that the recording sleeper advances: nothing sleeps.
 */
class JsonPortalTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T20:00:00Z"));
    private final List<Duration> waits = new ArrayList<>();
    private final List<JobProgress> progress = new ArrayList<>();
    private String filter;
    private String logic;
    private String golden;

    @BeforeEach
    void realFiles() throws IOException {
        JsonLogicRequest sample = JsonLogicRequest.parse(Files.readString(
                SharedData.require("runregistry/rr_json_logic_sample_ReReco_Run2018_UL2019.txt")));
        filter = sample.datasetPattern().orElseThrow();
        logic = sample.logic();
        golden = Files.readString(goldenFile());
    }

    private static Path goldenFile() {
        return SharedData.require("runregistry/rr_generated_golden_json_2018_PromptReco_Collisions2018.json");
    }

    private RunRegistryClient client(RrTestServer rr) {
        return rr.builder().clock(clock).sleeper(d -> {
            waits.add(d);
            clock.advance(d);
        }).build();
    }

    @Test
    void aQueuedThenRunningJobEndsWithTheGoldenJson() throws IOException {
        AtomicInteger polls = new AtomicInteger();
        try (RrTestServer rr = new RrTestServer(s -> switch (s.path()) {
            case "json_portal/generate" -> json("{\"id\": 17, \"progress\": 0}");
            case "json_portal/json" -> switch (polls.incrementAndGet()) {
                case 1 -> json(203, "{}");
                case 2 -> json(202, "{\"progress\": 0.4}");
                default -> json("{\"final_json\": {\"generated_json\": " + golden + ", \"generated_json_with_dataset_names\": {}}}");
            };
            default -> json(404, "{\"err\": \"no route\"}");
        }); RunRegistryClient client = client(rr)) {
            GoldenJson g = client.generateJson(logic, filter, JsonPortalOptions.defaults(), progress::add);
            assertThat(g).isEqualTo(GoldenJson.read(goldenFile()));
            assertThat(g.lumisectionCount()).isEqualTo(233_929L);
            assertThat(waits).containsExactly(Duration.ofSeconds(15), Duration.ofSeconds(15));
            assertThat(progress).extracting(JobProgress::state).containsExactly(JobProgress.State.QUEUED, JobProgress.State.RUNNING,
                    JobProgress.State.DONE);
            assertThat(progress.get(1).progress()).hasValue(0.4);
            assertThat(progress.get(2).elapsed()).isEqualTo(Duration.ofSeconds(30));
            RrTestServer.Seen generate = rr.requestsTo("json_portal/generate").get(0);
            assertThat(generate.body().get("dataset_name_filter").asText()).isEqualTo("/ReReco/Run2018__UL2019/DQM");
            assertThat(generate.body().get("json_logic").isTextual()).isTrue(); // the logic travels as a JSON string
            assertThat(generate.body().get("json_logic").asText()).isEqualTo(logic);
            assertThat(rr.requestsTo("json_portal/json")).hasSize(3).allSatisfy(s -> assertThat(s.body().toString()).isEqualTo("{\"id_json\":17}"));
        }
    }

    @Test
    void aFailedJobIsAnErrorWithTheServersMessage() throws IOException {
        try (RrTestServer rr = new RrTestServer(s -> s.path().equals("json_portal/generate") ? json("{\"id\": \"abc\"}")
                : json(500, "{\"err\": \"Error generating JSON: column lumisection.rr.tracker-strp unknown\"}"));
                RunRegistryClient client = client(rr)) {
            assertThatThrownBy(() -> client.generateJson(logic, filter, JsonPortalOptions.defaults(), progress::add))
                    .isInstanceOfSatisfying(RunRegistryException.class, e -> {
                        assertThat(e.getMessage()).contains("JSON portal job abc failed").contains("tracker-strp unknown");
                        assertThat(e.serverMessage()).contains("tracker-strp unknown");
                    });
            assertThat(waits).isEmpty();
            assertThat(rr.requestsTo("json_portal/json")).hasSize(1); // a failed job is not polled again
            assertThat(rr.retryWaits).isEmpty();
        }
    }

    @Test
    void aPollThatMissesIsAskedAgainAfterTheIntervalAThirdMissInARowIsTheLast() throws IOException {
        AtomicInteger polls = new AtomicInteger();
        try (RrTestServer rr = new RrTestServer(s -> s.path().equals("json_portal/generate") ? json("{\"id\": 3}")
                : polls.incrementAndGet() <= 3 ? new MockResponse.Builder().code(503).body("busy").build()
                : json("{\"final_json\": {\"generated_json\": " + golden + "}}")); RunRegistryClient client = client(rr)) {
            assertThat(client.generateJson(logic, filter, JsonPortalOptions.defaults(), progress::add)).isEqualTo(GoldenJson.read(goldenFile()));
            assertThat(rr.requestsTo("json_portal/json")).hasSize(4);
            assertThat(waits).hasSize(3).allMatch(d -> d.equals(Duration.ofSeconds(15)));
            assertThat(rr.retryWaits).isEmpty(); // the poll interval is the only wait
        }
        try (RrTestServer rr = new RrTestServer(s -> s.path().equals("json_portal/generate") ? json("{\"id\": 4}")
                : new MockResponse.Builder().code(502).body("proxy error").build()); RunRegistryClient client = client(rr)) {
            assertThatThrownBy(() -> client.generateJson(logic, filter, JsonPortalOptions.defaults(), progress::add))
                    .isInstanceOf(RunRegistryException.class).hasMessageContaining("job 4 could not be polled (4 failures in a row)")
                    .hasMessageContaining("502");
            assertThat(rr.requestsTo("json_portal/json")).hasSize(4);
        }
    }

    @Test
    void aJobThatNeverFinishesEndsAtTheDeadline() throws IOException {
        try (RrTestServer rr = new RrTestServer(s -> s.path().equals("json_portal/generate") ? json("{\"id\": 5}")
                : json(202, "{\"progress\": 0.1}")); RunRegistryClient client = client(rr)) {
            JsonPortalOptions oneMinute = JsonPortalOptions.defaults().withDeadline(Duration.ofMinutes(1));
            assertThatThrownBy(() -> client.generateJson(logic, filter, oneMinute, progress::add)).isInstanceOf(RunRegistryException.class)
                    .hasMessageContaining("job 5 did not finish within 1m").hasMessageContaining("last seen running");
            assertThat(waits).hasSize(3).allMatch(d -> d.equals(Duration.ofSeconds(15)));
            assertThat(rr.requestsTo("json_portal/json")).hasSize(4); // polls at 0, 15, 30 and 45 s; one at 60 s would be past it
            assertThat(progress).hasSize(4).allMatch(p -> p.state() == JobProgress.State.RUNNING);
        }
    }

    @Test
    void theJobIsSubmittedOnceEvenWhenTheServerIsBusy() throws IOException {
        try (RrTestServer rr = new RrTestServer(s -> new MockResponse.Builder().code(503).body("busy").build()); RunRegistryClient client = client(rr)) {
            assertThatThrownBy(() -> client.generateJson(logic, filter, JsonPortalOptions.defaults(), progress::add))
                    .isInstanceOf(RunRegistryException.class).hasMessageContaining("json_portal/generate").hasMessageContaining("503");
            assertThat(rr.requests).hasSize(1); // a retried generate would queue a second job
        }
    }

    /** OkHttp resends a replayable body after a pooled connection fails; the generate body must not be replayed. */
    @Test
    void aConnectionLostAfterTheJobWasSentIsNotResent() throws IOException {
        AtomicInteger generates = new AtomicInteger();
        try (RrTestServer rr = new RrTestServer(s -> switch (s.path()) {
            case "json_portal/generate" -> generates.incrementAndGet() == 1
                    ? new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, true, true)).build()
                    : json("{\"id\": 8}");
            default -> json("[\"online\"]");
        }); RunRegistryClient client = client(rr)) {
            assertThat(client.datasetNames(1)).containsExactly("online"); // leaves a connection in the pool
            assertThatThrownBy(() -> client.generateJson(logic, filter, JsonPortalOptions.defaults(), progress::add))
                    .isInstanceOf(RunRegistryException.class).hasMessageContaining("json_portal/generate");
            assertThat(rr.requestsTo("json_portal/generate")).hasSize(1); // a resent generate would queue a second job
        }
    }

    @Test
    void malformedAnswersAndInputsAreClearErrors() throws IOException {
        try (RrTestServer rr = new RrTestServer(s -> s.path().equals("json_portal/generate") ? json("{\"id\": 9}")
                : json("{\"final_json\": {\"luminosity\": 1.5}}")); RunRegistryClient client = client(rr)) {
            assertThatThrownBy(() -> client.generateJson(logic, filter, JsonPortalOptions.defaults(), progress::add))
                    .hasMessageContaining("job 9").hasMessageContaining("final_json.generated_json");
        }
        try (RrTestServer rr = new RrTestServer(s -> json("{\"queued\": true}")); RunRegistryClient client = client(rr)) {
            assertThatThrownBy(() -> client.generateJson(logic, filter, JsonPortalOptions.defaults(), progress::add))
                    .hasMessageContaining("expected a job {\"id\": ...}");
            assertThatThrownBy(() -> client.generateJson("{\"and\": [", filter, JsonPortalOptions.defaults(), progress::add))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("json_logic is not valid JSON");
            assertThatThrownBy(() -> client.generateJson(logic, " ", JsonPortalOptions.defaults(), progress::add))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SIMILAR TO");
            assertThat(rr.requests).hasSize(1); // bad inputs are refused before any request
        }
        assertThatThrownBy(() -> new JsonPortalOptions(Duration.ofSeconds(15), Duration.ofSeconds(5))).hasMessageContaining("shorter");
    }
}
