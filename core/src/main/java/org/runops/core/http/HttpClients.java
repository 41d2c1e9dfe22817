package org.runops.core.http;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import org.runops.core.RegularFiles;
import org.runops.core.RunopsException;

/** Builds the two kinds of {@link OkHttpClient} runops uses: {@link #create} (TLS) and {@link #cleartext} (http:// only). */
public final class HttpClients {
    private HttpClients() {}

    /** {@link #create(HttpSettings, Function)} with the trust store password read from the process environment. */
    public static OkHttpClient create(HttpSettings settings) {
        return create(settings, System::getenv);
    }

    /**
     * A client with the settings' timeouts, redirects never followed (a redirect to the SSO login page must
     * surface as an authentication error, not as an HTML page parsed as data) and, when a trust store is
     * given, its certificates trusted in addition to the JDK's defaults.
     */
    public static OkHttpClient create(HttpSettings settings, Function<String, String> env) {
        return create(settings, env, null);
    }

    /**
     * {@link #create(HttpSettings, Function)} that also presents a TLS client certificate: {@code keyManager}
     * (null for none) answers the server's certificate request (X.509 client authentication, as the CMS DQM
     * GUI on cmsweb wants).
     */
    public static OkHttpClient create(HttpSettings settings, Function<String, String> env, X509KeyManager keyManager) {
        Objects.requireNonNull(settings, "settings");
        OkHttpClient.Builder b = builder(settings);
        if (settings.trustStore() != null || keyManager != null) {
            X509TrustManager trust = settings.trustStore() != null ? trustManager(settings.trustStore(), password(settings, env))
                    : defaultTrust();
            b.sslSocketFactory(sslContext(keyManager, trust).getSocketFactory(), trust);
        }
        return b.build();
    }

    /**
     * {@link #create(HttpSettings)} for {@code http://} URLs only (OMS at P5, a loopback server): no TLS is set up,
     * which saves loading the JDK's trust store and a TLS context, about 100 ms of every cold start, measured.
     * {@link HttpFetcher} refuses an {@code https} URL on such a client with an {@link HttpException} naming it.
     *
     * @throws IllegalArgumentException when the settings name a trust store, which only https would use
     */
    public static OkHttpClient cleartext(HttpSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (settings.trustStore() != null) {
            throw new IllegalArgumentException("trust store " + settings.trustStore() + " given for a client of http:// URLs only");
        }
        return builder(settings).connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();
    }

    /** Whether {@code client} can speak TLS: false for {@link #cleartext}. */
    static boolean speaksTls(OkHttpClient client) {
        for (ConnectionSpec spec : client.connectionSpecs()) {
            if (spec.isTls()) {
                return true;
            }
        }
        return false;
    }

    private static OkHttpClient.Builder builder(HttpSettings settings) {
        return new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .callTimeout(settings.callTimeout())
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(true);
    }

    private static char[] password(HttpSettings settings, Function<String, String> env) {
        if (settings.trustStorePasswordEnv() == null) {
            return null;
        }
        String value = env.apply(settings.trustStorePasswordEnv());
        if (value == null) {
            throw new RunopsException("environment variable " + settings.trustStorePasswordEnv()
                    + " (the password of trust store " + settings.trustStore() + ") is not set");
        }
        return value.toCharArray();
    }

    private static X509TrustManager trustManager(Path store, char[] password) {
        KeyStore extra;
        try {
            RegularFiles.require(store);
            // type (PKCS12 or JKS) detected from the content
            extra = KeyStore.getInstance(store.toFile(), password);
        } catch (IOException e) {
            throw new RunopsException("cannot read trust store " + store + ": " + RegularFiles.reason(e), e);
        } catch (GeneralSecurityException e) {
            throw new RunopsException("cannot read trust store " + store + ": " + e.getMessage(), e);
        }
        try {
            if (extra.size() == 0) {
                throw new RunopsException("trust store " + store + " holds no certificates");
            }
            return new CombinedTrustManager(x509(null), x509(extra));
        } catch (GeneralSecurityException e) {
            throw new RunopsException("cannot use trust store " + store + ": " + e.getMessage(), e);
        }
    }

    private static X509TrustManager defaultTrust() {
        try {
            return x509(null);
        } catch (GeneralSecurityException e) {
            throw new RunopsException("cannot load the JDK's default trust: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager x509(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(store);
        for (TrustManager m : f.getTrustManagers()) {
            if (m instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X509TrustManager from " + f.getAlgorithm());
    }

    private static SSLContext sslContext(X509KeyManager keyManager, X509TrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManager == null ? null : new KeyManager[] {keyManager}, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new RunopsException("cannot set up TLS: " + e.getMessage(), e);
        }
    }
}
