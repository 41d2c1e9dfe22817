package org.runops.examples.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.runops.core.http.HttpSettings;

/** The HTTP settings every client command builds from its options: the default timeouts, its call timeout, an extra trust store. */
final class CliHttpSettings {
    private CliHttpSettings() {}

    /**
     * Defaults with {@code callTimeout}; with {@code trustStore}, that store added, its password read from
     * {@code passwordEnv} when that variable is set (a store without a password otherwise).
     */
    static HttpSettings of(Duration callTimeout, Path trustStore, String passwordEnv, Function<String, String> env) {
        HttpSettings defaults = HttpSettings.defaults();
        HttpSettings settings = defaults.withTimeouts(defaults.connectTimeout(), defaults.readTimeout(), callTimeout);
        if (trustStore == null) {
            return settings;
        }
        return settings.withTrustStore(trustStore, env.apply(passwordEnv) != null ? passwordEnv : null);
    }
}
