package org.runops.examples.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.runops.core.ledger.HistoryLog;
import org.runops.core.ledger.HistoryRecord;
import org.runops.strip.RunDecision;
import org.runops.strip.StripSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code runops strip explain RUN}: why a run was (not) processed. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        header = "Show why a run was (not) processed.",
        description = "Show every decision recorded for RUN, with its reason, checks and durations (from history.jsonl).")
final class StripExplainCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin
    private StripOptions options;

    @Parameters(index = "0", paramLabel = "RUN", description = "Run number.")
    private long run;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StripSettings settings = options.settings();
        List<HistoryRecord> records = HistoryLog.open(settings.config().ledgerDirectory().resolve("history.jsonl")).forRun(run);
        if (records.isEmpty()) {
            out.println("run " + run + ": no decision recorded in " + settings.config().ledgerDirectory().resolve("history.jsonl"));
            out.flush();
            return ExitCodes.CHECK_FAILED;
        }
        for (HistoryRecord r : records) {
            out.println(r.time() + " " + r.host() + " run " + r.run() + ": " + r.decision());
            out.println("    why:    " + r.reason());
            RunDecision.parse(r.decision()).ifPresent(d -> out.println("    then:   " + d.consequence()));
            if (!r.checks().isEmpty()) {
                out.println("    checks: " + r.checks());
            }
            if (!r.durations().isEmpty()) {
                out.println("    time:   " + r.durations() + " ms");
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
