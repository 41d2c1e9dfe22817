package org.runops.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.runops.examples.demo.StripDemo;
import org.runops.strip.PassReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runops strip demo}: one pass over a staged storage area that walks every decision. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        header = "One pass over a staged area that walks every decision.",
        description = {
            "Stage a storage area with one run per row of the decision table, an embedded H2 RUN/ANALYSIS database",
            "and a stand-in analysis script, run one pass and print what was decided and why."
        })
final class StripDemoCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", description = "Scratch directory to use and keep (default: temporary).")
    private Path dir;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("runops-strip-demo-");
        try {
            out.println("SiStrip commissioning pass (host srv-demo, partitions TI/TM/TO) over " + work + ":");
            PassReport report = run(work);
            StripCommand.printReport(report, out);
            out.println("Ledgers and history.jsonl are in " + work.resolve("ledgers")
                    + (dir == null ? " (add --dir DIR to keep them, then: runops strip explain 400109 --config ...)" : ""));
            return ExitCodes.OK;
        } finally {
            if (dir == null) {
                DemoCommand.deleteRecursively(work);
            }
            out.flush();
        }
    }

    static PassReport run(Path work) {
        return new StripDemo(work, System.getProperty("java.class.path")).run();
    }
}
