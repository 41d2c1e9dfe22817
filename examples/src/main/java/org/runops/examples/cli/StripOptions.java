package org.runops.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.runops.core.ledger.HostLock;
import org.runops.strip.StripSettings;
import picocli.CommandLine.Option;

/** The options every {@code runops strip} command that reads a configuration shares. */
final class StripOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "Properties file (default: the original's paths and settings).")
    private Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one setting of the file (repeatable), e.g. --set delete.raw=true.")
    private Map<String, String> overrides = new HashMap<>();

    StripSettings settings() {
        return StripSettings.load(config, overrides, System.getenv());
    }

    /** The per-host lock that keeps two passes (cron or daemon) from overlapping; empty, with a message, when held. */
    static Optional<HostLock> passLock(StripSettings settings, String what, PrintWriter err) {
        Path file = settings.config().ledgerDirectory().resolve("strip-pass-" + settings.config().host() + ".lock");
        Optional<HostLock> lock = HostLock.tryAcquire(file, "runops strip " + what + " on " + settings.config().host());
        if (lock.isEmpty()) {
            err.println("runops: another pass is running: " + HostLock.holder(file).orElse(file.toString()));
        }
        return lock;
    }
}
