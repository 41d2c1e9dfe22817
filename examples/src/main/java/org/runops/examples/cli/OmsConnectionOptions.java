package org.runops.examples.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.runops.oms.OmsCache;
import org.runops.oms.OmsClient;
import org.runops.oms.OmsInstance;
import picocli.CommandLine.Option;

/** How commands that read OMS through a run catalogue ({@code --catalog oms}) reach it. */
final class OmsConnectionOptions {
    static final String TRUST_STORE_PASSWORD_ENV = "RUNOPS_OMS_TRUST_STORE_PASSWORD";

    @Option(names = "--oms-instance", defaultValue = "production", paramLabel = "NAME",
            description = "With --catalog oms: production, integration, development or p5 (default: ${DEFAULT-VALUE}).")
    private String instance;

    @Option(names = "--oms-url", paramLabel = "BASE", description = "With --catalog oms: API base URL instead of the instance's.")
    private String url;

    @Option(names = "--oms-cache-dir", paramLabel = "DIR", description = "With --catalog oms: keep finished runs in DIR.")
    private Path cacheDir;

    @Option(names = "--oms-trust-store", paramLabel = "FILE", description = "With --catalog oms: extra trust store (CERN CAs).")
    private Path trustStore;

    @Option(names = "--oms-call-timeout", defaultValue = "120s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "With --catalog oms: longest one HTTP request may take, body included; 0s for none (default: ${DEFAULT-VALUE}).")
    private Duration callTimeout;

    @Option(names = "--oms-query-timeout", defaultValue = "10m", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "With --catalog oms: longest one query may take, every page and retry included (default: ${DEFAULT-VALUE}).")
    private Duration queryTimeout;

    OmsClient client() {
        return client(instance, url, null, trustStore, 1000, callTimeout, queryTimeout);
    }

    /** The cache of finished runs, or null without --oms-cache-dir. */
    OmsCache cache() {
        return cacheDir == null ? null : OmsCache.at(cacheDir);
    }

    /**
     * An OMS client; credentials only from RUNOPS_OMS_CLIENT_ID / _SECRET (none for p5). {@code callTimeout}
     * bounds one request (zero: none), {@code queryTimeout} a whole query.
     */
    static OmsClient client(String instance, String url, String audience, Path trustStore, int pageSize, Duration callTimeout,
            Duration queryTimeout) {
        OmsClient.Builder b = OmsClient.builder().instance(OmsInstance.parse(instance)).pageSize(pageSize).queryTimeout(queryTimeout);
        if (url != null) {
            b.baseUrl(url);
        }
        if (audience != null) {
            b.audience(audience);
        }
        return b.httpSettings(CliHttpSettings.of(callTimeout, trustStore, TRUST_STORE_PASSWORD_ENV, System::getenv)).credentialsFromEnvironment(System::getenv, Clock.systemUTC()).build();
    }
}
