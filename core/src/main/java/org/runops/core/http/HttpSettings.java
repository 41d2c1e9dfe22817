package org.runops.core.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts, retry policy and an optional extra trust store (PKCS12 or JKS, e.g. the CERN Root and Grid
 * CAs, which default trust stores lack) for {@link HttpClients#create}. The store's password is never
 * held here: {@code trustStorePasswordEnv} names the environment variable that holds it.
 *
 * @param connectTimeout        TCP/TLS connect timeout
 * @param readTimeout           longest silence while reading
 * @param callTimeout           whole exchange, including the body (zero = none)
 * @param retry                 retry policy
 * @param trustStore            extra trusted certificates, or null for the JDK's default trust only
 * @param trustStorePasswordEnv environment variable holding the trust store password, or null for none
 */
public record HttpSettings(Duration connectTimeout, Duration readTimeout, Duration callTimeout, RetryPolicy retry,
        Path trustStore, String trustStorePasswordEnv) {
    public HttpSettings {
        requirePositiveOrZero(connectTimeout, "connectTimeout");
        requirePositiveOrZero(readTimeout, "readTimeout");
        requirePositiveOrZero(callTimeout, "callTimeout");
        Objects.requireNonNull(retry, "retry");
        if (trustStore == null && trustStorePasswordEnv != null) {
            throw new IllegalArgumentException("trustStorePasswordEnv " + trustStorePasswordEnv + " given without a trust store");
        }
        if (trustStorePasswordEnv != null && trustStorePasswordEnv.isBlank()) {
            throw new IllegalArgumentException("trustStorePasswordEnv must not be blank");
        }
    }

    /** 10 s connect, 30 s read, 120 s per call, {@link RetryPolicy#defaults()}, default trust only. */
    public static HttpSettings defaults() {
        return new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(120),
                RetryPolicy.defaults(), null, null);
    }

    public HttpSettings withRetry(RetryPolicy r) {
        return new HttpSettings(connectTimeout, readTimeout, callTimeout, r, trustStore, trustStorePasswordEnv);
    }

    /** Adds {@code p} to the default trust; {@code passwordEnv} (nullable) names the variable with its password. */
    public HttpSettings withTrustStore(Path p, String passwordEnv) {
        return new HttpSettings(connectTimeout, readTimeout, callTimeout, retry, p, passwordEnv);
    }

    public HttpSettings withTimeouts(Duration connect, Duration read, Duration call) {
        return new HttpSettings(connect, read, call, retry, trustStore, trustStorePasswordEnv);
    }

    private static void requirePositiveOrZero(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + d);
        }
    }
}
