package org.runops.examples.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.runops.core.exec.ProcessRunner;
import org.runops.core.ledger.HostLock;
import org.runops.strip.StripDaemon;
import org.runops.strip.StripPass;
import org.runops.strip.StripSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runops strip daemon}: a pass every {@code frequency} until SIGTERM. */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        header = "Run a pass every frequency until SIGTERM.",
        description = {
            "Run a pass every 'frequency' (default 1 h) until stopped. A pass that cannot reach the database is",
            "logged and retried at the next one. SIGTERM or Ctrl-C stops the running analysis (its process tree),",
            "records that run (looked at again next time) and exits. One daemon or pass per host at a time."
        })
final class StripDaemonCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file (default: the original's paths and settings).")
    private Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one setting of the file (repeatable), e.g. --set delete.raw=true.")
    private java.util.Map<String, String> overrides = new java.util.HashMap<>();

    @Override
    public Integer call() {
        StripSettings settings = StripSettings.load(config, overrides, System.getenv());
        Path lockFile = settings.config().ledgerDirectory().resolve("strip-pass-" + settings.config().host() + ".lock");
        Optional<HostLock> lock = HostLock.tryAcquire(lockFile, "runops strip daemon on " + settings.config().host());
        if (lock.isEmpty()) {
            spec.commandLine().getErr().println("runops: another pass is running: " + HostLock.holder(lockFile).orElse(lockFile.toString()));
            return ExitCodes.CHECK_FAILED;
        }
        try (HostLock held = lock.get()) {
            spec.commandLine().getOut().println("daemon: " + settings.describe() + ", a pass every " + settings.config().frequency());
            spec.commandLine().getOut().flush();
            StripPass pass = new StripPass(settings.config(), settings.database(), Clock.systemUTC(), ProcessRunner.create());
            new StripDaemon(pass, settings.config().frequency()).runUntilTerminated(Duration.ofMinutes(1));
            return ExitCodes.OK;
        }
    }
}
