package org.runops.dqm;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509KeyManager;
import org.runops.core.RegularFiles;
import org.runops.dqm.internal.PemBlock;
import org.runops.dqm.internal.PrivateKeys;

/**
 * An X.509 client certificate with its private key, as cmsweb (the DQM GUI) wants: a grid user
 * certificate and its <b>unencrypted</b> key ({@code usercert.pem} + {@code userkey.pem}), a proxy (one
 * PEM holding certificate, key and chain), or a PKCS#12 file whose password is in an environment variable.
 * Keys may be PKCS#8, PKCS#1 (RSA) or SEC1 (EC); an encrypted key is refused with the openssl command
 * that decrypts it. Everything is read and checked when created (the key must belong to a certificate).
 */
public final class X509Credentials {
    /** Environment variable naming the folder that holds {@code usercert.pem} and {@code userkey.pem}. */
    public static final String CERTIFICATE_PATH_ENV = "CERN_CERTIFICATE_PATH";
    public static final String CERT_FILE = "usercert.pem";
    public static final String KEY_FILE = "userkey.pem";
    private static final long MAX_FILE_BYTES = 1 << 20;
    /** Protects the key inside the in-memory key store only; never stored. */
    private static final char[] IN_MEMORY = "runops".toCharArray();
    private static final String NO_PASSWORD = ": no password was given; name the environment variable that holds it";

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final String source;

    private X509Credentials(PrivateKey key, List<X509Certificate> chain, String source) {
        this.key = key;
        this.chain = List.copyOf(chain);
        this.source = source;
    }

    /** The certificate (plus any chain) in {@code certificate} and the key in {@code key}, both PEM. */
    public static X509Credentials pem(Path certificate, Path key) {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(key, "key");
        // the key first: an encrypted key is the likeliest problem, and its message says what to do
        PrivateKey k = onlyKey(PemBlock.read(read(key), key.toString()), key.toString());
        List<X509Certificate> certs = certificates(PemBlock.read(read(certificate), certificate.toString()), certificate.toString());
        String source = certificate.equals(key) ? certificate.toString() : certificate + " + " + key;
        return new X509Credentials(k, leafFirst(k, certs, source), source);
    }

    /** A proxy or bundle: one PEM file holding the certificate, its key and the chain. */
    public static X509Credentials proxy(Path pem) {
        return pem(pem, pem);
    }

    /**
     * The key entry of a PKCS#12 file ({@code myCertificate.p12} from the CERN CA); its password is in the
     * environment variable {@code passwordEnv} (null: no password).
     */
    public static X509Credentials pkcs12(Path file, String passwordEnv, Function<String, String> env) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(env, "env");
        char[] password = null;
        if (passwordEnv != null) {
            String value = env.apply(passwordEnv);
            if (value == null) {
                throw new DqmException("environment variable " + passwordEnv + " (the password of " + file + ") is not set");
            }
            password = value.toCharArray();
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(readBytes(file)), password);
        } catch (IOException e) {
            throw new DqmException(file + ": cannot read as PKCS#12 (wrong password" + (passwordEnv == null ? NO_PASSWORD : " in " + passwordEnv)
                    + ", or not a PKCS#12 file): " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new DqmException(file + ": cannot read as PKCS#12: " + e.getMessage(), e);
        }
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    if (!(store.getKey(alias, password == null ? new char[0] : password) instanceof PrivateKey k)) {
                        continue;
                    }
                    Certificate[] chain = store.getCertificateChain(alias);
                    List<X509Certificate> certs = new ArrayList<>();
                    for (Certificate c : chain == null ? new Certificate[0] : chain) {
                        if (c instanceof X509Certificate x) {
                            certs.add(x);
                        }
                    }
                    return new X509Credentials(k, leafFirst(k, certs, file.toString()), file.toString());
                }
            }
        } catch (GeneralSecurityException e) {
            throw new DqmException(file + ": cannot read the key of the PKCS#12 file"
                    + (passwordEnv == null ? " (is it password-protected?" + NO_PASSWORD + ")" : " (is the password in " + passwordEnv + " right?)")
                    + ": " + e.getMessage(), e);
        }
        throw new DqmException(file + ": the PKCS#12 file holds no private key (only certificates?)");
    }

    /**
     * The folders searched for {@code usercert.pem} + {@code userkey.pem}, in order: {@code $CERN_CERTIFICATE_PATH}
     * (when set), {@code ~/private}, {@code ~/.globus} (the places cernrequests and the CMS tools use).
     */
    public static List<Path> searchPath(Function<String, String> env, Path home) {
        List<Path> dirs = new ArrayList<>(3);
        String configured = env.apply(CERTIFICATE_PATH_ENV);
        if (configured != null && !configured.isBlank()) {
            dirs.add(Path.of(configured));
        }
        dirs.add(home.resolve("private"));
        dirs.add(home.resolve(".globus"));
        return dirs;
    }

    /** The credentials of the first folder of {@link #searchPath} holding both files; empty when none does. */
    public static Optional<X509Credentials> discover(Function<String, String> env, Path home) {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(home, "home");
        for (Path dir : searchPath(env, home)) {
            Path cert = dir.resolve(CERT_FILE);
            Path key = dir.resolve(KEY_FILE);
            if (Files.isRegularFile(cert) && Files.isRegularFile(key)) {
                return Optional.of(pem(cert, key));
            }
        }
        return Optional.empty();
    }

    /** The client certificate (the one the key belongs to). */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The client certificate first, then the rest of the chain as given. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /**
     * Refuses a certificate of the chain that is expired or not yet valid at {@code clock}'s now (a proxy lasts about
     * 12 h): otherwise cmsweb only answers a bare 401/403.
     */
    public X509Credentials checkValidity(Clock clock) {
        Instant now = clock.instant();
        for (X509Certificate c : chain) {
            String which = (c == certificate() ? "client certificate " : "certificate ") + c.getSubjectX500Principal().getName() + " from " + source;
            if (now.isAfter(c.getNotAfter().toInstant())) {
                throw new DqmException(which + " expired at " + c.getNotAfter().toInstant() + " (now " + now + "): renew it"
                        + " (a proxy: voms-proxy-init)");
            }
            if (now.isBefore(c.getNotBefore().toInstant())) {
                throw new DqmException(which + " is not valid before " + c.getNotBefore().toInstant() + " (now " + now + ")");
            }
        }
        return this;
    }

    /** Where these credentials were read from. */
    public String source() {
        return source;
    }

    /** A key manager presenting this certificate to any server that asks. */
    public X509KeyManager keyManager() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("client", key, IN_MEMORY, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, IN_MEMORY);
            for (KeyManager m : factory.getKeyManagers()) {
                if (m instanceof X509KeyManager x) {
                    return x;
                }
            }
            throw new DqmException(source + ": no X.509 key manager from " + factory.getAlgorithm());
        } catch (GeneralSecurityException | IOException e) {
            throw new DqmException(source + ": cannot set up the client certificate: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "X509Credentials[" + certificate().getSubjectX500Principal().getName() + " from " + source + "]";
    }

    private static List<X509Certificate> certificates(List<PemBlock> blocks, String source) {
        List<X509Certificate> certs = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (PemBlock b : blocks) {
                if (b.label().equals("CERTIFICATE")) {
                    certs.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(b.der())));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new DqmException(source + ": not a readable X.509 certificate: " + e.getMessage(), e);
        }
        if (certs.isEmpty()) {
            throw new DqmException(source + ": no '-----BEGIN CERTIFICATE-----' block (expected the PEM user certificate)");
        }
        return certs;
    }

    private static PrivateKey onlyKey(List<PemBlock> blocks, String source) {
        List<PemBlock> keys = blocks.stream().filter(PrivateKeys::isKey).toList();
        if (keys.isEmpty()) {
            throw new DqmException(source + ": no private key block (expected '-----BEGIN PRIVATE KEY-----',"
                    + " '-----BEGIN RSA PRIVATE KEY-----' or '-----BEGIN EC PRIVATE KEY-----')");
        }
        if (keys.size() > 1) {
            throw new DqmException(source + ": " + keys.size() + " private keys, expected one");
        }
        return PrivateKeys.read(keys.get(0), source);
    }

    /** The certificate the key belongs to first, then the others in order; an error when none matches. */
    private static List<X509Certificate> leafFirst(PrivateKey key, List<X509Certificate> certs, String source) {
        for (int i = 0; i < certs.size(); i++) {
            if (belongs(key, certs.get(i))) {
                List<X509Certificate> ordered = new ArrayList<>(certs.size());
                ordered.add(certs.get(i));
                for (int j = 0; j < certs.size(); j++) {
                    if (j != i) {
                        ordered.add(certs.get(j));
                    }
                }
                return ordered;
            }
        }
        throw new DqmException(source + ": the private key belongs to none of the " + certs.size()
                + " certificate(s) (is userkey.pem the key of usercert.pem?)");
    }

    /** Signs a probe with the key and checks it with the certificate: works for every key type. */
    private static boolean belongs(PrivateKey key, X509Certificate cert) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            default -> key.getAlgorithm(); // Ed25519, Ed448, EdDSA
        };
        if (!cert.getPublicKey().getAlgorithm().equals(key.getAlgorithm())) {
            return false;
        }
        try {
            byte[] probe = "runops client certificate check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String read(Path file) {
        return new String(readBytes(file), StandardCharsets.US_ASCII);
    }

    private static byte[] readBytes(Path file) {
        try {
            RegularFiles.require(file);
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new DqmException(file + ": larger than " + (MAX_FILE_BYTES >> 10) + " KiB, not a certificate or key file");
            }
            return RegularFiles.readAllBytes(file);
        } catch (IOException e) {
            throw new DqmException("cannot read " + file + ": " + RegularFiles.reason(e), e);
        }
    }
}
