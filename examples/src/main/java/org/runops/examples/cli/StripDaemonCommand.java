package org.runops.examples.cli;

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
import picocli.CommandLine.Spec;

/** {@code runops strip daemon}: a pass every {@code frequency} until SIGTERM. */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        header = "Run a pass every frequency until SIGTERM.",
        description = {
            "Run a pass every 'frequency' (default 1 h, at a fixed rate) until stopped. A pass that fails (database",
            "down, ledger or storage unreadable) is logged, recorded in history.jsonl and tried again after 1 s, 2 s,",
            "4 s ... at most 'frequency'; a configuration that cannot work stops the daemon. SIGTERM or Ctrl-C stops",
            "the running analysis (its process tree), records that run (looked at again next time) and exits.",
            "One daemon or pass per host at a time."
        })
final class StripDaemonCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin
    private StripOptions options;

    @Override
    public Integer call() {
        StripSettings settings = options.settings();
        Optional<HostLock> lock = StripOptions.passLock(settings, "daemon", spec.commandLine().getErr());
        if (lock.isEmpty()) {
            return ExitCodes.CHECK_FAILED;
        }
        try (HostLock held = lock.get()) {
            spec.commandLine().getOut().println("daemon: " + settings.describe() + ", a pass every " + settings.config().frequency());
            spec.commandLine().getOut().flush();
            StripPass pass = new StripPass(settings.config(), settings.database(), Clock.systemUTC(), ProcessRunner.create());
            new StripDaemon(pass).runUntilTerminated(Duration.ofMinutes(1));
            return ExitCodes.OK;
        }
    }
}
