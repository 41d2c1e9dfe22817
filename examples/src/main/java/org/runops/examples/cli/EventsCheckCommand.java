package org.runops.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.runops.core.events.EventCount;
import org.runops.core.events.EventCountReport;
import org.runops.core.events.EventCountSource;
import org.runops.core.events.EventCountValidator;
import org.runops.core.events.FileProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code runops events check RUNDIR [--edm FILE]}: DAQ count vs EDM file count, with the reason for the verdict. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        header = "Compare a run directory's DAQ event count with its EDM file.",
        description = {
            "Compare the number of events the DAQ wrote into an fff run directory (EoR NEvents, else the sum",
            "over the index .jsn files) with the entries of the EDM file's tree, and say why they agree or not.",
            "Bad .jsn files and lumisection gaps are listed, never fatal.",
            "Exit code 0 on MATCH, 1 on any other verdict, 2 when RUNDIR is not a directory."
        })
final class EventsCheckCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUNDIR", description = "The run directory, e.g. /raid/fff/run338999.")
    private Path runDirectory;

    @Option(names = "--edm", paramLabel = "FILE",
            description = "The EDM ROOT file (default: RUNDIR/<RUNDIR name>.root, e.g. run338999/run338999.root).")
    private Path edm;

    @Option(names = "--tree", defaultValue = "Events", description = "Tree to count (default: ${DEFAULT-VALUE}).")
    private String tree;

    @Option(names = "--json", description = "Print the report as JSON.")
    private boolean json;

    @Override
    public Integer call() {
        if (!Files.isDirectory(runDirectory)) {
            throw new IllegalArgumentException("not a run directory: " + runDirectory);
        }
        Path edmFile = edm != null ? edm : runDirectory.resolve(runDirectory.getFileName() + ".root");
        EventCountReport report = new EventCountValidator()
                .validate(EventCountSource.daq(runDirectory), EventCountSource.rootTree(edmFile, tree));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            printJson(out, report);
        } else {
            printText(out, report);
        }
        return report.passed() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    private void printText(PrintWriter out, EventCountReport report) {
        out.println(runDirectory.getFileName() + ": " + report.verdict());
        out.println("  reason:   " + report.reason());
        out.println("  expected: " + describe(report.expected()));
        out.println("  actual:   " + describe(report.actual()));
        if (!report.problems().isEmpty()) {
            out.println("  problems:");
            for (FileProblem p : report.problems()) {
                out.println("    - " + p);
            }
        }
        out.flush();
    }

    private static String describe(EventCount count) {
        String n = count.events().isPresent() ? Long.toString(count.events().getAsLong()) : "-";
        return n + " [" + count.status() + "] " + count.detail();
    }

    private void printJson(PrintWriter out, EventCountReport report) {
        try (Json j = Json.to(out)) {
            j.startObject()
                    .field("runDirectory", runDirectory.toString())
                    .field("verdict", report.verdict().name())
                    .field("passed", report.passed())
                    .field("reason", report.reason());
            count(j, "expected", report.expected());
            count(j, "actual", report.actual());
            j.startArray("problems");
            for (FileProblem p : report.problems()) {
                j.startObject().field("file", p.file().toString()).field("problem", p.problem()).endObject();
            }
            j.endArray().endObject();
        }
    }

    private static void count(Json j, String name, EventCount count) {
        j.startObject(name)
                .field("events", count.events())
                .field("status", count.status().name())
                .field("detail", count.detail())
                .endObject();
    }
}
