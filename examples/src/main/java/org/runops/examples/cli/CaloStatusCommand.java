package org.runops.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import org.runops.calo.CdbMapPlanner;
import org.runops.calo.RunStatus;
import org.runops.core.exec.batch.BatchSystem;
import org.runops.core.exec.batch.SubmissionAttempt;
import org.runops.core.exec.batch.SubmissionPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runops calo status}: where each run's map job stands. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        header = "Show where each run's latest map job stands, judged by its payload files (the map job exits 0 even when it fails).",
        description = {
            "Reads the submission store of an output directory (<output>/submissions.json; with --catalog demo submissions-DEMO-DATA.json), asks the batch system how",
            "each job still in flight stands, and looks for the payload files each job must write",
            "(<plan dir>/output/<run>_<tag>/<map>_<tag>_<run>.root). Outcomes: IN_FLIGHT (queued or running), SUCCEEDED",
            "(every payload file present), FAILED (ended without them), UNDECIDED (the batch system or the file system",
            "did not answer: asked again next time). A run is GIVEN UP after --max-attempts failures. Jobs of the local",
            "batch system end with the process that ran them: they are judged by their files alone."
        },
        footer = {"", CaloExitCodes.FOOTER})
final class CaloStatusCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-o", "--output"}, defaultValue = "test", paramLabel = "DIR",
            description = "Output directory of runops calo plan (default: ${DEFAULT-VALUE}).")
    private Path output;

    @Option(names = "--catalog", paramLabel = "demo", description = "demo: the demo plans' store (<output>/submissions-DEMO-DATA.json).")
    private String catalog;

    @Option(names = "--batch", defaultValue = "condor", paramLabel = "condor|slurm|local", description = "Batch system the jobs went to "
            + "(default: ${DEFAULT-VALUE}).")
    private String batch;

    @Option(names = "--max-attempts", defaultValue = "3", paramLabel = "N", description = "As given to plan (default: ${DEFAULT-VALUE}).")
    private int maxAttempts;

    @Override
    public Integer call() {
        Path dir = output.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("output directory " + dir + " does not exist: nothing was planned with this --output");
        }
        if (catalog != null && !catalog.equals("demo")) {
            throw new IllegalArgumentException("--catalog must be 'demo' (the demo plans' store), got '" + catalog + "'");
        }
        Path store = CdbMapPlanner.defaultStateStore(dir, catalog != null);
        try (BatchSystem b = CaloBackends.batch(batch)) {
            printTable(CdbMapPlanner.status(store, b, Clock.systemUTC(), new SubmissionPolicy(maxAttempts)), spec.commandLine().getOut());
            return CaloExitCodes.OK;
        } catch (RuntimeException e) {
            return CaloExitCodes.report(e, spec.commandLine().getErr());
        }
    }

    static void printTable(List<RunStatus> status, PrintWriter out) {
        if (status.isEmpty()) {
            out.println("no map job submitted yet");
            out.flush();
            return;
        }
        TextTable t = new TextTable("run>", "attempt>", "outcome", "job", "submitted", "reason");
        for (RunStatus s : status) {
            SubmissionAttempt a = s.latest();
            t.row(s.run(), a.attempt(), s.givenUp() ? "GIVEN UP" : s.stuck() ? "STUCK" : a.outcome().kind(), a.system() + ":" + a.jobId(), a.submitted().truncatedTo(ChronoUnit.SECONDS),
                    a.outcome().reason());
        }
        t.print(out);
    }
}
