package org.runops.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runops.examples.Launcher.runops;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code runops oms runs} end to end against a loopback OMS ({@code --instance p5 --url <mock>}: no token). */
class OmsCliTest {

    @TempDir
    Path tmp;

    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    /** Runs 100..(100+n-1) within the GE/LE filter, the last one still running, paged by the requested offset/limit. */
    private static Function<RecordedRequest, MockResponse> runs(int n) {
        return r -> {
            HttpUrl u = r.getUrl();
            long offset = Long.parseLong(u.queryParameter("page[offset]"));
            int limit = Integer.parseInt(u.queryParameter("page[limit]"));
            long ge = Math.max(100, Long.parseLong(u.queryParameter("filter[run_number][GE]")));
            long le = Math.min(100 + n - 1, Long.parseLong(u.queryParameter("filter[run_number][LE]")));
            long total = Math.max(0, le - ge + 1);
            StringBuilder b = new StringBuilder("{\"data\":[");
            for (long i = offset; i < Math.min(total, offset + limit); i++) {
                long run = ge + i;
                b.append(i > offset ? "," : "").append("{\"id\":\"").append(run).append("\",\"type\":\"runs\",\"attributes\":{")
                        .append("\"run_number\":").append(run).append(",\"hlt_key\":\"/cdaq/physics/a,b\",\"init_lumi\":")
                        .append(1.5 + run - 100).append(",\"components\":[\"TRACKER\",\"PIXEL\"],\"end_time\":")
                        .append(run == 100 + n - 1 ? "null" : "\"2024-03-01T11:00:00Z\"")
                        .append("},\"meta\":{\"row\":{\"init_lumi\":{\"units\":\"10^{33}cm^{-2}s^{-1}\"}}}}");
            }
            b.append("],\"meta\":{\"totalResourceCount\":").append(total).append("}}");
            return new MockResponse.Builder().code(200).body(b.toString()).build();
        };
    }

    private MockWebServer server(Function<RecordedRequest, MockResponse> answer, List<HttpUrl> seen) throws IOException {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                seen.add(request.getUrl());
                if (request.getHeaders().get("Authorization") != null) {
                    authorizations.add(request.getHeaders().get("Authorization"));
                }
                return answer.apply(request);
            }
        });
        server.start();
        return server;
    }

    @Test
    void helpNamesTheCredentialVariables() {
        Launcher.Run r = runops("oms", "runs", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("RUNOPS_OMS_CLIENT_ID", "RUNOPS_OMS_CLIENT_SECRET", "--instance", "--filter", "--cache-dir");
        assertThat(runops("--help").out()).contains("oms");
    }

    @Test
    void csvHasAttributeAndUnitColumnsAndPagesAreChecked() throws IOException {
        List<HttpUrl> seen = new CopyOnWriteArrayList<>();
        try (MockWebServer oms = server(runs(5), seen)) {
            Launcher.Run r = runops("oms", "runs", "--instance", "p5", "--url", oms.url("/agg/api/v1").toString(),
                    "--from", "100", "--to", "104", "--page-size", "2", "--progress");
            assertThat(r.exitCode()).as(r.err()).isZero();
            List<String> lines = r.out().lines().toList();
            // OmsTable's layout (was: bare header and strings, lists space-joined): strings quoted, lists ';'-joined
            assertThat(lines.get(0)).isEqualTo("\"run_number\",\"hlt_key\",\"init_lumi\",\"components\",\"end_time\",\"init_lumi_unit\"");
            assertThat(lines).hasSize(6);
            assertThat(lines.get(1)).isEqualTo("100,\"/cdaq/physics/a,b\",1.5,\"TRACKER;PIXEL\",\"2024-03-01T11:00:00Z\",\"10^{33}cm^{-2}s^{-1}\"");
            assertThat(lines.get(5)).startsWith("104,").contains(",,"); // running: no end time
            assertThat(seen).extracting(u -> u.queryParameter("page[offset]")).containsExactlyInAnyOrder("0", "2", "4");
            assertThat(authorizations).isEmpty(); // p5: no token
            assertThat(r.err()).contains("pages 3/3");
        }
    }

    /** OMS run conditions in one unit, straight into the recommender: oms runs --format features → refrun --features. */
    @Test
    void featuresFeedTheRecommender() throws IOException {
        List<HttpUrl> seen = new CopyOnWriteArrayList<>();
        try (MockWebServer oms = server(runs(5), seen)) {
            Launcher.Run r = runops("oms", "runs", "--instance", "p5", "--url", oms.url("/agg/api/v1").toString(),
                    "--from", "100", "--to", "104", "--format", "features");
            assertThat(r.exitCode()).as(r.err()).isZero();
            List<String> lines = r.out().lines().toList();
            assertThat(lines.get(0)).startsWith("run_number,init_lumi,end_lumi,");
            assertThat(lines.get(1)).startsWith("100,0.15,,"); // 1.5 × 10^33 is 0.15 × 10^34
            assertThat(lines).hasSize(6);
            Path features = Files.writeString(tmp.resolve("features.csv"), r.out());
            Path history = Files.writeString(tmp.resolve("history.json"), "[{\"run_number\": 102, \"reference_run_number\": 100,"
                    + " \"run_reconstruction_type\": \"express\", \"dataset\": \"/Express/Collisions2024/DQM\"},"
                    + " {\"run_number\": 103, \"reference_run_number\": 101, \"run_reconstruction_type\": \"express\","
                    + " \"dataset\": \"/Express/Collisions2024/DQM\"}]");
            Launcher.Run rec = runops("refrun", "recommend", "104", "--dataset", "/Express/Collisions2024/DQM", "--history", history.toString(),
                    "--features", features.toString(), "--feature-columns", "init_lumi", "--format", "json");
            assertThat(rec.exitCode()).as(rec.err()).isZero();
            assertThat(rec.out()).contains("\"feature_distance\"", "\"run\" : 101");
        }
        assertThat(runops("oms", "runs", "--from", "1", "--to", "2", "--format", "features", "--fields", "run_number").err())
                .contains("leave out --fields");
    }

    @Test
    void jsonFieldsAndFiltersAreSentToOms() throws IOException {
        List<HttpUrl> seen = new CopyOnWriteArrayList<>();
        try (MockWebServer oms = server(runs(2), seen)) {
            Launcher.Run r = runops("oms", "runs", "--instance", "p5", "--url", oms.url("/agg/api/v1").toString(), "--from", "100", "--to", "101",
                    "--fields", "run_number,init_lumi", "--filter", "sequence:EQ:GLOBAL-RUN", "--filter", "b_field:gt:3.5",
                    "--format", "json");
            assertThat(r.exitCode()).as(r.err()).isZero();
            HttpUrl q = seen.get(0);
            assertThat(q.queryParameter("fields")).isEqualTo("run_number,init_lumi");
            assertThat(q.queryParameter("include")).isEqualTo("meta");
            assertThat(q.queryParameter("filter[sequence][EQ]")).isEqualTo("GLOBAL-RUN");
            assertThat(q.queryParameter("filter[b_field][GT]")).isEqualTo("3.5");
            assertThat(q.queryParameter("filter[run_number][GE]")).isEqualTo("100");
            int objects = 0;
            try (JsonParser p = new JsonFactory().createParser(r.out())) {
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    if (t == JsonToken.START_OBJECT) {
                        objects++;
                    }
                    if (t == JsonToken.FIELD_NAME && p.currentName().equals("init_lumi_unit")) {
                        assertThat(p.nextTextValue()).isEqualTo("10^{33}cm^{-2}s^{-1}");
                    }
                }
            }
            assertThat(objects).isEqualTo(2);
            assertThat(r.out()).doesNotContain("hlt_key"); // projection kept
        }
    }

    @Test
    void theCacheDirAnswersTheSecondCallWithoutRequests() throws IOException {
        List<HttpUrl> seen = new CopyOnWriteArrayList<>();
        Path cache = tmp.resolve("oms-cache");
        try (MockWebServer oms = server(runs(4), seen)) {
            String[] args = {"oms", "runs", "--instance", "p5", "--url", oms.url("/agg/api/v1").toString(), "--from", "100", "--to", "102",
                "--cache-dir", cache.toString()};
            Launcher.Run first = runops(args);
            assertThat(first.exitCode()).as(first.err()).isZero();
            int requests = oms.getRequestCount();
            Launcher.Run second = runops(args);
            assertThat(second.out()).isEqualTo(first.out());
            assertThat(oms.getRequestCount()).isEqualTo(requests);
            assertThat(Files.list(cache.resolve("runs")).count()).isEqualTo(3);
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aSilentOmsIsGivenUpWithinTheQueryTimeout() throws IOException {
        assertThat(runops("oms", "runs", "--help").out()).contains("--call-timeout", "--query-timeout", "default: 120s", "default: 10m");
        assertThat(runops("runs", "list", "--help").out()).contains("--oms-call-timeout", "--oms-query-timeout");
        try (MockWebServer oms = server(r -> new MockResponse.Builder().code(200).headersDelay(30, java.util.concurrent.TimeUnit.SECONDS)
                .body("{\"data\":[],\"meta\":{\"totalResourceCount\":0}}").build(), new CopyOnWriteArrayList<>())) {
            // Without the options the request would wait the 30 s and succeed with no rows.
            Launcher.Run r = runops("oms", "runs", "--instance", "p5", "--url", oms.url("/agg/api/v1").toString(), "--from", "1", "--to", "9",
                    "--call-timeout", "1s", "--query-timeout", "3s");
            assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).contains(oms.url("/agg/api/v1").toString());
        }
        Launcher.Run bad = runops("oms", "runs", "--instance", "p5", "--from", "1", "--to", "9", "--query-timeout", "soon");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--query-timeout", "soon");
    }

    @Test
    void failuresAndBadArgumentsExitWithTwoAndSayWhy() throws IOException {
        // OMS claims 3 runs but sends none: the command must fail, not print an empty table
        try (MockWebServer oms = server(r -> new MockResponse.Builder().code(200)
                .body("{\"data\":[],\"meta\":{\"totalResourceCount\":3}}").build(), new CopyOnWriteArrayList<>())) {
            Launcher.Run r = runops("oms", "runs", "--instance", "p5", "--url", oms.url("/agg/api/v1").toString(), "--from", "1", "--to", "9");
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("expected 3").contains(oms.url("/agg/api/v1").toString());
        }
        assertThat(runops("oms", "runs", "--from", "5", "--to", "1", "--instance", "p5").err()).contains("--from");
        assertThat(runops("oms", "runs", "--from", "1", "--to", "2", "--instance", "qa").err()).contains("qa");
        assertThat(runops("oms", "runs", "--from", "1", "--to", "2", "--instance", "p5", "--filter", "x:ABOUT:1").err()).contains("ABOUT");
        assertThat(runops("oms", "runs", "--from", "1", "--to", "2", "--instance", "p5", "--format", "xml").exitCode()).isEqualTo(2);
    }

    @Test
    void instancesWithTokensNeedTheCredentialVariables() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("RUNOPS_OMS_CLIENT_ID") == null, "credentials are set here");
        List<HttpUrl> seen = new CopyOnWriteArrayList<>();
        try (MockWebServer oms = server(runs(2), seen)) {
            Launcher.Run r = runops("oms", "runs", "--instance", "integration", "--url", oms.url("/agg/api/v1").toString(),
                    "--from", "100", "--to", "101");
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("RUNOPS_OMS_CLIENT_ID");
            assertThat(seen).isEmpty();
        }
    }
}
