package org.runops.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.RunopsException;

/** A real TLS server whose certificate only an extra trust store trusts, as with the CERN CAs. */
class HttpClientsTrustStoreTest {
    private static final String PASSWORD = "changeit";

    @TempDir
    Path dir;
    private MockWebServer server;
    private Path trustStore;

    @BeforeEach
    void start() throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        assumeTrue(Files.isExecutable(keytool), "skipped: no keytool in " + keytool);
        Path serverStore = dir.resolve("server.p12");
        Path cert = dir.resolve("server.crt");
        trustStore = dir.resolve("trust.p12");
        run(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=localhost",
                "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore", serverStore.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD);
        run(keytool.toString(), "-exportcert", "-alias", "server", "-keystore", serverStore.toString(),
                "-storepass", PASSWORD, "-file", cert.toString());
        run(keytool.toString(), "-importcert", "-noprompt", "-alias", "ca", "-file", cert.toString(),
                "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(serverStore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = new MockWebServer();
        server.useHttps(tls.getSocketFactory());
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    private byte[] fetch(OkHttpClient client) {
        try (HttpFetcher f = new HttpFetcher(client, TokenProvider.none(), RetryPolicy.none(), new RecordingSleeper(),
                new SplittableRandom(1))) {
            return f.fetch(server.url("/certify/allRunsRefRuns/"));
        }
    }

    @Test
    void theExtraTrustStoreIsTrustedBesideTheDefaults() {
        server.enqueue(new MockResponse.Builder().code(200).body("[]").build());
        HttpSettings settings = HttpSettings.defaults().withTrustStore(trustStore, "RUNOPS_TRUST_PASSWORD");

        byte[] body = fetch(HttpClients.create(settings, Map.of("RUNOPS_TRUST_PASSWORD", PASSWORD)::get));

        assertThat(new String(body)).isEqualTo("[]");
    }

    @Test
    void withoutTheTrustStoreTheServerIsNotTrusted() {
        server.enqueue(new MockResponse.Builder().code(200).body("[]").build());

        assertThatThrownBy(() -> fetch(HttpClients.create(HttpSettings.defaults())))
                .isInstanceOfSatisfying(HttpException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.getMessage()).contains("SSLHandshakeException");
                });
    }

    @Test
    void aMissingPasswordVariableOrUnreadableStoreIsNamed() throws IOException {
        HttpSettings settings = HttpSettings.defaults().withTrustStore(trustStore, "RUNOPS_TRUST_PASSWORD");
        assertThatThrownBy(() -> HttpClients.create(settings, Map.<String, String>of()::get))
                .isInstanceOf(RunopsException.class).hasMessageContaining("RUNOPS_TRUST_PASSWORD")
                .hasMessageContaining(trustStore.toString());

        Path garbage = Files.writeString(dir.resolve("garbage.p12"), "not a key store");
        assertThatThrownBy(() -> HttpClients.create(HttpSettings.defaults().withTrustStore(garbage, null)))
                .isInstanceOf(RunopsException.class).hasMessageContaining(garbage.toString());
    }

    @Test
    void aCleartextClientRefusesAnHttpsUrlByNameWithoutConnecting() {
        server.enqueue(new MockResponse.Builder().code(200).body("[]").build());

        assertThatThrownBy(() -> fetch(HttpClients.cleartext(HttpSettings.defaults())))
                .isInstanceOfSatisfying(HttpException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.getMessage()).contains(server.url("/certify/allRunsRefRuns/").toString()).contains("http:// only");
                });
        assertThat(server.getRequestCount()).isZero();
        assertThatThrownBy(() -> HttpClients.cleartext(HttpSettings.defaults().withTrustStore(trustStore, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(trustStore.toString());
    }
}
