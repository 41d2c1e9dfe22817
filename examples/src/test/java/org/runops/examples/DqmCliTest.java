package org.runops.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runops.examples.Launcher.runopsIn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.dqm.X509Credentials;
import org.runops.examples.cli.CliEnvironment;
import org.runops.testing.FakeDqmGui;
import org.runops.testing.SharedData;

/**
 * {@code runops dqm hist|datasets} end to end: saved real jsonfairy answers read with --file, and a loopback GUI
 * (FakeDqmGui: the real 321012 bodies; its samples answer is built from the spec, no real one exists).
 */
class DqmCliTest {
    private static final String OFFLINE = "dqm/jsonfairy_offline_321012_StreamExpress_Run2018D-Express-v1_TrackEtaPhi_ImpactPoint_GenTk.json";
    private static final String UNSUPPORTED = "dqm/jsonfairy_unsupported_type_321012_StreamExpress_Run2018D-Express-v1_folder.json";
    private static final String ME = "Tracking/TrackParameters/generalTracks/GeneralProperties/TrackEtaPhi_ImpactPoint_GenTk";
    private static final String EXPRESS = "/StreamExpress/Run2018D-Express-v1/DQMIO";

    @TempDir
    Path tmp;

    /** A home and $CERN_CERTIFICATE_PATH under the temp dir: the developer's real ~/.globus is never read. */
    private CliEnvironment env() {
        return new CliEnvironment(Map.of(X509Credentials.CERTIFICATE_PATH_ENV, tmp.resolve("certs").toString())::get, tmp.resolve("home"),
                Clock.systemUTC());
    }

    /** An encrypted grid key where discovery looks first (the usual CMS setup): any discovery attempt fails on it. */
    private void encryptedKeyInTheCertificatePath() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("certs"));
        Files.writeString(dir.resolve("userkey.pem"), ENCRYPTED_KEY);
        Files.writeString(dir.resolve("usercert.pem"), CERT);
    }

    @Test
    void histFromASavedAnswerAsATable() {
        Path file = SharedData.require(OFFLINE);

        Launcher.Run r = runopsIn(env(), "dqm", "hist", "--file", file.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("TH2").contains("TrackEtaPhi_ImpactPoint_GenTk").contains("27465754")
                .contains("integral      27458400").contains("out of range").contains("7373")
                .containsPattern("x\\s+Track #eta\\s+-0.0241293\\s+3.12038E-4\\s+1.63532\\s+2.20644E-4\\s+31\\s+-3\\s+3")
                .containsPattern("y\\s+Track #phi\\s+-0.00116678");
    }

    @Test
    void histFromASavedAnswerAsJson() throws Exception {
        Launcher.Run r = runopsIn(env(), "dqm", "hist", "--file", SharedData.require(OFFLINE).toString(), "--format", "json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("type").asText()).isEqualTo("TH2");
        assertThat(j.get("entries").asDouble()).isEqualTo(27_465_754d);
        assertThat(j.get("integral").asDouble()).isEqualTo(2.74584e7);
        assertThat(j.get("x").get("mean").asDouble()).isEqualTo(-0.0241293);
        assertThat(j.get("y").get("rms").asDouble()).isEqualTo(1.83402);
        assertThat(j.get("y").get("bins").asInt()).isEqualTo(32);
    }

    @Test
    void anUnknownAxisRangeIsJsonNull() throws Exception {
        // one bin: the GUI sends no first/last (spec), so the range is unknown; written from the spec's TH1 shape
        Path file = Files.writeString(tmp.resolve("one_bin.json"), "{\"hist\":{\"type\":\"TH1\",\"title\":\"t\",\"stats\":{\"name\":\"N\","
                + "\"entries\":5.000000,\"mean\":{\"X\":{\"value\":1,\"error\":0}},\"rms\":{\"X\":{\"value\":0,\"error\":0}},"
                + "\"underflow\":0,\"overflow\":0},\"xaxis\":{\"title\":\"x\"},\"values\":{\"min\":5,\"max\":5},"
                + "\"bins\":{\"integral\":5,\"content\":[5],\"error\":[2.236]}}}");

        Launcher.Run r = runopsIn(env(), "dqm", "hist", "--file", file.toString(), "--format", "json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode x = new ObjectMapper().readTree(r.out()).get("x");
        assertThat(x.get("min").isNull()).as(r.out()).isTrue();
        assertThat(x.get("max").isNull()).isTrue();
        assertThat(x.get("bins").asInt()).isEqualTo(1);
    }

    @Test
    void histFromTheGuiAndANoSuchHistogramExit() throws Exception {
        encryptedKeyInTheCertificatePath(); // plain http: never looked at
        try (FakeDqmGui gui = new FakeDqmGui(Files.readAllBytes(SharedData.require(OFFLINE)), Files.readAllBytes(SharedData.require(UNSUPPORTED)))) {
            gui.run(321012, EXPRESS).missing("NoSuchPlot");
            String url = gui.baseUrl().toString();

            Launcher.Run found = runopsIn(env(), "dqm", "hist", "321012", EXPRESS, ME, "--url", url);
            assertThat(found.exitCode()).as(found.err()).isZero();
            assertThat(found.out()).contains("27465754").contains(url + "jsonfairy/archive/321012" + EXPRESS + "/" + ME);
            assertThat(found.err()).doesNotContain("no client certificate"); // plain http: no note

            Launcher.Run missing = runopsIn(env(), "dqm", "hist", "321012", EXPRESS, "Tracking/NoSuchPlot", "--url", url);
            assertThat(missing.exitCode()).isEqualTo(1);
            assertThat(missing.err()).contains("no such histogram");
        }
    }

    @Test
    void datasetsOfARunAndTheOneOfAReconstruction() throws Exception {
        encryptedKeyInTheCertificatePath(); // plain http: never looked at
        try (FakeDqmGui gui = new FakeDqmGui(Files.readAllBytes(SharedData.require(OFFLINE)), Files.readAllBytes(SharedData.require(UNSUPPORTED)))) {
            gui.run(321012, EXPRESS, "/ZeroBias/Run2018D-PromptReco-v2/DQMIO", "/Cosmics/Run2018D-PromptReco-v2/DQMIO");
            String url = gui.baseUrl().toString();

            Launcher.Run all = runopsIn(env(), "dqm", "datasets", "321012", "--url", url);
            assertThat(all.exitCode()).as(all.err()).isZero();
            assertThat(all.out()).contains("offline_data").contains(EXPRESS).contains("/ZeroBias/Run2018D-PromptReco-v2/DQMIO");

            Launcher.Run prompt = runopsIn(env(), "dqm", "datasets", "321012", "--reco", "prompt", "--url", url);
            assertThat(prompt.exitCode()).as(prompt.err()).isZero();
            assertThat(prompt.out().strip()).isEqualTo("/Cosmics/Run2018D-PromptReco-v2/DQMIO");

            Launcher.Run none = runopsIn(env(), "dqm", "datasets", "999999", "--url", url, "--format", "json");
            assertThat(none.exitCode()).isEqualTo(1);
            assertThat(none.out().strip()).isEqualTo("[ ]");
        }
    }

    @Test
    void badInputIsExitTwoAndNamesIt() {
        Launcher.Run r = runopsIn(env(), "dqm", "hist", "321012", "/StreamExpress/Run2018D-Express-v1", ME, "--url", "http://127.0.0.1:9/dqm/offline/");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("'/StreamExpress/Run2018D-Express-v1' must have exactly three parts");

        Launcher.Run both = runopsIn(env(), "dqm", "hist", "1", "/a/b/c", "X", "--file", "f.json");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--file reads a saved answer");
    }

    @Test
    void anEncryptedKeyIsRefusedWithTheWayOut() throws Exception {
        Path key = Files.writeString(tmp.resolve("userkey.pem"), ENCRYPTED_KEY);
        Path cert = Files.writeString(tmp.resolve("usercert.pem"), CERT);

        Launcher.Run r = runopsIn(env(), "dqm", "datasets", "321012", "--cert", cert.toString(), "--key", key.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("userkey.pem").contains("encrypted").contains("openssl pkey");
    }

    @Test
    void certificatesAreDiscoveredOnlyForHttpsAndNotWithNoCert() throws Exception {
        encryptedKeyInTheCertificatePath();
        String https = "https://127.0.0.1:9/dqm/offline/";

        Launcher.Run discovered = runopsIn(env(), "dqm", "datasets", "321012", "--url", https);
        assertThat(discovered.exitCode()).isEqualTo(2);
        assertThat(discovered.err()).contains(tmp.resolve("certs").resolve("userkey.pem").toString()).contains("encrypted");

        // a two-part dataset fails before any connection: what matters is that no certificate was looked for
        Launcher.Run none = runopsIn(env(), "dqm", "hist", "321012", "/A/B", "X", "--url", https, "--no-cert");
        assertThat(none.err()).doesNotContain("encrypted").doesNotContain("note: no client certificate")
                .contains("must have exactly three parts");
        assertThat(none.exitCode()).isEqualTo(2);

        Launcher.Run both = runopsIn(env(), "dqm", "datasets", "321012", "--no-cert", "--pkcs12", "x.p12");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--no-cert sends no certificate");
    }

    @Test
    void helpSaysWhereCertificatesAreLookedFor() {
        Launcher.Run r = runopsIn(env(), "dqm", "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("$CERN_CERTIFICATE_PATH").contains("~/private").contains("~/.globus").contains("usercert.pem")
                .contains("hist").contains("datasets");
        assertThat(runopsIn(env(), "dqm", "hist", "--help").out()).contains("Exit codes").contains("unsupported type");
    }

    private static final String ENCRYPTED_KEY =
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI\n-----END ENCRYPTED PRIVATE KEY-----\n";

    /** Never parsed: the key is read (and refused) first. */
    private static final String CERT = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
}
