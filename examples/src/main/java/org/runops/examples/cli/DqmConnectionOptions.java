package org.runops.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.runops.core.http.HttpSettings;
import org.runops.dqm.DqmGuiClient;
import org.runops.dqm.DqmInstance;
import org.runops.dqm.X509Credentials;
import picocli.CommandLine.Option;

/** How the {@code runops dqm} commands reach the GUI: instance or URL, client certificate, trust store, timeout. */
final class DqmConnectionOptions {
    static final String PKCS12_PASSWORD_ENV = "RUNOPS_DQM_PKCS12_PASSWORD";
    static final String TRUST_STORE_PASSWORD_ENV = "RUNOPS_DQM_TRUST_STORE_PASSWORD";

    @Option(names = "--instance", defaultValue = "offline", paramLabel = "offline|online",
            description = "Which GUI: https://cmsweb.cern.ch/dqm/<instance>/ (default: ${DEFAULT-VALUE}).")
    private String instance;

    @Option(names = "--url", paramLabel = "BASE", description = "GUI base URL instead of the instance's (e.g. https://host/dqm/offline/); --instance still decides the ME"
                    + " spelling (online drops the generalTracks level), so give --instance online with an online GUI's URL.")
    private String url;

    @Option(names = "--cert", paramLabel = "PEM", description = "Client certificate (PEM); alone: a proxy holding certificate, key and chain.")
    private Path cert;

    @Option(names = "--key", paramLabel = "PEM", description = "Unencrypted private key of --cert (PEM: PKCS#8, PKCS#1 or EC).")
    private Path key;

    @Option(names = "--pkcs12", paramLabel = "P12", description = "Client certificate and key as PKCS#12; password in " + PKCS12_PASSWORD_ENV + " (required).")
    private Path pkcs12;

    @Option(names = "--no-cert", description = "Send no client certificate and look for none (a GUI that needs none, e.g. a local one over https).")
    private boolean noCert;

    @Option(names = "--trust-store", paramLabel = "FILE",
            description = "Extra trusted CAs (PKCS12/JKS, the CERN CAs); password, if any, in " + TRUST_STORE_PASSWORD_ENV + ".")
    private Path trustStore;

    @Option(names = "--call-timeout", defaultValue = "60s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Longest one HTTP request may take, body included (default: ${DEFAULT-VALUE}).")
    private Duration callTimeout;

    /**
     * A client; credentials from the options, else discovered in {@code environment} when the GUI is reached over
     * https (a note on {@code err} when none is found); plain http and {@code --no-cert} look for none.
     */
    DqmGuiClient client(CliEnvironment environment, PrintWriter err) {
        Function<String, String> env = environment.env();
        Path home = environment.home();
        DqmGuiClient.Builder b = DqmGuiClient.builder().instance(instance()).env(env).clock(environment.clock());
        if (url != null) {
            b.baseUrl(url);
        }
        boolean https = url == null || url.strip().toLowerCase(Locale.ROOT).startsWith("https:");
        HttpSettings settings = CliHttpSettings.of(callTimeout, trustStore, TRUST_STORE_PASSWORD_ENV, env);
        Optional<X509Credentials> credentials = credentials(env, home, https);
        if (credentials.isEmpty() && https && !noCert) {
            err.println("runops: note: no client certificate given or found (usercert.pem + userkey.pem in "
                    + X509Credentials.searchPath(env, home) + "); cmsweb will refuse the requests");
        }
        return b.httpSettings(settings).credentials(credentials.orElse(null)).build();
    }

    private Optional<X509Credentials> credentials(Function<String, String> env, Path home, boolean https) {
        if (noCert && (pkcs12 != null || cert != null || key != null)) {
            throw new IllegalArgumentException("--no-cert sends no certificate: give it without --cert/--key/--pkcs12");
        }
        if (pkcs12 != null) {
            if (cert != null || key != null) {
                throw new IllegalArgumentException("--pkcs12 replaces --cert/--key: give one or the other");
            }
            return Optional.of(X509Credentials.pkcs12(pkcs12, PKCS12_PASSWORD_ENV, env));
        }
        if (key != null && cert == null) {
            throw new IllegalArgumentException("--key needs --cert");
        }
        if (cert != null) {
            return Optional.of(key == null ? X509Credentials.proxy(cert) : X509Credentials.pem(cert, key));
        }
        return https && !noCert ? X509Credentials.discover(env, home) : Optional.empty();
    }

    private DqmInstance instance() {
        try {
            return DqmInstance.valueOf(instance.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--instance must be offline or online, got '" + instance + "'");
        }
    }
}
