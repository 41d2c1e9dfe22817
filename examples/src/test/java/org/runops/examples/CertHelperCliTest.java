package org.runops.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runops.examples.Launcher.runops;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.certhelper.CertHelperHistory;
import org.runops.core.refrun.RunReferencePair;
import org.runops.examples.Launcher.Run;

/** {@code runops certhelper pairs} end to end: a real HTTP server on loopback, a real cache directory, the real dump. */
class CertHelperCliTest {
    private static final String SMALL = "[{\"run_number\": 355100, \"run_reconstruction_type\": \"express\","
            + " \"reference_run_number\": 355000, \"reference_run_reconstruction_type\": \"express\","
            + " \"dataset\": \"/Express/Collisions2022/DQM\"},"
            + " {\"run_number\": 355101, \"run_reconstruction_type\": \"prompt\", \"reference_run_number\": 355001,"
            + " \"reference_run_reconstruction_type\": \"prompt\", \"dataset\": \"a,\\\"b\\\"\"}]";

    @TempDir
    Path tmp;
    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Path dump() {
        String configured = System.getProperty("runops.shared");
        Path p = (configured != null ? Path.of(configured) : Path.of("..", "..", "shared"))
                .resolve("data/refrun/ReferenceRunRank/AllRunsRefRuns_Mar5_2024.json");
        Assumptions.assumeTrue(Files.exists(p), () -> "skipped: shared test data not found at " + p.toAbsolutePath());
        return p;
    }

    private String[] pairs(String... more) {
        String[] base = {"certhelper", "pairs", "--url", server.url("/").toString(), "--cache-dir", tmp.resolve("cache").toString()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void helpIsListed() {
        assertThat(runops("--help").out()).contains("certhelper");
        assertThat(runops("certhelper", "pairs", "--help").out()).contains("--allow-stale", "--ttl", "--file", "--summary");
    }

    @Test
    void summaryOfTheRealDumpServedOverHttpAndThenFromTheCache() throws IOException {
        server.enqueue(new MockResponse.Builder().code(200).body(Files.readString(dump(), StandardCharsets.UTF_8)).build());

        Run first = runops(pairs("--summary"));
        Run second = runops(pairs("--summary"));

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("origin", "server").containsPattern("rows\\s+10448")
                .contains("/certify/allRunsRefRuns/").contains("reconstruction express");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("cache").containsPattern("rows\\s+10448");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void summaryOfASavedDumpAsJson() {
        Run r = runops("certhelper", "pairs", "--file", dump().toString(), "--summary", "--format", "json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"rows\" : 10448").contains("\"origin\" : \"file\"").contains("\"per_reconstruction\"");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void jsonRowsReadBackAsTheSameHistory() throws IOException {
        server.enqueue(new MockResponse.Builder().code(200).body(SMALL).build());

        Run r = runops(pairs("--format", "json"));

        assertThat(r.exitCode()).as(r.err()).isZero();
        Path saved = Files.writeString(tmp.resolve("saved.json"), r.out());
        List<RunReferencePair> back = CertHelperHistory.read(saved);
        assertThat(back).hasSize(2);
        assertThat(back.get(1).dataset()).isEqualTo("a,\"b\"");
        assertThat(runops("certhelper", "pairs", "--file", saved.toString(), "--format", "json").out()).isEqualTo(r.out());
    }

    @Test
    void tableAndCsvRows() {
        server.enqueue(new MockResponse.Builder().code(200).body(SMALL).build());

        Run table = runops(pairs());
        Run csv = runops(pairs("--format", "csv"));

        assertThat(table.out().lines().toList()).hasSize(3).first().asString().contains("RUN", "REFERENCE", "DATASET");
        assertThat(table.out()).containsPattern("355100\\s+express\\s+355000\\s+express\\s+/Express/Collisions2022/DQM");
        assertThat(csv.out().lines().toList()).containsExactly(
                "run_number,run_reconstruction_type,reference_run_number,reference_run_reconstruction_type,dataset",
                "355100,express,355000,express,/Express/Collisions2022/DQM",
                "355101,prompt,355001,prompt,\"a,\"\"b\"\"\"");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void serverErrorsWithoutCacheExitTwoNamingTheUrl() {
        server.enqueue(new MockResponse.Builder().code(404).build());
        server.enqueue(new MockResponse.Builder().code(404).build());

        Run r = runops(pairs());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(server.url("/certify/allRunsRefRuns/").toString()).contains("mldatasets")
                .contains("404").contains("no usable cache");
    }

    @Test
    void anExpiredCacheIsUsedOnlyWithAllowStale() {
        server.enqueue(new MockResponse.Builder().code(200).body(SMALL).build());
        assertThat(runops(pairs()).exitCode()).isZero();
        server.enqueue(new MockResponse.Builder().code(200).body("<html>maintenance</html>").build());
        server.enqueue(new MockResponse.Builder().code(200).body("<html>maintenance</html>").build());

        Run strict = runops(pairs("--ttl", "0s", "--summary"));
        Run stale = runops(pairs("--ttl", "0s", "--allow-stale", "--summary"));

        assertThat(strict.exitCode()).isEqualTo(2);
        assertThat(strict.err()).contains("expired").contains("HTML page").contains(tmp.resolve("cache").toString());
        assertThat(stale.exitCode()).as(stale.err()).isZero();
        assertThat(stale.out()).contains("stale_cache").containsPattern("rows\\s+2");
    }

    @Test
    void badInputExitsTwo() {
        assertThat(runops("certhelper", "pairs", "--file", tmp.resolve("absent.json").toString()).err()).contains("absent.json");
        assertThat(runops("certhelper", "pairs", "--file", tmp.resolve("absent.json").toString()).exitCode()).isEqualTo(2);
        assertThat(runops(pairs("--ttl", "soon")).exitCode()).isEqualTo(2);
        assertThat(runops("certhelper", "pairs", "--url", "ftp://x", "--cache-dir", tmp.toString()).exitCode()).isEqualTo(2);
        assertThat(runops("certhelper", "pairs", "--file", "x.json", "--refresh").exitCode()).isEqualTo(2);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aGarbledDumpFileNamesTheFile() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.json"), "[{\"run_number\": 5,");

        Run r = runops("certhelper", "pairs", "--file", bad.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("bad.json").contains("malformed JSON");
    }
}
