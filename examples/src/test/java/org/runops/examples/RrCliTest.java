package org.runops.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runops.examples.Launcher.runops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.runregistry.FlagStatus;
import org.runops.runregistry.GoldenJson;
import org.runops.runregistry.RrDataset;
import org.runops.runregistry.RrDatasets;
import org.runops.testing.SharedData;

/**
 * {@code runops rr ...} end to end against a loopback Run Registry ({@code --url <mock>}: no token) replaying the
 * real dataset record, lumisection and golden files. Raw pages, ranges and portal answers have no real sample:
 * their shapes are those of spec D§6.
 */
class RrCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();

    private MockWebServer server(BiFunction<String, JsonNode, MockResponse> answer) throws IOException {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath().replaceFirst("^/api/", "");
                JsonNode body = null;
                try {
                    body = request.getBody() == null || request.getBody().size() == 0 ? null : JSON.readTree(request.getBody().utf8());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                if (body != null) {
                    bodies.add(body);
                }
                return answer.apply(path, body);
            }
        });
        server.start();
        return server;
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    /** Three raw datasets (the real record's flags and states, spec D§6 shape) served at the requested page size. */
    private static MockResponse datasetPages(JsonNode body, int count, int shortPage) throws IOException {
        JsonNode real = JSON.readTree(Files.readAllBytes(SharedData.require(
                "runregistry/rr_dataset_record_346512_PromptReco_CollisionsSpecial2021.json")));
        int page = body.get("page").asInt();
        int size = body.get("page_size").asInt();
        ObjectNode o = JSON.createObjectNode();
        ArrayNode list = o.putArray("datasets");
        int end = Math.min(count, page * size + size) - (page == shortPage ? 1 : 0);
        for (int i = page * size; i < end; i++) {
            ObjectNode d = list.addObject();
            d.put("run_number", 355100 + i);
            d.put("name", "/PromptReco/Collisions2022/DQM");
            d.set("dataset_attributes", real.get("dataset_attributes"));
            d.set("datasets_in_gui", real.get("datasets_in_gui"));
            d.put("deleted", false).put("version", 1);
            d.putObject("DatasetTripletCache").set("triplet_summary", real.get("lumisections"));
            ObjectNode rr = d.putObject("Run").putObject("rr_attributes");
            rr.put("class", "Collisions22").put("state", "SIGNOFF").put("significant", true);
        }
        o.put("count", count).put("pages", (count + size - 1) / size);
        return json(200, o.toString());
    }

    private static MockResponse unchecked(ThrowingSupplier s) {
        try {
            return s.get();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface ThrowingSupplier {
        MockResponse get() throws IOException;
    }

    @Test
    void helpExplainsTheCommandsCredentialsAndExitCodes() {
        Launcher.Run r = runops("rr", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("runs", "datasets", "lumis", "golden", "RUNOPS_RR_CLIENT_ID", "RUNOPS_RR_CLIENT_SECRET", "Exit codes");
        assertThat(runops("rr", "datasets", "--help").out()).contains("--filter", "tracker-strip: GOOD", "--runs", "--format", "--page-size",
                "--max-rows", "--instance", "--url", "RrDatasets.read", "Exit codes");
        assertThat(runops("rr", "golden", "--help").out()).contains("--logic", "--datasets", "--union", "--intersect", "--subtract", "--out",
                "SIMILAR TO");
        assertThat(runops("--help").out()).contains("rr");
        assertThat(runops("rr", "runs", "--help").out()).contains("unquoted number", "like %x%", "a value cannot contain ';'");
        assertThat(runops("rr", "--help").out()).contains("RUNOPS_RR_INSTANCE", "RUNOPS_RR_URL", "rr[:FILTER]");
        assertThat(runops("runs", "list", "--help").out()).contains("rr[:FILTER], fff:DIR", "RUNOPS_RR_INSTANCE", "RUNOPS_RR_URL",
                "joined by ';'");
    }

    @Test
    void datasetsAsTableJsonAndCsv() throws IOException {
        try (MockWebServer server = server((path, body) -> unchecked(() -> datasetPages(body, 3, -1)))) {
            String url = server.url("/api/").toString();
            Launcher.Run table = runops("rr", "datasets", "--url", url, "--runs", "355100-355200", "--filter", "tracker-strip: GOOD",
                    "--page-size", "2");
            assertThat(table.exitCode()).as(table.err()).isZero();
            assertThat(table.out().lines().toList()).containsExactly(
                    "   run  dataset                         class         tracker_state  tracker-pixel        tracker-strip  tracker-track",
                    "355100  /PromptReco/Collisions2022/DQM  Collisions22  COMPLETED      GOOD=617 STANDBY=25  GOOD           GOOD",
                    "355101  /PromptReco/Collisions2022/DQM  Collisions22  COMPLETED      GOOD=617 STANDBY=25  GOOD           GOOD",
                    "355102  /PromptReco/Collisions2022/DQM  Collisions22  COMPLETED      GOOD=617 STANDBY=25  GOOD           GOOD");
            assertThat(bodies).extracting(b -> b.get("page").asInt()).containsExactly(0, 1);
            assertThat(bodies.get(0).get("filter").toString()).isEqualTo(
                    "{\"run_number\":{\"and\":[{\">=\":355100},{\"<=\":355200}]},\"triplet_summary.tracker-strip.GOOD\":{\">\":0}}");
            assertThat(bodies.get(0).get("sortings").toString()).isEqualTo("[[\"run_number\",\"ASC\"],[\"name\",\"ASC\"]]");

            Launcher.Run json = runops("rr", "datasets", "--url", url, "--runs", "355100", "--format", "json");
            assertThat(json.exitCode()).as(json.err()).isZero();
            List<RrDataset> saved = RrDatasets.parse(json.out().getBytes(StandardCharsets.UTF_8), "stdout");
            assertThat(saved).hasSize(3);
            assertThat(saved.get(2).triplet("tracker-pixel").orElseThrow().count(FlagStatus.STANDBY)).isEqualTo(25);

            Launcher.Run csv = runops("rr", "datasets", "--url", url, "--runs", "355100", "--format", "csv", "--flags", "tracker-strip");
            assertThat(csv.out().lines().toList()).startsWith("run,dataset,class,tracker_state,tracker-strip",
                    "355100,/PromptReco/Collisions2022/DQM,Collisions22,COMPLETED,GOOD");
        }
    }

    @Test
    void aShortPageFailsTheCommandWithExitCode2() throws IOException {
        try (MockWebServer server = server((path, body) -> unchecked(() -> datasetPages(body, 3, 0)))) {
            Launcher.Run r = runops("rr", "datasets", "--url", server.url("/api/").toString(), "--runs", "355100-355200", "--page-size", "2");
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("runops: error:", "datasets_filtered_ordered", "page 0 holds 1 records, expected 2 of count 3");
            assertThat(r.out()).isEmpty();
        }
        // a 200 {"err"} is the same error without the retry policy's real backoff sleeps (retries: RunRegistryClientTest)
        try (MockWebServer server = server((path, body) -> json(200, "{\"err\": \"Invalid filter\"}"))) {
            Launcher.Run r = runops("rr", "runs", "--url", server.url("/api/").toString(), "--filter", "class: x");
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("runs_filtered_ordered", "Invalid filter");
        }
    }

    @Test
    void lumisectionsPerLumisectionAndAsRanges() throws IOException {
        JsonNode ls0 = JSON.readTree(Files.readAllBytes(SharedData.require("runregistry/rr_lumisection0_327743_PromptReco_HICosmics18A.json")));
        try (MockWebServer server = server((path, body) -> switch (path) {
            case "lumisections/rr_lumisections" -> json(200, JSON.createArrayNode().add(ls0).add(ls0).toString());
            case "lumisections/rr_lumisection_ranges" -> json(200, "[{\"start\": 1, \"end\": 20, \"tracker-strip\": {\"status\": \"GOOD\","
                    + " \"cause\": \"\", \"comment\": \"\"}}, {\"start\": 21, \"end\": 534, \"tracker-strip\": {\"status\": \"BAD\", \"cause\": \"\", \"comment\": \"\"}}]");
            default -> json(404, "{\"err\": \"no route\"}");
        })) {
            String url = server.url("/api/").toString();
            Launcher.Run per = runops("rr", "lumis", "327743", "--dataset", "/PromptReco/HICosmics18A/DQM", "--url", url, "--flags", "cms-cms,dt-dt");
            assertThat(per.exitCode()).as(per.err()).isZero();
            assertThat(per.out().lines().toList()).containsExactly("ls  cms-cms  dt-dt", " 1  BAD      GOOD", " 2  BAD      GOOD");
            assertThat(bodies.get(0).toString()).isEqualTo("{\"run_number\":327743,\"dataset_name\":\"/PromptReco/HICosmics18A/DQM\"}");
            Launcher.Run ranges = runops("rr", "lumis", "322222", "--ranges", "--url", url, "--flags", "tracker-strip", "--format", "csv");
            assertThat(ranges.out().lines().toList()).containsExactly("start,end,tracker-strip", "1,20,GOOD", "21,534,BAD");
            Launcher.Run json = runops("rr", "lumis", "322222", "--url", url, "--format", "json");
            assertThat(JSON.readTree(json.out()).size()).isEqualTo(2);
        }
    }

    @Test
    void goldenFilesCombineOffline() throws IOException {
        Path real = SharedData.require("runregistry/rr_generated_golden_json_2018_PromptReco_Collisions2018.json");
        Path holes = tmp.resolve("holes.json");
        Files.writeString(holes, "{\"315257\": [[1, 10]], \"999999\": [[1, 5]]}");
        Path out = tmp.resolve("out.json");
        Launcher.Run same = runops("rr", "golden", real.toString(), "--out", out.toString());
        assertThat(same.exitCode()).as(same.err()).isZero();
        assertThat(same.err()).contains("golden: 477 runs, 758 ranges, 233929 lumisections written to " + out);
        assertThat(Files.readString(out)).isEqualTo(Files.readString(real));

        Launcher.Run cut = runops("rr", "golden", real.toString(), "--subtract", holes.toString());
        assertThat(cut.exitCode()).as(cut.err()).isZero();
        GoldenJson g = GoldenJson.parse(cut.out().getBytes(StandardCharsets.UTF_8), "stdout");
        assertThat(g.lumisectionCount()).isEqualTo(233_929L - 10);
        assertThat(g.contains(315257, 10)).isFalse();

        Launcher.Run both = runops("rr", "golden", holes.toString(), "--union", real.toString(), "--intersect", holes.toString());
        assertThat(GoldenJson.parse(both.out().getBytes(StandardCharsets.UTF_8), "stdout").lumisectionCount()).isEqualTo(15);

        Launcher.Run bad = runops("rr", "golden", tmp.resolve("missing.json").toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("missing.json");
        assertThat(runops("rr", "golden").exitCode()).isEqualTo(2);
    }

    @Test
    void goldenGeneratedThroughThePortalWithProgressOnStderr() throws IOException {
        String golden = Files.readString(SharedData.require("runregistry/rr_generated_golden_json_2018_PromptReco_Collisions2018.json"));
        Path sample = SharedData.require("runregistry/rr_json_logic_sample_ReReco_Run2018_UL2019.txt");
        AtomicInteger polls = new AtomicInteger();
        try (MockWebServer server = server((path, body) -> switch (path) {
            case "json_portal/generate" -> json(200, "{\"id\": 42}");
            case "json_portal/json" -> polls.incrementAndGet() == 1 ? json(202, "{\"progress\": 0.5}")
                    : json(200, "{\"final_json\": {\"generated_json\": " + golden + "}}");
            default -> json(404, "{\"err\": \"no route\"}");
        })) {
            Path out = tmp.resolve("golden.json");
            Launcher.Run r = runops("rr", "golden", "--logic", sample.toString(), "--url", server.url("/api/").toString(),
                    "--poll", "PT0.01S", "--deadline", "1m", "--out", out.toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.err()).contains("rr golden: submitting", "datasets /ReReco/Run2018__UL2019/DQM", "job 42 running (progress 0.5)",
                    "job 42 done", "golden: 477 runs");
            assertThat(Files.readString(out)).isEqualTo(golden);
            assertThat(bodies.get(0).get("dataset_name_filter").asText()).isEqualTo("/ReReco/Run2018__UL2019/DQM");
        }
    }

    @Test
    void badOptionsAndMissingCredentialsAreInputErrors() {
        assertThat(runops("rr", "runs", "--url", "http://127.0.0.1:9/api/", "--format", "xml").err()).contains("--format must be table, json or csv");
        assertThat(runops("rr", "runs", "--url", "http://127.0.0.1:9/api/", "--runs", "5-").err()).contains("--runs must be FROM-TO or N");
        assertThat(runops("rr", "runs", "--url", "http://127.0.0.1:9/api/", "--filter", "tracker-strip: GREAT").exitCode()).isEqualTo(2);
        if (System.getenv("RUNOPS_RR_CLIENT_ID") == null) {
            Launcher.Run r = runops("rr", "runs", "--runs", "1-2");
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("RUNOPS_RR_CLIENT_ID");
            // a bad filter is reported as such, not as the missing credentials
            for (String command : List.of("runs", "datasets")) {
                Launcher.Run bad = runops("rr", command, "--filter", "tracker-strip: GREAT");
                assertThat(bad.exitCode()).isEqualTo(2);
                assertThat(bad.err()).contains("tracker-strip", "status").doesNotContain("RUNOPS_RR_CLIENT_ID");
            }
        }
    }

    @Test
    void theRunRegistryCatalogSpecChecksItsFilterAndCredentials() {
        Launcher.Run bad = runops("runs", "list", "--catalog", "rr:class: Collisions22;tracker-strip: GREAT", "--from", "1", "--to", "2");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("tracker-strip", "status");
        if (System.getenv("RUNOPS_RR_CLIENT_ID") == null && System.getenv("RUNOPS_RR_URL") == null) {
            Launcher.Run r = runops("runs", "list", "--catalog", "rr:class: Collisions22", "--from", "1", "--to", "2");
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("RUNOPS_RR_CLIENT_ID");
        }
        assertThat(runops("runs", "list", "--catalog", "rq", "--from", "1", "--to", "2").err()).contains("rr[:FILTER]");
    }
}
