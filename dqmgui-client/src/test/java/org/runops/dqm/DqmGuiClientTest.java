package org.runops.dqm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.runops.core.http.HttpSettings;
import org.runops.core.http.RetryPolicy;
import org.runops.core.refrun.Reconstruction;
import org.runops.testing.SharedData;

/**
 * The client over real HTTP on loopback (mockwebserver3): the real 321012 jsonfairy answers, the URL rules
 * (three-part dataset, the online ME spelling, percent-encoding) and the faults. The samples and session
 * answers have no real sample: they are written from the spec (§3, the GUI's serverext.cc) and say so.
 */
class DqmGuiClientTest {
    static final String TRACKING_MAP = "Tracking/TrackParameters/generalTracks/GeneralProperties/TrackEtaPhi_ImpactPoint_GenTk";
    static final String EXPRESS = "/StreamExpress/Run2018D-Express-v1/DQMIO";
    private static final RetryPolicy THREE = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ZERO, Duration.ZERO);

    private final MockWebServer server = new MockWebServer();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private DqmGuiClient client;

    @BeforeEach
    void start() throws IOException {
        server.start();
        client = client(DqmInstance.OFFLINE, "/dqm/offline/", HttpSettings.defaults().withRetry(THREE));
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    @Test
    void histogramOfTheRealOfflineAnswer() throws Exception {
        server.enqueue(ok(Files.readAllBytes(SharedData.require(JsonFairyTest.OFFLINE))));

        Histogram2D h = (Histogram2D) client.histogram(321012, EXPRESS, "/" + TRACKING_MAP).orElseThrow();

        assertThat(h.entries()).isEqualTo(27_465_754d);
        assertThat(server.takeRequest().getUrl().encodedPath())
                .isEqualTo("/dqm/offline/jsonfairy/archive/321012/StreamExpress/Run2018D-Express-v1/DQMIO/" + TRACKING_MAP);
    }

    @Test
    void onlineAsksWithoutTheGeneralTracksLevel() throws Exception {
        server.enqueue(ok(Files.readAllBytes(SharedData.require(JsonFairyTest.ONLINE))));

        Histogram h;
        try (DqmGuiClient online = client(DqmInstance.ONLINE, "/dqm/online/", HttpSettings.defaults())) {
            h = online.histogram(321012, DqmInstance.ONLINE_DATASET, TRACKING_MAP).orElseThrow();
        }

        assertThat(h.entries()).isEqualTo(224_510d);
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo(
                "/dqm/online/jsonfairy/archive/321012/Global/Online/ALL/Tracking/TrackParameters/GeneralProperties/TrackEtaPhi_ImpactPoint_GenTk");
        assertThat(DqmInstance.ONLINE.mePath("Tracking/TrackParameters/GeneralProperties/X")).isEqualTo("Tracking/TrackParameters/GeneralProperties/X");
        assertThat(DqmInstance.OFFLINE.mePath(TRACKING_MAP + "/")).isEqualTo(TRACKING_MAP);
    }

    @Test
    void unsupportedTypeIsEmptyAndArchiveJsonHandsBackTheRawBody() throws Exception {
        byte[] real = Files.readAllBytes(SharedData.require(JsonFairyTest.OFFLINE));
        server.enqueue(ok(Files.readAllBytes(SharedData.require(JsonFairyTest.UNSUPPORTED))));
        server.enqueue(ok(Files.readAllBytes(SharedData.require(JsonFairyTest.UNSUPPORTED))));
        server.enqueue(ok(real));

        assertThat(client.histogram(321012, EXPRESS, "Tracking/NoSuchPlot")).isEmpty();
        assertThat(client.archiveJson(321012, EXPRESS, "Tracking/NoSuchPlot")).isEmpty();
        assertThat(client.archiveJson(321012, EXPRESS, TRACKING_MAP)).hasValueSatisfying(b -> assertThat(b).isEqualTo(real));
    }

    @Test
    void pathsArePercentEncodedAsTheGuiExpects() throws Exception {
        server.enqueue(ok("{\"hist\": \"unsupported type\"}".getBytes()));

        client.histogram(321012, "/Zero Bias/Run2018A-17Sep2018-v1/DQMIO", "SiStrip/MechanicalView/TIB layer+1/a#b;c é");

        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/dqm/offline/jsonfairy/archive/321012/Zero%20Bias/"
                + "Run2018A-17Sep2018-v1/DQMIO/SiStrip/MechanicalView/TIB%20layer+1/a%23b%3Bc%20%C3%A9");
    }

    @Test
    void datasetAndPathAreCheckedBeforeAsking() {
        for (String bad : new String[] {"/StreamExpress/Run2018D-Express-v1", "StreamExpress/Run2018D-Express-v1/DQMIO/", "/a/../b", "/a//b"}) {
            assertThatThrownBy(() -> client.histogram(321012, bad, TRACKING_MAP)).isInstanceOf(DqmException.class)
                    .hasMessageContaining("'" + bad + "' must have exactly three parts");
        }
        assertThatThrownBy(() -> client.histogram(321012, EXPRESS, "Tracking//X")).isInstanceOf(DqmException.class)
                .hasMessageContaining("Tracking//X");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void refusalsNameTheMissingCertificate() {
        server.enqueue(new MockResponse.Builder().code(401).body("Unauthorized").build());
        server.enqueue(new MockResponse.Builder().code(403).body("Forbidden").build());

        for (int status : new int[] {401, 403}) {
            assertThatThrownBy(() -> client.histogram(321012, EXPRESS, TRACKING_MAP)).isInstanceOf(DqmException.class)
                    .hasMessageContaining("/dqm/offline/jsonfairy/archive/321012/")
                    .hasMessageContaining("refused the request (HTTP " + status + ")")
                    .hasMessageContaining("no client certificate was configured");
        }
        assertThat(server.getRequestCount()).isEqualTo(2); // refusals are not retried
    }

    @Test
    void serverErrorsAreRetriedThenNamed() throws Exception {
        server.enqueue(new MockResponse.Builder().code(500).body("Internal error while rendering").build());
        server.enqueue(ok(Files.readAllBytes(SharedData.require(JsonFairyTest.ONLINE))));
        assertThat(client.histogram(321012, EXPRESS, TRACKING_MAP)).isPresent();
        assertThat(waits).hasSize(1);

        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(500).body("Internal error while rendering").build());
        }
        assertThatThrownBy(() -> client.histogram(321012, EXPRESS, TRACKING_MAP)).isInstanceOf(DqmException.class)
                .hasMessageContaining("500").hasMessageContaining("after 3 attempts").hasMessageContaining("TrackEtaPhi_ImpactPoint_GenTk");
    }

    @Test
    void truncatedBodyIsRetried() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"hist\":{\"type\":\"TH2\"" + " ".repeat(100_000) + "}}")
                .onResponseBody(new SocketEffect.CloseSocket()).build());
        server.enqueue(ok(Files.readAllBytes(SharedData.require(JsonFairyTest.OFFLINE))));

        assertThat(client.histogram(321012, EXPRESS, TRACKING_MAP)).isPresent();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void slowBodyEndsInANamedTimeout() {
        client.close();
        client = client(DqmInstance.OFFLINE, "/dqm/offline/", HttpSettings.defaults()
                .withRetry(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ZERO, Duration.ZERO))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofSeconds(5)));
        for (int i = 0; i < 2; i++) {
            server.enqueue(new MockResponse.Builder().code(200).body("{\"hist\": \"unsupported type\"}")
                    .bodyDelay(2, TimeUnit.SECONDS).build());
        }

        assertThatThrownBy(() -> client.histogram(321012, EXPRESS, TRACKING_MAP)).isInstanceOf(DqmException.class)
                .hasMessageContaining("SocketTimeoutException").hasMessageContaining("after 2 attempts")
                .hasMessageContaining("TrackEtaPhi_ImpactPoint_GenTk");
    }

    @Test
    void nonJsonBodiesAreNamedErrors() {
        server.enqueue(ok("JSON format of live source plot is not supported yet.".getBytes()));
        server.enqueue(ok("<html><head><title>Service Unavailable</title></head></html>".getBytes()));

        assertThatThrownBy(() -> client.histogram(321012, EXPRESS, TRACKING_MAP)).isInstanceOf(DqmException.class)
                .hasMessageContaining("jsonfairy/archive/321012").hasMessageContaining("text, not JSON");
        assertThatThrownBy(() -> client.archiveJson(321012, EXPRESS, TRACKING_MAP)).isInstanceOf(DqmException.class)
                .hasMessageContaining("Service Unavailable");
    }

    /** The samples answer below is built from the spec (§3): no real one exists. */
    @Test
    void datasetsFromTheStatelessSamplesEndpoint() throws Exception {
        server.enqueue(ok(("{\"samples\":[{\"type\":\"offline_data\",\"items\":["
                + "{\"type\":\"offline_data\",\"run\":\"321012\",\"dataset\":\"/StreamExpress/Run2018D-Express-v1/DQMIO\",\"version\":\"\",\"importversion\":1},"
                + "{\"type\":\"offline_data\",\"run\":\"321012\",\"dataset\":\"/ZeroBias/Run2018D-PromptReco-v2/DQMIO\",\"version\":\"\",\"importversion\":1},"
                + "{\"type\":\"offline_data\",\"run\":\"1321012\",\"dataset\":\"/Other/Run2028A-Express-v1/DQMIO\",\"version\":\"\",\"importversion\":1},"
                + "{\"type\":\"offline_data\",\"run\":\"321012\",\"dataset\":\"/ZeroBias/Run2018D-PromptReco-v2/DQMIO\",\"version\":\"2\",\"importversion\":2}"
                + "]}]}").getBytes()));

        List<DqmSample> samples = client.datasets(321012);

        assertThat(samples).hasSize(3).first().isEqualTo(new DqmSample("offline_data", 321012, EXPRESS, "", 1));
        RecordedRequest r = server.takeRequest();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/dqm/offline/data/json/samples");
        assertThat(r.getUrl().queryParameter("run")).isEqualTo("321012");
        assertThat(r.getUrl().queryParameter("match")).isEqualTo(".*");
    }

    @Test
    void datasetForPicksByTheReconstruction() {
        String body = "{\"samples\":[{\"type\":\"offline_data\",\"items\":["
                + "{\"type\":\"offline_data\",\"run\":\"320065\",\"dataset\":\"/ZeroBias/Run2018C-PromptReco-v3/DQMIO\",\"version\":\"\",\"importversion\":1},"
                + "{\"type\":\"offline_data\",\"run\":\"320065\",\"dataset\":\"/StreamExpress/Run2018C-Express-v1/DQMIO\",\"version\":\"\",\"importversion\":1}"
                + "]}]}";
        server.enqueue(ok(body.getBytes()));
        server.enqueue(ok(body.getBytes()));

        assertThat(client.datasetNames(320065)).containsExactly("/ZeroBias/Run2018C-PromptReco-v3/DQMIO", "/StreamExpress/Run2018C-Express-v1/DQMIO");
        assertThat(client.datasetFor(320065, Reconstruction.PROMPT)).contains("/ZeroBias/Run2018C-PromptReco-v3/DQMIO");
    }

    /** The landing page and the session answers are built from the spec (§3, serverext.cc): no real ones exist. */
    @Test
    void sessionApiIsTheFallbackAndItsSessionIsReused() throws Exception {
        server.enqueue(new MockResponse.Builder().code(404).body("Not found").build());
        server.enqueue(ok(LANDING.getBytes()));
        server.enqueue(ok(TUPLE.getBytes()));
        server.enqueue(ok(TUPLE.getBytes()));
        server.enqueue(ok(TUPLE.getBytes()));
        server.enqueue(ok(TUPLE.getBytes()));

        assertThat(client.datasetNames(321012)).containsExactly(EXPRESS, "/ZeroBias/Run2018D-PromptReco-v2/DQMIO");
        assertThat(client.datasetNames(321012)).hasSize(2);

        List<String> asked = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            asked.add(server.takeRequest().getTarget());
        }
        // the stateless endpoint answered 404 once: the second listing goes straight to the session
        assertThat(asked).containsExactly(
                "/dqm/offline/data/json/samples?match=.*&run=321012",
                "/dqm/offline/",
                "/dqm/offline/session/ABMTY3/chooseSample?vary=run;order=dataset",
                "/dqm/offline/session/ABMTY3/modify?vary=any;order=dataset;pat=321012",
                "/dqm/offline/session/ABMTY3/chooseSample?vary=run;order=dataset",
                "/dqm/offline/session/ABMTY3/modify?vary=any;order=dataset;pat=321012");
    }

    @Test
    void aForgottenSessionIsReplacedOnce() throws Exception {
        server.enqueue(new MockResponse.Builder().code(404).body("Not found").build());
        server.enqueue(ok(LANDING.getBytes()));
        server.enqueue(new MockResponse.Builder().code(404).body("no such session").build()); // the GUI restarted
        server.enqueue(ok(LANDING.replace("ABMTY3", "NEW42").getBytes()));
        server.enqueue(ok(TUPLE.getBytes()));
        server.enqueue(ok(TUPLE.getBytes()));

        assertThat(client.datasetNames(321012)).containsExactly(EXPRESS, "/ZeroBias/Run2018D-PromptReco-v2/DQMIO");

        List<String> asked = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            asked.add(server.takeRequest().getTarget());
        }
        assertThat(asked).containsExactly(
                "/dqm/offline/data/json/samples?match=.*&run=321012",
                "/dqm/offline/",
                "/dqm/offline/session/ABMTY3/chooseSample?vary=run;order=dataset",
                "/dqm/offline/",
                "/dqm/offline/session/NEW42/chooseSample?vary=run;order=dataset",
                "/dqm/offline/session/NEW42/modify?vary=any;order=dataset;pat=321012");
    }

    private static final String LANDING = "<html><head><script>location.replace('/dqm/offline/session/ABMTY3')</script></head></html>";
    private static final String TUPLE = "([{'kind':'AutoUpdate','interval':300,'stamp':1538000000},{'kind':'DQMSample','vary':'any','order':'dataset','dynsearch':True,'items':["
                + "{'type':'offline_data','items':[{\"type\":\"offline_data\",\"run\":\"321012\",\"dataset\":\"/StreamExpress/Run2018D-Express-v1/DQMIO\",\"version\":\"\",\"importversion\":1},"
                + "{\"type\":\"offline_data\",\"run\":\"321012\",\"dataset\":\"/ZeroBias/Run2018D-PromptReco-v2/DQMIO\",\"version\":\"\",\"importversion\":1}]}]}])";

    @Test
    void refusedSamplesAreNotRetriedThroughTheSession() {
        server.enqueue(new MockResponse.Builder().code(403).body("Forbidden").build());

        assertThatThrownBy(() -> client.datasets(321012)).isInstanceOf(DqmException.class).hasMessageContaining("HTTP 403");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void bothWaysFailingNamesBoth() {
        server.enqueue(new MockResponse.Builder().code(404).body("Not found").build());
        server.enqueue(ok("<html>maintenance</html>".getBytes()));

        assertThatThrownBy(() -> client.datasets(321012)).isInstanceOf(DqmException.class)
                .hasMessageContaining("cannot list the datasets of run 321012").hasMessageContaining("404")
                .hasMessageContaining("session API fallback failed too").hasMessageContaining("no session in the GUI's page");
    }

    private DqmGuiClient client(DqmInstance instance, String path, HttpSettings settings) {
        return DqmGuiClient.builder().instance(instance).baseUrl(server.url(path)).httpSettings(settings).sleeper(waits::add).build();
    }

    private static MockResponse ok(byte[] body) {
        return new MockResponse.Builder().code(200).body(new okio.Buffer().write(body)).build();
    }
}
