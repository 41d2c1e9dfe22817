package org.runops.examples.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.runops.calo.CdbMapPlanner;
import org.runops.calo.ExecuteOptions;
import org.runops.calo.ExecuteResult;
import org.runops.calo.Plan;
import org.runops.calo.PlanOptions;
import org.runops.calo.RunType;
import org.runops.calo.SkippedRun;
import org.runops.calo.TagSelectionPolicy;
import org.runops.core.exec.batch.BatchSubmitted;
import org.runops.core.exec.batch.SubmissionPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runops calo plan}: runProd.py with its flags, dry run unless asked to submit. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        header = "Plan (and with -s submit) one map job per run whose CDB maps are missing or outdated (runProd.py).",
        description = {
            "Reads the FileCatalog (HIST_CALOQA files of each run's winning tag; the run must have more than --min-events",
            "DST events), asks the CDB which of the seven calorimeter maps each run lacks, checks the files (exist, not",
            "empty), and writes into a new directory <output>/<run-type>-<yyyy-MM-dd-HH-mm-ss>: <run-type>.csv,",
            "<run-type>-process.csv, <run-type>-missing.csv, datasets/<run>_<tag>.list, jobs.list, the batch system's",
            "submit file, log-<date>.txt and plan.json. Without -s it is a dry run that logs the submission command.",
            "With -s the jobs are submitted, except runs whose job is still in flight, whose maps were already made, or",
            "that failed --max-attempts times (see runops calo status). Defaults as the original: the FileCatalog from",
            "PGHOST/PGPORT/PGUSER, the CDB through $OFFLINE_MAIN/bin/CaloCDB-FilterDatasets, $OFFLINE_MAIN/bin/",
            "CaloCDB-GenStatus as map job, HTCondor. --catalog demo: made-up data (the plan directory ends in",
            "-DEMO-DATA, plan.json and the log say so; submitted only to the local batch system)."
        },
        footer = {"", CaloExitCodes.FOOTER})
final class CaloPlanCommand implements Callable<Integer> {
    private static final int SHOWN = 10;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-i", "--run-type"}, defaultValue = "run3auau", paramLabel = "TYPE",
            description = "Run type: run2pp, run2auau, run3auau, run3pp, run3oo (default: ${DEFAULT-VALUE}).")
    private String runType;

    @Option(names = {"-n", "--min-events"}, defaultValue = "500000", paramLabel = "N",
            description = "Keep runs with more than N events (default: ${DEFAULT-VALUE}).")
    private long minEvents;

    @Option(names = {"-o", "--output"}, defaultValue = "test", paramLabel = "DIR",
            description = "Output directory; one new directory per plan below it, and the submission store (default: ${DEFAULT-VALUE}).")
    private Path output;

    @Option(names = {"-l", "--condor-log-dir"}, paramLabel = "DIR",
            description = "Job logs, in a sub-directory per plan (default: /tmp/$USER/dump); never emptied.")
    private Path condorLogDir;

    @Option(names = {"-s", "--do-condor-submit", "--submit"}, description = "Submit the jobs (default: dry run).")
    private boolean submit;

    @Option(names = {"-f", "--bin-filter-datasets"}, paramLabel = "FILE",
            description = "CaloCDB-FilterDatasets, asked when no --cdb-url is given (default: $OFFLINE_MAIN/bin/CaloCDB-FilterDatasets).")
    private Path filterDatasets;

    @Option(names = {"-f2", "--bin-genStatus"}, paramLabel = "FILE",
            description = "CaloCDB-GenStatus, the map job (default: $OFFLINE_MAIN/bin/CaloCDB-GenStatus).")
    private Path genStatus;

    @Option(names = {"-e", "--condor-script"}, paramLabel = "FILE",
            description = "Wrapper each job runs the map job through (genStatus.sh <exe> <list> <out>); default: none.")
    private Path condorScript;

    @Option(names = {"-m", "--memory"}, defaultValue = "0.5", paramLabel = "GB",
            description = "Memory per job, GB (default: ${DEFAULT-VALUE}).")
    private double memory;

    @Option(names = "--catalog", paramLabel = "demo", description = "demo: the made-up catalogue, in-memory CDB and local jobs.")
    private String catalog;

    @Option(names = "--catalog-url", paramLabel = "JDBC-URL",
            description = "FileCatalog JDBC URL (default: jdbc:postgresql://$PGHOST:$PGPORT/FileCatalog as PGUSER).")
    private String catalogUrl;

    @Option(names = "--cdb-url", paramLabel = "URL", description = "nopayloaddb REST API root, e.g. http://host/api/cdb_rest/ (default: "
            + "the FilterDatasets binary).")
    private URI cdbUrl;

    @Option(names = "--global-tag", defaultValue = "newcdbtag", paramLabel = "TAG", description = "CDB global tag (default: ${DEFAULT-VALUE}).")
    private String globalTag;

    @Option(names = "--batch", paramLabel = "condor|slurm|local", description = "Batch system (default: condor; local with --catalog demo).")
    private String batch;

    @Option(names = "--tag-policy", defaultValue = "run-latest-file", paramLabel = "POLICY",
            description = "Winning tag per run: run-latest-file (today's SQL) or campaign-start (the 2025 pandas rule); default: ${DEFAULT-VALUE}.")
    private String tagPolicy;

    @Option(names = "--max-attempts", defaultValue = "3", paramLabel = "N",
            description = "Submissions of a failing run before it is given up (default: ${DEFAULT-VALUE}).")
    private int maxAttempts;

    @Option(names = "--max-runs", defaultValue = "20000", paramLabel = "N",
            description = "Refuse plans with more runs needing maps (default: ${DEFAULT-VALUE}, as the original).")
    private int maxRuns;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PlanOptions planOptions = new PlanOptions(RunType.named(runType), policy(tagPolicy), OptionalLong.of(minEvents), maxRuns);
        Path outputDir = output.toAbsolutePath().normalize();
        CaloBackends.Choice choice = new CaloBackends.Choice(catalog, catalogUrl, cdbUrl, globalTag, filterDatasets, genStatus, batch,
                runType);
        try (CaloBackends b = CaloBackends.open(choice, outputDir, System::getenv)) {
            CdbMapPlanner planner = CdbMapPlanner.builder().catalog(b.catalog).cdb(b.cdb).batch(b.batch).output(outputDir)
                    .demoData(b.demo).clock(Clock.systemDefaultZone()).build();
            ExecuteOptions exec = ExecuteOptions.dryRun(b.mapJob).withSubmit(submit).withMemoryGigabytes(memory)
                    .withRetries(new SubmissionPolicy(maxAttempts)).withVerbose(verbose())
                    .withLogDirectory(condorLogDir != null ? condorLogDir : Path.of("/tmp", System.getProperty("user.name"), "dump"));
            if (condorScript != null) {
                exec = exec.withWrapper(condorScript);
            }
            Plan plan = planner.plan(planOptions);
            ExecuteResult r = planner.execute(plan, exec);
            printSummary(r, out);
            if (r.submitted().isPresent() && b.batch.name().equals("local")) {
                awaitLocal(b, r.submitted().get(), out);
                CaloStatusCommand.printTable(planner.status(new SubmissionPolicy(maxAttempts)), out);
            }
            return exitCode(plan);
        } catch (RuntimeException e) {
            int code = CaloExitCodes.of(e);
            if (code < 0) {
                throw e;
            }
            spec.commandLine().getErr().println("runops: error: " + e.getMessage());
            return code;
        }
    }

    /** 0, or runs deferred: 41 when the CDB decided none of the catalogue's runs (it is down), else 42. */
    static int exitCode(Plan plan) {
        if (plan.deferred().isEmpty()) {
            return CaloExitCodes.OK;
        }
        return plan.cdbDecidedNothing() ? CaloExitCodes.CDB_UNREACHABLE : CaloExitCodes.RUNS_DEFERRED;
    }

    private boolean verbose() {
        var option = spec.findOption("--verbose");
        return option != null && Boolean.TRUE.equals(option.getValue());
    }

    static TagSelectionPolicy policy(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "run-latest-file" -> TagSelectionPolicy.RUN_LATEST_FILE;
            case "campaign-start" -> TagSelectionPolicy.CAMPAIGN_START;
            default -> throw new IllegalArgumentException("--tag-policy must be run-latest-file or campaign-start, got '" + name + "'");
        };
    }

    /** Local jobs run in this process: wait for them (they would be stopped when it exits). */
    private static void awaitLocal(CaloBackends b, BatchSubmitted s, PrintWriter out) throws InterruptedException {
        out.println("waiting for " + s.jobIds().size() + " local job(s) to end (they stop if this process is stopped)...");
        out.flush();
        while (!b.batch.states(s).stream().allMatch(st -> st.status().isFinal())) {
            Thread.sleep(200);
        }
    }

    /** The first {@value #SHOWN} runs of a list and how many more there are (plan.json has them all). */
    private static void printSome(String what, List<SkippedRun> runs, PrintWriter out) {
        runs.stream().limit(SHOWN).forEach(s -> out.println("  " + what + " " + s.runTag().run() + ": " + s.reason()));
        if (runs.size() > SHOWN) {
            out.println("  " + what + " ... and " + (runs.size() - SHOWN) + " more (plan.json lists them all)");
        }
    }

    static void printSummary(ExecuteResult r, PrintWriter out) {
        Plan p = r.plan();
        out.printf(Locale.ROOT, "plan %s%s: %s, %d runs in the catalogue, %d need maps (%d up to date), %d to process, %d deferred, "
                + "%d dropped, %d missing files%n", p.id(), p.demo() ? " (DEMO DATA)" : "", p.options().runType().name(),
                p.catalogRuns().size(), p.needingMaps().size(), p.upToDate().size(), p.tasks().size(), p.deferred().size(),
                p.dropped().size(), p.missingFiles().size());
        printSome("deferred", p.deferred(), out);
        printSome("dropped ", p.dropped(), out);
        printSome("waiting ", r.waiting(), out);
        printSome("given up", r.givenUp(), out);
        if (!r.done().isEmpty()) {
            out.println("  maps already made (awaiting upload): " + r.done().stream().map(s -> Long.toString(s.runTag().run())).toList());
        }
        out.println("written to " + r.directory());
        if (r.queued().isEmpty()) {
            out.println(p.hasWork() ? "nothing to submit" : "No new CDB maps to process.");
        } else if (r.submitted().isPresent()) {
            out.println("submitted " + r.queued().size() + " job(s) to " + r.submitted().get().system() + " cluster "
                    + r.submitted().get().clusterId());
        } else {
            out.println("dry run (add -s to submit " + r.queued().size() + " job(s)): " + r.submissionCommand());
        }
        out.flush();
    }
}
