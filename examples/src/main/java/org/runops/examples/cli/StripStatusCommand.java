package org.runops.examples.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.runops.core.ledger.HistoryRecord;
import org.runops.core.ledger.LeaseInfo;
import org.runops.core.ledger.PassRecord;
import org.runops.strip.StripSettings;
import org.runops.strip.StripStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runops strip status}: ledgers, last passes and decision, next pass, runs in progress. */
@Command(name = "status", mixinStandardHelpOptions = true,
        header = "Show ledgers, the last passes and decision, the next pass and runs in progress.",
        description = "Show each ledger's count and last line, the daemon's last passes and when the next is due, the last "
                + "recorded decision, and the runs being processed now (leases; stale ones marked).")
final class StripStatusCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin
    private StripOptions options;

    @Option(names = "--passes", paramLabel = "N", defaultValue = "5", description = "How many of the last passes to show (default 5).")
    private int passes;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StripSettings settings = options.settings();
        StripStatus status = StripStatus.read(settings.config(), Clock.systemUTC(), passes);
        out.println(settings.describe());
        for (StripStatus.LedgerStatus l : status.ledgers()) {
            out.println(String.format(Locale.ROOT, "  %-17s %6d runs%s%s", l.name(), l.runs(),
                    l.last().map(e -> ", last " + e.line()).orElse(""),
                    l.problems() == 0 ? "" : String.format(Locale.ROOT, "  (%d unreadable lines)", l.problems())));
        }
        if (status.lastDecision().isEmpty()) {
            out.println("  no decision recorded yet");
        } else {
            HistoryRecord last = status.lastDecision().get();
            out.println("  last decision: " + last.time() + " on " + last.host() + ": run " + last.run() + " " + last.decision());
        }
        for (PassRecord p : status.lastPasses()) {
            String what = p.outcome() == PassRecord.Outcome.COMPLETED
                    ? String.format(Locale.ROOT, "%d new runs %s", p.candidates(), p.counts())
                    : p.error();
            out.println("  pass " + p.started() + " on " + p.host() + ": " + p.outcome() + ", " + what);
        }
        status.nextPassDue().ifPresent(due -> out.println("  next pass due: " + due + " (as the daemon's last pass planned it)"));
        for (StripStatus.RunInProgress r : status.inProgress()) {
            LeaseInfo l = r.lease();
            out.println(r.stale()
                    ? String.format(Locale.ROOT, "  stale lease: run %d of %s pid %d since %s, last heartbeat %s; can be taken over since %s",
                            l.run(), l.host(), l.pid(), l.started(), l.heartbeat(), r.staleAfter())
                    : String.format(Locale.ROOT, "  in progress: run %d on %s pid %d since %s, heartbeat %s (stale after %s)",
                            l.run(), l.host(), l.pid(), l.started(), l.heartbeat(), r.staleAfter()));
        }
        for (String problem : status.problems()) {
            out.println("  problem: " + problem);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
