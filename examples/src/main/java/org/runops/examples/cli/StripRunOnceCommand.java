package org.runops.examples.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.runops.core.exec.ProcessRunner;
import org.runops.core.ledger.HostLock;
import org.runops.strip.PassReport;
import org.runops.strip.RunDecision;
import org.runops.strip.StripPass;
import org.runops.strip.StripSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runops strip run-once}: one pass. */
@Command(
        name = "run-once",
        mixinStandardHelpOptions = true,
        header = "Run one pass.",
        description = {
            "Run one pass: list run directories, skip runs the ledgers hold, query the RUN database for the rest,",
            "decide, analyse (under a per-run lease shared with other hosts), validate and record.",
            "Only one pass per host at a time (a lock file in the ledger directory).",
            "Exit code 0 when the pass completed, 1 when a run hit an error or another pass holds the lock,",
            "2 when the configuration or the database is not usable (nothing is recorded then)."
        })
final class StripRunOnceCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin
    private StripOptions options;

    @Option(names = "--dry-run", description = "Decide and report, but analyse, delete and record nothing.")
    private boolean dryRun;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StripSettings settings = options.settings();
        Optional<HostLock> lock = StripOptions.passLock(settings, "pass", spec.commandLine().getErr());
        if (lock.isEmpty()) {
            return ExitCodes.CHECK_FAILED;
        }
        try (HostLock held = lock.get()) {
            out.println((dryRun ? "dry run: " : "") + settings.describe());
            out.flush(); // shown before the pass, which can take minutes
            PassReport report = new StripPass(settings.config(), settings.database(), Clock.systemUTC(), ProcessRunner.create())
                    .run(dryRun);
            StripCommand.printReport(report, out);
            // A run that could not be checked (I/O error, DB gone mid-pass) needs a look as much as an error.
            boolean errors = report.results().stream()
                    .anyMatch(r -> r.decision() == RunDecision.ERROR || r.decision() == RunDecision.RETRY_LATER);
            return errors ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
        }
    }
}
