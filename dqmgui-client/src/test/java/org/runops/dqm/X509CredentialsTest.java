package org.runops.dqm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import javax.net.ssl.X509KeyManager;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Client credentials from the files users have: PEM pairs with PKCS#8, PKCS#1 and SEC1 keys, a proxy
 * bundle, PKCS#12, the usual folders, and the refusal of encrypted keys. The RSA and EC PKCS#8 material
 * is made per test with okhttp-tls; the SEC1 EC key and the two encrypted keys under
 * {@code src/test/resources/org/runops/dqm/x509} were made once with OpenSSL 3.0 ({@code openssl ecparam
 * -genkey -noout}, {@code openssl pkcs8 -topk8 -v2 aes-256-cbc}, {@code openssl rsa -traditional -aes256})
 * for these tests only.
 */
class X509CredentialsTest {
    private static final HeldCertificate CA = new HeldCertificate.Builder().rsa2048().certificateAuthority(0).commonName("Test CA").build();
    private static final HeldCertificate USER = new HeldCertificate.Builder().rsa2048().commonName("test user").signedBy(CA).build();

    @TempDir
    Path dir;

    @Test
    void pemPairWithPkcs8Key() throws IOException {
        X509Credentials c = X509Credentials.pem(write("usercert.pem", USER.certificatePem()), write("userkey.pem", USER.privateKeyPkcs8Pem()));

        assertThat(c.certificate()).isEqualTo(USER.certificate());
        assertThat(c.chain()).containsExactly(USER.certificate());
        assertThat(c.toString()).contains("CN=test user");
    }

    @Test
    void pemPairWithPkcs1KeyIsWrappedByHand() throws IOException {
        Path key = write("userkey.pem", USER.privateKeyPkcs1Pem());
        assertThat(Files.readString(key)).startsWith("-----BEGIN RSA PRIVATE KEY-----");

        X509Credentials c = X509Credentials.pem(write("usercert.pem", USER.certificatePem()), key);

        assertThat(c.certificate()).isEqualTo(USER.certificate());
        assertThat(keyOf(c.keyManager())).isEqualTo(USER.keyPair().getPrivate());
    }

    @Test
    void ecKeysInPkcs8AndSec1() throws IOException {
        HeldCertificate ec = new HeldCertificate.Builder().ecdsa256().commonName("ec user").build();
        assertThat(X509Credentials.pem(write("c.pem", ec.certificatePem()), write("k.pem", ec.privateKeyPkcs8Pem())).certificate())
                .isEqualTo(ec.certificate());

        X509Credentials sec1 = X509Credentials.pem(resource("ec_cert.pem"), resource("ec_sec1_key.pem"));
        assertThat(sec1.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=runops EC test user");
    }

    @Test
    void proxyBundleHoldsCertificateKeyAndChainInAnyOrder() throws IOException {
        Path proxy = write("x509up_u1000", CA.certificatePem() + USER.privateKeyPkcs1Pem() + USER.certificatePem());

        X509Credentials c = X509Credentials.proxy(proxy);

        assertThat(c.chain()).containsExactly(USER.certificate(), CA.certificate());
        assertThat(c.keyManager().getCertificateChain("client")).containsExactly(USER.certificate(), CA.certificate());
    }

    @Test
    void pkcs12WithPasswordFromTheEnvironment() throws Exception {
        Path p12 = dir.resolve("myCertificate.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("me", USER.keyPair().getPrivate(), "pw".toCharArray(), new X509Certificate[] {USER.certificate(), CA.certificate()});
        try (OutputStream out = Files.newOutputStream(p12)) {
            store.store(out, "pw".toCharArray());
        }

        X509Credentials c = X509Credentials.pkcs12(p12, "P12_PASSWORD", Map.of("P12_PASSWORD", "pw")::get);
        assertThat(c.chain()).containsExactly(USER.certificate(), CA.certificate());

        assertThatThrownBy(() -> X509Credentials.pkcs12(p12, "P12_PASSWORD", Map.of("P12_PASSWORD", "wrong")::get))
                .isInstanceOf(DqmException.class).hasMessageContaining(p12.toString()).hasMessageContaining("wrong password in P12_PASSWORD");
        assertThatThrownBy(() -> X509Credentials.pkcs12(p12, "P12_PASSWORD", Map.<String, String>of()::get))
                .isInstanceOf(DqmException.class).hasMessageContaining("P12_PASSWORD").hasMessageContaining("is not set");
        assertThatThrownBy(() -> X509Credentials.pkcs12(p12, null, Map.<String, String>of()::get))
                .isInstanceOf(DqmException.class).hasMessageContaining(p12.toString()).hasMessageContaining("password-protected")
                .hasMessageContaining("no password was given; name the environment variable");
    }

    @Test
    void anExpiredCertificateIsRefusedWithItsNotAfter() throws IOException {
        Path cert = Files.writeString(dir.resolve("usercert.pem"), USER.certificatePem());
        Path key = Files.writeString(dir.resolve("userkey.pem"), USER.privateKeyPkcs8Pem());
        X509Credentials c = X509Credentials.pem(cert, key);
        Instant notAfter = USER.certificate().getNotAfter().toInstant();

        assertThat(c.checkValidity(Clock.fixed(notAfter.minusSeconds(60), ZoneOffset.UTC))).isSameAs(c);
        Clock later = Clock.fixed(notAfter.plusSeconds(1), ZoneOffset.UTC);
        assertThatThrownBy(() -> c.checkValidity(later)).isInstanceOf(DqmException.class)
                .hasMessageContaining("client certificate CN=test user from " + cert).hasMessageContaining("expired at " + notAfter);
        assertThatThrownBy(() -> DqmGuiClient.builder().credentials(c).clock(later).build()).isInstanceOf(DqmException.class)
                .hasMessageContaining("expired at " + notAfter);
        Clock before = Clock.fixed(USER.certificate().getNotBefore().toInstant().minusSeconds(1), ZoneOffset.UTC);
        assertThatThrownBy(() -> c.checkValidity(before)).isInstanceOf(DqmException.class).hasMessageContaining("is not valid before");
    }

    @Test
    void encryptedKeysAreRefusedWithTheWayOut() {
        for (String file : new String[] {"encrypted_pkcs8_key.pem", "encrypted_pkcs1_key.pem"}) {
            Path key = resource(file);
            assertThatThrownBy(() -> X509Credentials.pem(resource("ec_cert.pem"), key))
                    .isInstanceOf(DqmException.class)
                    .hasMessageContaining(key.toString())
                    .hasMessageContaining("encrypted")
                    .hasMessageContaining("openssl pkey -in")
                    .hasMessageContaining("PKCS#12");
        }
    }

    @Test
    void wrongOrMissingPiecesAreNamed() throws IOException {
        HeldCertificate other = new HeldCertificate.Builder().commonName("someone else").build();
        Path cert = write("usercert.pem", USER.certificatePem());
        assertThatThrownBy(() -> X509Credentials.pem(cert, write("otherkey.pem", other.privateKeyPkcs8Pem())))
                .isInstanceOf(DqmException.class).hasMessageContaining("belongs to none of the 1 certificate(s)");
        assertThatThrownBy(() -> X509Credentials.pem(cert, cert))
                .isInstanceOf(DqmException.class).hasMessageContaining("no private key block");
        Path key = write("userkey.pem", USER.privateKeyPkcs8Pem());
        assertThatThrownBy(() -> X509Credentials.pem(key, key))
                .isInstanceOf(DqmException.class).hasMessageContaining("no '-----BEGIN CERTIFICATE-----' block");
        assertThatThrownBy(() -> X509Credentials.pem(dir.resolve("absent.pem"), key))
                .isInstanceOf(DqmException.class).hasMessageContaining("absent.pem");
        assertThatThrownBy(() -> X509Credentials.pem(cert, write("cut.pem", "-----BEGIN PRIVATE KEY-----\nMIIE\n")))
                .isInstanceOf(DqmException.class).hasMessageContaining("has no '-----END PRIVATE KEY-----' line");
    }

    @Test
    void discoveryLooksInTheUsualFoldersInOrder() throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Map<String, String> noEnv = Map.of();
        assertThat(X509Credentials.discover(noEnv::get, home)).isEmpty();
        assertThat(X509Credentials.searchPath(noEnv::get, home)).containsExactly(home.resolve("private"), home.resolve(".globus"));

        pair(home.resolve(".globus"), USER);
        assertThat(X509Credentials.discover(noEnv::get, home).orElseThrow().certificate()).isEqualTo(USER.certificate());

        HeldCertificate privateOne = new HeldCertificate.Builder().rsa2048().commonName("in private").build();
        pair(home.resolve("private"), privateOne);
        assertThat(X509Credentials.discover(noEnv::get, home).orElseThrow().certificate()).isEqualTo(privateOne.certificate());

        HeldCertificate configured = new HeldCertificate.Builder().rsa2048().commonName("configured").build();
        Path custom = dir.resolve("custom");
        pair(custom, configured);
        Map<String, String> env = Map.of(X509Credentials.CERTIFICATE_PATH_ENV, custom.toString());
        assertThat(X509Credentials.searchPath(env::get, home)).first().isEqualTo(custom);
        assertThat(X509Credentials.discover(env::get, home).orElseThrow().certificate()).isEqualTo(configured.certificate());
    }

    private void pair(Path folder, HeldCertificate held) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(X509Credentials.CERT_FILE), held.certificatePem());
        Files.writeString(folder.resolve(X509Credentials.KEY_FILE), held.privateKeyPkcs1Pem());
    }

    private static java.security.PrivateKey keyOf(X509KeyManager km) {
        return km.getPrivateKey("client");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private Path resource(String name) {
        try (InputStream in = X509CredentialsTest.class.getResourceAsStream("x509/" + name)) {
            return Files.write(dir.resolve(name), in.readAllBytes());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
