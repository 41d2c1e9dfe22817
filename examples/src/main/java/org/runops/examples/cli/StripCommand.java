package org.runops.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.runops.strip.PassReport;
import picocli.CommandLine.Command;

/** {@code runops strip ...}: the SiStrip commissioning job. */
@Command(
        name = "strip",
        mixinStandardHelpOptions = true,
        header = "The SiStrip commissioning job: decide, analyse, validate and record new runs.",
        description = {
            "The SiStrip commissioning job: find new commissioning runs on the fff storage, ask the RUN database,",
            "decide per run (the original cron job's decision table), analyse, validate, and record in",
            "analyzedruns.txt / failedruns.txt / ignoredruns.txt and history.jsonl.",
            "Configuration: a properties file (--config); see StripSettings for the keys. The DB password comes",
            "from RUNOPS_STRIP_DB_PASSWORD or db.password.file, never from the command line."
        },
        subcommands = {StripRunOnceCommand.class, StripDaemonCommand.class, StripStatusCommand.class, StripExplainCommand.class,
            StripDemoCommand.class})
public final class StripCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** One line per run: number, decision, reason. */
    static void printReport(PassReport report, PrintWriter out) {
        TextTable table = new TextTable("RUN>", "DECISION", "REASON");
        for (PassReport.RunResult r : report.results()) {
            table.row(r.run(), r.decision(), r.reason());
        }
        table.print(out);
        out.println();
        out.println(report.candidates() + " new runs looked at: " + report.counts());
        out.flush();
    }

    static Path orNull(List<Path> configs) {
        return configs.isEmpty() ? null : configs.get(0);
    }
}
