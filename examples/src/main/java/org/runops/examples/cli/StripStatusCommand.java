package org.runops.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.runops.core.ledger.HistoryLog;
import org.runops.core.ledger.HistoryRecord;
import org.runops.core.ledger.RunLedger;
import org.runops.strip.StripSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code runops strip status}: ledgers, last decision, runs in progress. */
@Command(name = "status", mixinStandardHelpOptions = true,
        header = "Show ledgers, the last decision and runs in progress.",
        description = "Show the ledger counts, the last recorded decision and the runs being processed now (leases).")
final class StripStatusCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin
    private StripOptions options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StripSettings settings = options.settings();
        Path ledgers = settings.config().ledgerDirectory();
        out.println(settings.describe());
        for (String name : List.of("analyzedruns.txt", "failedruns.txt", "ignoredruns.txt")) {
            RunLedger ledger = RunLedger.open(ledgers.resolve(name));
            out.printf(Locale.ROOT, "  %-17s %6d runs%s%n", name, ledger.runs().size(),
                    ledger.problems().isEmpty() ? "" : "  (" + ledger.problems().size() + " unreadable lines)");
        }
        List<HistoryRecord> history = HistoryLog.open(ledgers.resolve("history.jsonl")).read();
        if (history.isEmpty()) {
            out.println("  no decision recorded yet");
        } else {
            HistoryRecord last = history.get(history.size() - 1);
            out.println("  last decision: " + last.time() + " on " + last.host() + ": run " + last.run() + " " + last.decision());
        }
        Path leases = ledgers.resolve("leases");
        if (Files.isDirectory(leases)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(leases, "*.lease")) {
                for (Path f : files) {
                    out.println("  in progress: " + Files.readString(f).replace('\n', ' ').trim());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("listing " + leases, e);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
