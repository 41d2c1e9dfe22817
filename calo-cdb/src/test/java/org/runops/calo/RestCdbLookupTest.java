package org.runops.calo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.calo.CalibrationVerdict.Kind;
import org.runops.core.http.HttpSettings;
import org.runops.core.http.RetryPolicy;
import org.runops.testing.SharedData;

/** {@link RestCdbLookup} against a real HTTP server on loopback serving nopayloaddb's {@code payloadiovs}. */
class RestCdbLookupTest {
    private static final String GT = "newcdbtag";
    private static final String TAG = "new_newcdbtag_v008";
    /**
     * Quick retries and timeouts of a few seconds: a test that forgot an answer fails within seconds instead of
     * waiting 30 s, while a healthy answer on a loaded 2-core machine is still in time. Only the slow-server test
     * uses a short read timeout.
     */
    private static final HttpSettings FAST = HttpSettings.defaults()
            .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(10))
            .withRetry(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(1), Duration.ofSeconds(20)));

    @TempDir
    Path dir;
    private final InMemoryCdb cdb = new InMemoryCdb();
    private FakeNopayloadDb fake;
    private MockWebServer server;
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws IOException {
        fake = new FakeNopayloadDb(cdb);
        server = new MockWebServer();
        server.setDispatcher(fake);
        server.start(InetAddress.getLoopbackAddress(), 0);
        InMemoryCdb.GlobalTag gt = cdb.globalTag(GT);
        for (CalibrationSpec s : CalibrationSpec.DEFAULTS) {
            gt.insert(s.payloadType(), s.expectedFileName(new RunTag(68006, TAG)), 68006); // all up to date
        }
        gt.insert("CEMC_meanTime", "CEMC_meanTime_new_newcdbtag_v007_68007.root", 68007); // 68007: one outdated, rest missing
        gt.insert("HCALIN_meanTime", "HCALIN_meanTime_new_newcdbtag_v008_68050.root", 68050, 68100); // served at 68100, ended
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private URI base() {
        return server.url(FakeNopayloadDb.API).uri();
    }

    private RestCdbLookup.Builder builder() {
        return RestCdbLookup.builder(base()).globalTag(GT).httpSettings(FAST).sleeper(waits::add);
    }

    private static List<RunTag> runs(long... numbers) {
        return LongStream.of(numbers).mapToObj(r -> new RunTag(r, TAG)).toList();
    }

    @Test
    void oneRequestPerRunAnswersEveryCalibrationAsTheInMemoryLookupDoes() throws Exception {
        List<RunTag> runs = runs(68006, 68007, 68100, 66000);
        List<RunCdbState> expected = CdbLookup.inMemory(cdb, GT).check(runs, CalibrationSpec.DEFAULTS);
        try (RestCdbLookup rest = builder().build()) {
            assertThat(rest.check(runs, CalibrationSpec.DEFAULTS)).isEqualTo(expected);
        }
        assertThat(expected.get(0).needsMaps()).isFalse();
        assertThat(expected.get(1).verdicts().get("CEMC_meanTime").kind()).isEqualTo(Kind.OUTDATED);
        assertThat(expected.get(1).verdicts().get("CEMC_meanTime").foundTag()).contains("new_newcdbtag_v007");
        assertThat(expected.get(2).verdicts().get("HCALIN_meanTime").kind()).isEqualTo(Kind.MISSING);
        assertThat(expected.get(2).verdicts().get("HCALIN_meanTime").detail()).contains("covers runs [68050, 68100), not run 68100");
        assertThat(expected.get(3).verdicts().values()).extracting(CalibrationVerdict::kind).containsOnly(Kind.MISSING);
        assertThat(server.getRequestCount()).isEqualTo(5);
        for (long r : new long[] {68006, 68007, 68100, 66000}) {
            assertThat(fake.requests(r)).isEqualTo(1);
        }
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/cdb_rest/globalTags");
        RecordedRequest first = server.takeRequest();
        assertThat(first.getUrl().encodedPath()).isEqualTo("/api/cdb_rest/payloadiovs/");
        assertThat(first.getUrl().queryParameter("gtName")).isEqualTo(GT);
        assertThat(first.getUrl().queryParameter("majorIOV")).isEqualTo("0");
        assertThat(first.getUrl().queryParameter("shape")).isNull();
    }

    @Test
    void theDictShapeGivesTheSameVerdicts() throws Exception {
        List<RunTag> runs = runs(68006, 68007, 68008);
        try (RestCdbLookup positional = builder().build();
                RestCdbLookup dict = builder().shape(RestCdbLookup.Shape.DICT).build()) {
            assertThat(dict.check(runs, CalibrationSpec.DEFAULTS)).isEqualTo(positional.check(runs, CalibrationSpec.DEFAULTS));
        }
        List<String> shapes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            HttpUrl url = server.takeRequest().getUrl();
            if (url.encodedPath().endsWith("/payloadiovs/")) {
                shapes.add(String.valueOf(url.queryParameter("shape")));
            }
        }
        assertThat(shapes).containsExactlyInAnyOrder("null", "null", "null", "dict", "dict", "dict");
    }

    /** The documentation's own example answers (nopayloaddb api.rst), in both shapes. */
    @Test
    void theRealExampleRowsParseInBothShapes() throws Exception {
        String examples = Files.readString(SharedData.require("calocdb/nopayloaddb_payloadiovs_examples.json"));
        long run = 999999;
        fake.script(run, FakeNopayloadDb.json(200, rawField(examples, "response_positional")),
                FakeNopayloadDb.json(200, rawField(examples, "response_shape_dict (add &shape=dict)")));
        List<CalibrationSpec> specs = List.of(CalibrationSpec.standard("Beam"), CalibrationSpec.standard("CEMC_meanTime"));
        cdb.globalTag("sPHENIX_ExampleGT_24");
        try (RestCdbLookup rest = RestCdbLookup.builder(base()).globalTag("sPHENIX_ExampleGT_24").httpSettings(FAST).build()) {
            RunCdbState positional = rest.check(List.of(new RunTag(run, TAG)), specs).get(0);
            RunCdbState dict = rest.check(List.of(new RunTag(run, TAG)), specs).get(0);
            assertThat(dict).isEqualTo(positional);
            CalibrationVerdict beam = positional.verdicts().get("Beam");
            assertThat(beam.kind()).isEqualTo(Kind.OUTDATED); // covers the run, not named as a map job names it
            assertThat(beam.foundTag()).isEmpty();
            assertThat(beam.detail()).isEqualTo("D0DXMagnets.dat");
            assertThat(positional.verdicts().get("CEMC_meanTime").kind()).isEqualTo(Kind.MISSING);
        }
        server.takeRequest(); // globalTags
        assertThat(server.takeRequest().getUrl().queryParameter("gtName")).isEqualTo("sPHENIX_ExampleGT_24");
    }

    /** The server answers payloadiovs for an unknown global tag with [] (every map missing), so the tag is checked first. */
    @Test
    void anUnknownGlobalTagFailsTheWholeCheckBeforeAnyRunIsAsked() {
        try (RestCdbLookup rest = RestCdbLookup.builder(base()).globalTag("newcdbtag_typo").httpSettings(FAST).build()) {
            assertThatThrownBy(() -> rest.check(runs(68006, 68007), CalibrationSpec.DEFAULTS))
                    .isInstanceOf(CaloException.class)
                    .hasMessage("GET " + base() + "globalTags: the CDB has no global tag 'newcdbtag_typo'; it has [newcdbtag]");
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void theDocumentedGlobalTagListIsRead() throws IOException {
        String examples = Files.readString(SharedData.require("calocdb/nopayloaddb_payloadiovs_examples.json"));
        assertThat(org.runops.calo.internal.GlobalTagNames.parse(
                rawField(examples, "GET /api/cdb_rest/globalTags (alias global-tags)").getBytes(java.nio.charset.StandardCharsets.UTF_8), "doc"))
                .containsExactly("sPHENIX_ExampleGT_24");
    }

    @Test
    void aServerThatCannotListItsGlobalTagsFailsTheCheckUnlessTheVerificationIsOff() {
        fake.failGlobalTags();
        try (RestCdbLookup rest = builder().build()) {
            assertThatThrownBy(() -> rest.check(runs(68006), CalibrationSpec.DEFAULTS)).isInstanceOf(CaloException.class)
                    .hasMessageStartingWith("cannot verify that the CDB has global tag 'newcdbtag'").hasMessageContaining("404");
        }
        try (RestCdbLookup rest = builder().verifyGlobalTag(false).build()) {
            assertThat(rest.check(runs(68006), CalibrationSpec.DEFAULTS).get(0).needsMaps()).isFalse();
        }
    }

    @Test
    void aPayloadiovs404FailsTheWholeCheck() {
        try (RestCdbLookup rest = RestCdbLookup.builder(base()).globalTag("noSuchTag").httpSettings(FAST).verifyGlobalTag(false).build()) {
            assertThatThrownBy(() -> rest.check(runs(68006, 68007), CalibrationSpec.DEFAULTS))
                    .isInstanceOf(CaloException.class)
                    .hasMessageContaining("404")
                    .hasMessageContaining("gtName=noSuchTag")
                    .hasMessageContaining("does not know global tag 'noSuchTag'");
        }
        assertThat(waits).isEmpty(); // a 404 is not retried
    }

    @Test
    void aWrongApiRootFailsTheWholeCheck() {
        try (RestCdbLookup rest = RestCdbLookup.builder(server.url("/api/").uri()).httpSettings(FAST).build()) {
            assertThatThrownBy(() -> rest.check(runs(68006), CalibrationSpec.DEFAULTS))
                    .isInstanceOf(CaloException.class).hasMessageContaining("/api/globalTags").hasMessageContaining("404");
        }
    }

    @Test
    void aServerErrorLeavesThatRunUndecidedAndTheOthersGoOn() {
        fake.script(68007, FakeNopayloadDb.json(500, "{\"detail\": \"boom\"}"), FakeNopayloadDb.json(500, "{\"detail\": \"boom\"}"),
                FakeNopayloadDb.json(500, "{\"detail\": \"boom\"}"));
        try (RestCdbLookup rest = builder().build()) {
            List<RunCdbState> states = rest.check(runs(68006, 68007, 68008), CalibrationSpec.DEFAULTS);
            assertThat(states).extracting(s -> s.runTag().run()).containsExactly(68006L, 68007L, 68008L);
            assertThat(states.get(0).undecided()).isEmpty();
            assertThat(states.get(2).undecided()).isEmpty();
            RunCdbState failed = states.get(1);
            assertThat(failed.verdicts()).isEmpty();
            assertThat(failed.needsMaps()).isFalse();
            assertThat(failed.undecided()).hasValueSatisfying(reason -> assertThat(reason)
                    .contains("GET " + base() + "payloadiovs/?gtName=newcdbtag&majorIOV=0&minorIOV=68007")
                    .contains("500").contains("after 3 attempts").contains("boom"));
        }
        assertThat(fake.requests(68007)).isEqualTo(3);
    }

    @Test
    void aRequestTimeoutOrTooManyRequestsLeavesThatRunUndecidedNotTheWholeCheck() {
        MockResponse timedOut = FakeNopayloadDb.json(408, "{\"detail\": \"request timeout\"}");
        fake.script(68007, timedOut, timedOut); // OkHttp itself repeats a request answered 408 once
        MockResponse busy = FakeNopayloadDb.json(429, "{\"detail\": \"slow down\"}");
        fake.script(68008, busy, busy, busy);
        try (RestCdbLookup rest = builder().build()) {
            List<RunCdbState> states = rest.check(runs(68006, 68007, 68008), CalibrationSpec.DEFAULTS);
            assertThat(states.get(0).undecided()).isEmpty();
            assertThat(states.get(1).undecided()).hasValueSatisfying(r -> assertThat(r).contains("minorIOV=68007").contains("408"));
            assertThat(states.get(2).undecided()).hasValueSatisfying(r -> assertThat(r).contains("minorIOV=68008").contains("429")
                    .contains("after 3 attempts"));
        }
        assertThat(fake.requests(68008)).isEqualTo(3); // the fetcher's retries come first
    }

    @Test
    void afterKConsecutiveFailedRunsTheRemainingRunsAreUndecidedWithoutBeingAsked() {
        MockResponse down = FakeNopayloadDb.json(503, "{\"detail\": \"down\"}");
        fake.script(68001, down, down, down).script(68002, down, down, down);
        try (RestCdbLookup rest = builder().concurrency(1).unreachableAfter(2).build()) {
            List<RunCdbState> states = rest.check(runs(68001, 68002, 68006, 68007), CalibrationSpec.DEFAULTS);
            assertThat(states.get(1).undecided()).hasValueSatisfying(r -> assertThat(r).contains("minorIOV=68002").contains("503"));
            for (RunCdbState skipped : states.subList(2, 4)) {
                assertThat(skipped.undecided()).hasValueSatisfying(r -> assertThat(r)
                        .startsWith("CDB unreachable: 2 consecutive failures, last: GET ").contains("minorIOV=68002").contains("503"));
            }
        }
        assertThat(fake.requests(68006)).isZero();
        assertThat(fake.requests(68007)).isZero();
    }

    @Test
    void anAnswerBetweenFailuresStartsTheCountAgain() {
        MockResponse down = FakeNopayloadDb.json(503, "{\"detail\": \"down\"}");
        fake.script(68001, down, down, down).script(68002, down, down, down);
        try (RestCdbLookup rest = builder().concurrency(1).unreachableAfter(2).build()) {
            List<RunCdbState> states = rest.check(runs(68001, 68006, 68002, 68007), CalibrationSpec.DEFAULTS);
            assertThat(states).extracting(s -> s.undecided().isPresent()).containsExactly(true, false, true, false);
        }
        assertThat(fake.requests(68007)).isEqualTo(1);
    }

    @Test
    void aServerGoneMidCheckIsNotAskedForEveryRemainingRun() {
        server.close(); // connections are refused from here on
        try (RestCdbLookup rest = builder().verifyGlobalTag(false).concurrency(1).unreachableAfter(2).build()) {
            List<RunCdbState> states = rest.check(runs(68001, 68002, 68003, 68004, 68005), CalibrationSpec.DEFAULTS);
            assertThat(states.get(0).undecided()).hasValueSatisfying(r -> assertThat(r).contains("no answer"));
            assertThat(states.subList(2, 5)).allSatisfy(s -> assertThat(s.undecided()).hasValueSatisfying(r -> assertThat(r)
                    .startsWith("CDB unreachable: 2 consecutive failures, last: GET ").contains("minorIOV=68002").contains("no answer")));
        }
        assertThat(waits).hasSize(4); // two runs of three attempts each; the three runs after them were never tried
    }

    @Test
    void unreachableAfterMustBePositive() {
        assertThatThrownBy(() -> builder().unreachableAfter(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0");
    }

    @Test
    void aGatewayTimeoutIsRetriedWithBackoff() {
        fake.script(68006, FakeNopayloadDb.json(504, "<html>Gateway Time-out</html>"), FakeNopayloadDb.json(504, ""));
        try (RestCdbLookup rest = builder().build()) {
            RunCdbState state = rest.check(runs(68006), CalibrationSpec.DEFAULTS).get(0);
            assertThat(state.undecided()).isEmpty();
            assertThat(state.needsMaps()).isFalse();
        }
        assertThat(fake.requests(68006)).isEqualTo(3);
        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(5), Duration.ofMillis(10));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(10), Duration.ofMillis(20));
    }

    @Test
    void garbageAndHtmlLeaveTheRunUndecided() {
        fake.script(68006, FakeNopayloadDb.json(200, "[[\"CEMC_meanTime\", \"x.root\""));
        fake.script(68007, new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body("<!DOCTYPE html><html><head><title>Login</title></head></html>").build());
        fake.script(68008, FakeNopayloadDb.json(200, "{\"detail\": \"Not found.\"}"));
        try (RestCdbLookup rest = builder().build()) {
            List<RunCdbState> states = rest.check(runs(68006, 68007, 68008), CalibrationSpec.DEFAULTS);
            assertThat(states.get(0).undecided()).hasValueSatisfying(r -> assertThat(r).contains("minorIOV=68006").contains("malformed JSON"));
            assertThat(states.get(1).undecided()).hasValueSatisfying(r -> assertThat(r).contains("minorIOV=68007").contains("HTML"));
            assertThat(states.get(2).undecided()).hasValueSatisfying(r -> assertThat(r).contains("minorIOV=68008")
                    .contains("expected a JSON array"));
        }
        assertThat(fake.requests(68006)).isEqualTo(1); // a complete answer that does not parse is not asked again
    }

    @Test
    void aSlowServerTimesOutAndTheRunIsUndecided() {
        MockResponse slow = new MockResponse.Builder().code(200).body("[]").headersDelay(3, TimeUnit.SECONDS).build();
        fake.script(68007, slow, slow, slow);
        RetryPolicy twice = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofSeconds(20));
        // a short read timeout, for this server only: it answers 3 s late on purpose
        HttpSettings impatient = FAST.withTimeouts(Duration.ofSeconds(3), Duration.ofMillis(500), Duration.ofSeconds(5)).withRetry(twice);
        try (RestCdbLookup rest = builder().httpSettings(impatient).build()) {
            List<RunCdbState> states = rest.check(runs(68006, 68007), CalibrationSpec.DEFAULTS);
            assertThat(states.get(0).undecided()).isEmpty();
            assertThat(states.get(1).undecided()).hasValueSatisfying(r -> assertThat(r).contains("minorIOV=68007")
                    .contains("no answer").containsIgnoringCase("timeout").contains("after 2 attempts"));
        }
    }

    @Test
    void manyRunsAreLookedUpConcurrentlyWithinTheBoundAndReturnedInOrder() {
        InMemoryCdb.GlobalTag gt = cdb.globalTag(GT);
        List<RunTag> runs = new ArrayList<>();
        for (long r = 70000; r < 70300; r++) {
            runs.add(new RunTag(r, TAG));
            if (r % 3 == 0) {
                gt.insert("CEMC_meanTime", "CEMC_meanTime_" + TAG + "_" + r + ".root", r);
            }
        }
        fake.work(2);
        List<int[]> progress = Collections.synchronizedList(new ArrayList<>());
        try (RestCdbLookup rest = builder().concurrency(4).progress((done, total) -> progress.add(new int[] {done, total})).build()) {
            List<RunCdbState> states = rest.check(runs, List.of(CalibrationSpec.standard("CEMC_meanTime")));
            assertThat(states).extracting(RunCdbState::runTag).containsExactlyElementsOf(runs);
            assertThat(states).allSatisfy(s -> assertThat(s.verdicts().get("CEMC_meanTime").kind())
                    .isEqualTo(s.runTag().run() % 3 == 0 ? Kind.UP_TO_DATE : Kind.MISSING));
        }
        assertThat(server.getRequestCount()).isEqualTo(301);
        assertThat(fake.maxInFlight()).isBetween(1, 4);
        assertThat(progress).hasSize(300).allSatisfy(p -> assertThat(p[1]).isEqualTo(300));
        assertThat(progress).extracting(p -> p[0]).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 300).boxed().toList());
    }

    @Test
    void noRunsAskNothing() {
        try (RestCdbLookup rest = builder().build()) {
            assertThat(rest.check(List.of(), CalibrationSpec.DEFAULTS)).isEmpty();
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void theUrlAndDescriptionNameTheApiRootAndGlobalTag() {
        try (RestCdbLookup rest = RestCdbLookup.builder(URI.create("http://cdb.example:8000/api/cdb_rest")).build()) {
            assertThat(rest.urlFor(68006)).isEqualTo(HttpUrl.get(
                    "http://cdb.example:8000/api/cdb_rest/payloadiovs/?gtName=newcdbtag&majorIOV=0&minorIOV=68006"));
            assertThat(rest.describe()).isEqualTo("rest http://cdb.example:8000/api/cdb_rest/ global tag newcdbtag");
        }
        assertThatThrownBy(() -> RestCdbLookup.builder(URI.create("ftp://x/"))).isInstanceOf(IllegalArgumentException.class);
    }

    /** The nopayloadclient configurations as sPHENIX ships them: host without scheme, API path apart. */
    @Test
    void theClientConfigurationsNameTheApiRoot() {
        try (RestCdbLookup a = RestCdbLookup.fromClientConfig(SharedData.require("calocdb/nopayloadclient_default.json")).build();
                RestCdbLookup b = RestCdbLookup.fromClientConfig(SharedData.require("calocdb/macros_CDBTest_mycdb.json")).build()) {
            assertThat(a.baseUrl()).hasToString("http://localhost:8000/api/cdb_rest/");
            assertThat(b.baseUrl()).hasToString("http://nopayloaddb.apps.rcf.bnl.gov/api/cdb_rest/");
        }
    }

    @Test
    void aClientConfigurationDrivesRetriesAgainstTheServer() throws IOException {
        Path conf = dir.resolve("cdb.json");
        Files.writeString(conf, "{\"base_url\": \"" + server.getHostName() + ":" + server.getPort() + "\", \"api_res\": \"/api/cdb_rest/\","
                + " \"read_dir_list\": [\"/tmp/\"], \"n_retries\": 3, \"retry_sleep_mean\": 0.01, \"log_level\": \"INFO\"}");
        fake.script(68006, FakeNopayloadDb.json(504, ""), FakeNopayloadDb.json(504, ""));
        try (RestCdbLookup rest = RestCdbLookup.fromClientConfig(conf).sleeper(waits::add).build()) {
            assertThat(rest.check(runs(68006), CalibrationSpec.DEFAULTS).get(0).needsMaps()).isFalse();
        }
        assertThat(waits).hasSize(2).allSatisfy(w -> assertThat(w).isBetween(Duration.ofMillis(10), Duration.ofMillis(20)));
    }

    @Test
    void aBrokenClientConfigurationIsNamed() throws IOException {
        Path conf = dir.resolve("bad.json");
        Files.writeString(conf, "{\"api_res\": \"/api/cdb_rest/\"}");
        assertThatThrownBy(() -> RestCdbLookup.fromClientConfig(conf)).isInstanceOf(CaloException.class)
                .hasMessage(conf + ": no base_url (host[:port] of the CDB)");
        assertThatThrownBy(() -> RestCdbLookup.fromClientConfig(dir.resolve("absent.json"))).isInstanceOf(CaloException.class)
                .hasMessageContaining("absent.json");
    }

    /** The text of the JSON value of top-level field {@code name}, as it stands in the file. */
    private static String rawField(String json, String name) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(json)) {
            p.nextToken();
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                boolean wanted = p.currentName().equals(name);
                p.nextToken();
                int start = (int) p.currentTokenLocation().getCharOffset();
                p.skipChildren();
                if (wanted) {
                    return json.substring(start, (int) p.currentLocation().getCharOffset());
                }
            }
        }
        throw new IllegalArgumentException("no field " + name);
    }
}
