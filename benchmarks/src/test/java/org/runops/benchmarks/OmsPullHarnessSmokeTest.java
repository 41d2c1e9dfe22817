package org.runops.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.oms.OmsClient;
import org.runops.oms.OmsRecord;
import org.runops.oms.OmsRunCatalog;
import org.runops.oms.OmsTable;
import org.runops.testing.LoopbackOmsRuns;
import org.runops.testing.SharedData;

/**
 * The OMS pull harness's parts, once each on 2,000 rows: the loopback server answers the real client (one chunk,
 * parallel pages, total-count checks) and the omsapi-like script with exactly the runs asked for (its refusals are
 * LoopbackOmsRunsTest's), and the output check tells a whole table from a short one. Counts and ids only, never times.
 */
class OmsPullHarnessSmokeTest {
    private static final int ROWS = 2000;
    private static final long LAST = OmsRunRows.FIRST_RUN + ROWS - 1;
    private static LoopbackOmsRuns server;

    @BeforeAll
    static void startServer() throws IOException {
        SharedData.require(OmsRunRows.SOURCE.substring("data/".length())); // skips without ../shared
        OmsRunRows rows = OmsRunRows.of(SharedData.root(), ROWS);
        server = LoopbackOmsRuns.start(OmsRunRows.FIRST_RUN, rows.lastRun(), rows::row);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theOmsClientPullsEveryRunOnceInOrder(@TempDir Path dir) throws IOException {
        List<OmsRecord> rows;
        try (OmsClient client = OmsClient.builder().baseUrl(server.baseUrl().toString()).pageSize(300).build()) {
            rows = new OmsRunCatalog(client).records(OmsRunRows.FIRST_RUN, LAST);
        }

        assertThat(rows).extracting(OmsRecord::id)
                .containsExactlyElementsOf(LongStream.rangeClosed(OmsRunRows.FIRST_RUN, LAST).mapToObj(Long::toString).toList());
        assertThat(rows.get(28).attributes()).containsEntry("run_number", OmsRunRows.FIRST_RUN + 28)
                .containsEntry("fill_number", rows.get(0).attributes().get("fill_number")); // row 28 is a copy of row 0
        assertThat(rows.get(0).attributes()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(rows.get(0).units()).isNotEmpty();

        Path csv = dir.resolve("runs.csv");
        Path json = dir.resolve("runs.json");
        try (Writer w = Files.newBufferedWriter(csv)) {
            OmsTable.of(rows, "run_number").writeCsv(w);
        }
        try (Writer w = Files.newBufferedWriter(json)) {
            OmsTable.of(rows, "run_number").writeJson(w);
        }
        assertThat(PulledRuns.check(csv, "csv", OmsRunRows.FIRST_RUN, LAST).failure()).isNull();
        assertThat(PulledRuns.check(json, "json", OmsRunRows.FIRST_RUN, LAST).failure()).isNull();
        assertThat(PulledRuns.check(csv, "csv", OmsRunRows.FIRST_RUN, LAST + 1).failure()).contains("2000 rows", "expected 2001");

        List<String> lines = Files.readAllLines(csv);
        Files.write(csv, lines.subList(0, lines.size() - 1)); // the last run missing
        assertThat(PulledRuns.check(csv, "csv", OmsRunRows.FIRST_RUN, LAST).failure()).contains("1999 rows");
    }

    @Test
    void aSubRangeHasItsOwnTotalAndOffsetsSliceIt() throws Exception {
        JsonNode page = new ObjectMapper().readTree(get(
                "/runs?filter%5Brun_number%5D%5BGE%5D=400010&filter[run_number][LE]=400019&sort=run_number&page%5Boffset%5D=5&page%5Blimit%5D=100")
                .body());

        assertThat(page.path("meta").path("totalResourceCount").asLong()).isEqualTo(10);
        assertThat(page.path("data")).extracting(r -> r.path("id").asText()).containsExactly("400015", "400016", "400017", "400018", "400019");
        assertThat(page.path("data").get(0).path("links").path("self").asText()).endsWith("/runs/400015");
    }

    @Test
    void theOmsapiLikeScriptPullsEveryRunAsOneProcess(@TempDir Path dir) throws IOException, InterruptedException {
        Path script = Path.of("scripts", "omsapi_like.py").toAbsolutePath();
        Process probe = new ProcessBuilder("python3", "-c", "import requests").redirectErrorStream(true).start();
        assumeTrue(probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0, "skipped: python3 with requests is not installed");
        Path out = dir.resolve("omsapi-like.csv");

        ProcessTimer.Run run = new ProcessTimer(dir, Duration.ofMinutes(2)).run(List.of("python3", script.toString(),
                server.baseUrl().toString(), Long.toString(OmsRunRows.FIRST_RUN), Long.toString(LAST), "1000", out.toString()),
                dir, dir.resolve("stdout.txt"));

        assertThat(run.exitCode()).as(run.stderrTail()).isZero();
        assertThat(PulledRuns.check(out, "csv", OmsRunRows.FIRST_RUN, LAST).failure()).isNull();
    }

    private static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        URI uri = URI.create(server.baseUrl() + pathAndQuery.replace("[", "%5B").replace("]", "%5D"));
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
