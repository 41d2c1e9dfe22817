package org.runops.dqm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.runops.core.http.HttpSettings;
import org.runops.core.http.RetryPolicy;
import org.runops.testing.SharedData;

/**
 * X.509 client authentication end to end, as cmsweb does it: a loopback HTTPS server (mockwebserver3) whose
 * certificate is signed by a CA the JDK does not know (like the CERN Root CA) and which requires a client
 * certificate from its grid CA. The client reads its certificate and key from PEM files in a temp dir and
 * trusts the server through a trust store file; the served answer is the real 321012 jsonfairy body.
 */
class DqmTlsTest {
    private static final HeldCertificate SERVER_CA = new HeldCertificate.Builder().rsa2048().certificateAuthority(0)
            .commonName("Test CERN Root CA").build();
    private static final HeldCertificate GRID_CA = new HeldCertificate.Builder().rsa2048().certificateAuthority(0)
            .commonName("Test CERN Grid CA").build();
    private static final HeldCertificate SERVER = new HeldCertificate.Builder().rsa2048().commonName("cmsweb test")
            .addSubjectAlternativeName("localhost").addSubjectAlternativeName("127.0.0.1").signedBy(SERVER_CA).build();
    private static final HeldCertificate USER = new HeldCertificate.Builder().rsa2048().commonName("test user")
            .signedBy(GRID_CA).build();
    private static final RetryPolicy ONCE = new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ZERO, Duration.ZERO);

    private final MockWebServer server = new MockWebServer();
    @TempDir
    Path dir;
    private Path trustStore;

    @BeforeEach
    void start() throws Exception {
        HandshakeCertificates serverSide = new HandshakeCertificates.Builder()
                .heldCertificate(SERVER)
                .addTrustedCertificate(GRID_CA.certificate())
                .build();
        server.useHttps(serverSide.sslSocketFactory());
        server.requireClientAuth();
        server.start();

        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("test-cern-root", SERVER_CA.certificate());
        trustStore = dir.resolve("cern-ca.p12");
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            store.store(out, "changeit".toCharArray());
        }
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pkcs8", "pkcs1"})
    void clientCertificateFromPemFilesIsPresented(String keyFormat) throws Exception {
        Path cert = Files.writeString(dir.resolve("usercert.pem"), USER.certificatePem());
        Path key = Files.writeString(dir.resolve("userkey.pem"),
                keyFormat.equals("pkcs8") ? USER.privateKeyPkcs8Pem() : USER.privateKeyPkcs1Pem());
        server.enqueue(new MockResponse.Builder().code(200).body(new okio.Buffer().write(
                Files.readAllBytes(SharedData.require(JsonFairyTest.OFFLINE)))).build());

        try (DqmGuiClient gui = client(X509Credentials.pem(cert, key))) {
            Histogram h = gui.histogram(321012, DqmGuiClientTest.EXPRESS, DqmGuiClientTest.TRACKING_MAP).orElseThrow();
            assertThat(h.entries()).isEqualTo(27_465_754d);
        }
        RecordedRequest r = server.takeRequest();
        assertThat(r.getHandshake()).isNotNull();
        assertThat(r.getHandshake().peerCertificates()).first().isEqualTo(USER.certificate());
    }

    @Test
    void withoutAClientCertificateTheFailureSaysSo() {
        try (DqmGuiClient gui = client(null)) {
            assertThatThrownBy(() -> gui.histogram(321012, DqmGuiClientTest.EXPRESS, DqmGuiClientTest.TRACKING_MAP))
                    .isInstanceOf(DqmException.class)
                    .hasMessageContaining("https://")
                    .hasMessageContaining("no client certificate was configured");
        }
    }

    @Test
    void aServerSignedByAnUnknownCaIsNotTrustedWithoutTheTrustStore() throws IOException {
        Path cert = Files.writeString(dir.resolve("usercert.pem"), USER.certificatePem());
        Path key = Files.writeString(dir.resolve("userkey.pem"), USER.privateKeyPkcs8Pem());
        try (DqmGuiClient gui = DqmGuiClient.builder().baseUrl(server.url("/dqm/offline/")).credentials(X509Credentials.pem(cert, key))
                .httpSettings(HttpSettings.defaults().withRetry(ONCE)).build()) {
            assertThatThrownBy(() -> gui.histogram(321012, DqmGuiClientTest.EXPRESS, DqmGuiClientTest.TRACKING_MAP))
                    .isInstanceOf(DqmException.class)
                    .hasMessageContaining("SSLHandshakeException");
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anEcKeyWorksAndTheTrustStoreSurvivesALaterHttpSettings() throws Exception {
        HeldCertificate ecUser = new HeldCertificate.Builder().ecdsa256().commonName("ec user").signedBy(GRID_CA).build();
        Path cert = Files.writeString(dir.resolve("usercert.pem"), ecUser.certificatePem());
        Path key = Files.writeString(dir.resolve("userkey.pem"), ecUser.privateKeyPkcs8Pem());
        server.enqueue(new MockResponse.Builder().code(200).body(new okio.Buffer().write(
                Files.readAllBytes(SharedData.require(JsonFairyTest.OFFLINE)))).build());

        // trustStore first, httpSettings after: the CERN store must not be dropped by the later call
        try (DqmGuiClient gui = DqmGuiClient.builder().baseUrl(server.url("/dqm/offline/")).credentials(X509Credentials.pem(cert, key))
                .trustStore(trustStore, "TEST_TRUST_PASSWORD").env(Map.of("TEST_TRUST_PASSWORD", "changeit")::get)
                .httpSettings(HttpSettings.defaults().withRetry(ONCE)).build()) {
            assertThat(gui.histogram(321012, DqmGuiClientTest.EXPRESS, DqmGuiClientTest.TRACKING_MAP)).isPresent();
        }
        assertThat(server.takeRequest().getHandshake().peerCertificates()).first().isEqualTo(ecUser.certificate());
    }

    @Test
    void aServerCertificateForAnotherHostIsRefused() throws Exception {
        // signed by the trusted CA, but not for localhost/127.0.0.1: only hostname verification can refuse it
        HeldCertificate otherHost = new HeldCertificate.Builder().rsa2048().commonName("cmsweb.cern.ch")
                .addSubjectAlternativeName("cmsweb.cern.ch").signedBy(SERVER_CA).build();
        Path cert = Files.writeString(dir.resolve("usercert.pem"), USER.certificatePem());
        Path key = Files.writeString(dir.resolve("userkey.pem"), USER.privateKeyPkcs8Pem());
        try (MockWebServer wrongName = new MockWebServer()) {
            wrongName.useHttps(new HandshakeCertificates.Builder().heldCertificate(otherHost).addTrustedCertificate(GRID_CA.certificate())
                    .build().sslSocketFactory());
            wrongName.start();
            wrongName.enqueue(new MockResponse.Builder().code(200).body("{}").build());
            try (DqmGuiClient gui = DqmGuiClient.builder().baseUrl(wrongName.url("/dqm/offline/")).credentials(X509Credentials.pem(cert, key))
                    .httpSettings(HttpSettings.defaults().withRetry(ONCE)).trustStore(trustStore, "TEST_TRUST_PASSWORD")
                    .env(Map.of("TEST_TRUST_PASSWORD", "changeit")::get).build()) {
                assertThatThrownBy(() -> gui.histogram(321012, DqmGuiClientTest.EXPRESS, DqmGuiClientTest.TRACKING_MAP))
                        .isInstanceOf(DqmException.class)
                        .hasStackTraceContaining("SSLPeerUnverifiedException");
            }
            assertThat(wrongName.getRequestCount()).isZero();
        }
    }

    private DqmGuiClient client(X509Credentials credentials) {
        return DqmGuiClient.builder()
                .baseUrl(server.url("/dqm/offline/"))
                .credentials(credentials)
                .httpSettings(HttpSettings.defaults().withRetry(ONCE))
                .trustStore(trustStore, "TEST_TRUST_PASSWORD")
                .env(Map.of("TEST_TRUST_PASSWORD", "changeit")::get)
                .build();
    }
}
