package org.runops.calo;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.runops.calo.internal.PlanFiles;
import org.runops.calo.internal.PlanJson;
import org.runops.calo.internal.PlanLog;
import org.runops.calo.internal.PlanMaker;
import org.runops.core.exec.CommandTemplate;
import org.runops.core.exec.batch.BatchSubmission;
import org.runops.core.exec.batch.BatchSubmitted;
import org.runops.core.exec.batch.BatchSystem;
import org.runops.core.exec.batch.OutputCheck;
import org.runops.core.exec.batch.PreparedSubmission;
import org.runops.core.exec.batch.SubmissionOutcome;
import org.runops.core.exec.batch.SubmissionPolicy;
import org.runops.core.exec.batch.SubmissionStore;

/**
 * The calorimeter CDB-map production of runProd.py: which runs need maps, and one map job per run.
 *
 * <pre>{@code
 * CdbMapPlanner planner = CdbMapPlanner.builder().catalog(FileCatalog.jdbc(FileCatalogSettings.fromEnvironment(System::getenv)))
 *         .cdb(CdbLookup.rest(URI.create("http://host/api/cdb_rest/"), "newcdbtag")).batch(BatchSystem.htcondor(BatchTools.onPath()))
 *         .output(Path.of("run3auau")).build();
 * Plan plan = planner.plan(PlanOptions.of(RunType.named("run3auau")).withMinEvents(500_000));
 * ExecuteResult r = planner.execute(plan, ExecuteOptions.dryRun(genStatus).withSubmit(true));
 * List<RunStatus> status = planner.status(SubmissionPolicy.DEFAULT); // later: judged by the payload files
 * }</pre>
 *
 * <p>{@link #plan} only reads (catalogue, CDB, file sizes); {@link #execute} writes a new directory per
 * plan under the output ({@code <runtype>-yyyy-MM-dd-HH-mm-ss}, with {@code -DEMO-DATA} appended for demo
 * data) and, only when asked and only for runs the submission store allows, submits. The store
 * ({@code <output>/submissions.json}, locked while in use) keeps a run from being submitted while its
 * job is in flight and retries a failed run a bounded number of times.
 */
public final class CdbMapPlanner {
    private static final DateTimeFormatter DIR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss", Locale.ROOT);
    /** Python's {@code str(datetime.now())}, as the original's log header prints it. */
    private static final DateTimeFormatter PYTHON_NOW = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);
    private static final DateTimeFormatter LOG_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    /** Appended to the directory of a plan made on demo data. */
    public static final String DEMO_SUFFIX = "-DEMO-DATA";

    private final FileCatalog catalog;
    private final CdbLookup cdb;
    private final List<CalibrationSpec> calibrations;
    private final Clock clock;
    private final BatchSystem batch;
    private final Path output;
    private final Path stateStore;
    private final boolean demo;
    private final FileValidator validator;

    private CdbMapPlanner(Builder b) {
        this.catalog = Objects.requireNonNull(b.catalog, "catalog");
        this.cdb = Objects.requireNonNull(b.cdb, "cdb");
        this.calibrations = List.copyOf(b.calibrations);
        if (calibrations.isEmpty()) {
            throw new IllegalArgumentException("the calibration list is empty: nothing to make maps of");
        }
        this.clock = b.clock;
        this.batch = Objects.requireNonNull(b.batch, "batch");
        this.output = Objects.requireNonNull(b.output, "output").toAbsolutePath().normalize();
        this.stateStore = b.stateStore != null ? b.stateStore : output.resolve("submissions.json");
        this.demo = b.demo;
        this.validator = b.validator;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Wiring of a planner; catalogue, CDB, batch system and output are required. */
    public static final class Builder {
        private FileCatalog catalog;
        private CdbLookup cdb;
        private List<CalibrationSpec> calibrations = CalibrationSpec.DEFAULTS;
        private Clock clock = Clock.systemDefaultZone();
        private BatchSystem batch;
        private Path output;
        private Path stateStore;
        private boolean demo;
        private FileValidator validator = FileValidator.defaults();

        private Builder() {}

        public Builder catalog(FileCatalog c) {
            this.catalog = c;
            return this;
        }

        public Builder cdb(CdbLookup c) {
            this.cdb = c;
            return this;
        }

        /** The calibrations to check and make (default: the seven of {@link CalibrationSpec#DEFAULTS}). */
        public Builder calibrations(List<CalibrationSpec> list) {
            this.calibrations = List.copyOf(list);
            return this;
        }

        /** Time of the plan, its directory name and its log (default: the system clock, local time as the original). */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        public Builder batch(BatchSystem b) {
            this.batch = b;
            return this;
        }

        /** Where plan directories and (by default) the submission store go. */
        public Builder output(Path dir) {
            this.output = dir;
            return this;
        }

        /** The submission store file (default {@code <output>/submissions.json}). */
        public Builder stateStore(Path file) {
            this.stateStore = Objects.requireNonNull(file, "file");
            return this;
        }

        /** The catalogue and CDB hold demo data: every plan says so, and none is submitted to a real batch system. */
        public Builder demoData(boolean isDemo) {
            this.demo = isDemo;
            return this;
        }

        /** How the HIST files are checked (default {@link FileValidator#defaults()}: one check per core, 5 minutes in all). */
        public Builder fileValidator(FileValidator v) {
            this.validator = Objects.requireNonNull(v, "validator");
            return this;
        }

        public CdbMapPlanner build() {
            return new CdbMapPlanner(this);
        }
    }

    /**
     * Gathers and decides: the catalogue's winning files per run, the CDB's verdicts, the files' validity
     * (of the runs needing maps) and the event threshold, into a plan. Writes nothing.
     *
     * @throws PlanStepException when the catalogue cannot be read ({@code CATALOG}) or the CDB cannot be
     *                           asked at all ({@code CDB}); runs the CDB could not decide are deferred, not thrown
     * @throws CaloException     when more runs need maps than {@link PlanOptions#maxRuns()}
     */
    public Plan plan(PlanOptions options) {
        List<CatalogFile> files;
        try {
            files = catalog.winningFiles(new CatalogQuery(options.runType(), options.policy(), options.minEvents()));
        } catch (CaloException e) {
            throw new PlanStepException(PlanStepException.Step.CATALOG, "cannot read the FileCatalog (" + catalog.describe() + "): "
                    + e.getMessage(), e);
        }
        Map<RunTag, List<CatalogFile>> byRun = PlanMaker.filesByRun(files, catalog.describe());
        List<RunTag> runs = List.copyOf(byRun.keySet());
        List<RunCdbState> states;
        try {
            states = runs.isEmpty() ? List.of() : cdb.check(runs, calibrations);
        } catch (CaloException e) {
            throw new PlanStepException(PlanStepException.Step.CDB, "cannot ask the CDB (" + cdb.describe() + "): " + e.getMessage(), e);
        }
        if (!states.stream().map(RunCdbState::runTag).toList().equals(runs)) {
            throw new PlanStepException(PlanStepException.Step.CDB, "the CDB lookup (" + cdb.describe() + ") answered for "
                    + states.size() + " runs, not the " + runs.size() + " runs asked, in order", null);
        }
        FileValidation validation = validator.validate(PlanMaker.needingMaps(states).stream().flatMap(rt -> byRun.get(rt).stream()).toList());
        return PlanMaker.decide(options, calibrations, catalog.describe(), cdb.describe(), clock.instant(), demo, byRun, states, validation);
    }

    /**
     * Writes the plan into a new directory under the output and, when {@code options.submit()}, submits
     * one job per run the submission store allows (never a run in flight; a failed run again within the
     * retry bound). A dry run renders the same files and logs the submission command.
     *
     * @throws org.runops.core.exec.batch.SubmissionLockedException when another run holds the store's lock
     * @throws PlanStepException ({@code SUBMISSION}) when the batch system refuses the jobs; the files stay written
     * @throws CaloException when a demo plan is to be submitted to a real batch system, or files cannot be written
     */
    public ExecuteResult execute(Plan plan, ExecuteOptions options) {
        if (plan.demo() && options.submit() && !"local".equals(batch.name())) {
            throw new CaloException("plan " + plan.id() + " was made on demo data: it is submitted to the local batch system only, not to "
                    + batch.name());
        }
        try (SubmissionStore store = SubmissionStore.open(stateStore, "runops calo plan " + plan.options().runType().name())) {
            Path dir = newPlanDirectory(plan);
            PlanLog log = new PlanLog(clock);
            Path logDir = options.logDirectory().map(d -> d.toAbsolutePath().resolve(dir.getFileName())).orElse(dir.resolve("logs"));
            header(log, plan, options, dir, logDir);
            List<Path> lists = PlanFiles.write(plan, dir);
            logFiles(log, plan);
            store.refresh(batch, OutputCheck.expectedFiles(), clock.instant());

            Map<String, Queued> queued = new TreeMap<>(); // by list path: jobs.list order
            List<SkippedRun> waiting = new ArrayList<>();
            List<SkippedRun> done = new ArrayList<>();
            List<SkippedRun> givenUp = new ArrayList<>();
            for (int i = 0; i < plan.tasks().size(); i++) {
                RunTask t = plan.tasks().get(i);
                String fingerprint = PlanMaker.fingerprint(t);
                SubmissionPolicy.Decision d = options.retries().decide(store.history(Long.toString(t.runTag().run())), fingerprint);
                switch (d.action()) {
                    case SUBMIT -> queued.put(lists.get(i).toAbsolutePath().toString(), new Queued(t, new SubmissionStore.Submitted(
                            Long.toString(t.runTag().run()), d.attempt(), fingerprint, expectedOutputs(dir, t))));
                    case WAIT -> waiting.add(new SkippedRun(t.runTag(), SkippedRun.Cause.IN_FLIGHT, d.reason()));
                    case DONE -> done.add(new SkippedRun(t.runTag(), SkippedRun.Cause.MAPS_MADE, d.reason()));
                    case GIVE_UP -> givenUp.add(new SkippedRun(t.runTag(), SkippedRun.Cause.GIVEN_UP, d.reason()));
                }
                if (d.action() != SubmissionPolicy.Action.SUBMIT) {
                    log.info("Run " + t.runTag().run() + " not queued (" + d.action() + "): " + d.reason());
                }
            }
            List<String> inputs = List.copyOf(queued.keySet()); // sorted absolute paths of the list files
            CommandTemplate command = CommandTemplate.parse((options.wrapper().map(w -> w.toAbsolutePath() + " ").orElse(""))
                    + options.mapJob().toAbsolutePath() + " {" + BatchSubmission.INPUT + "} " + dir.resolve("output"));
            Optional<BatchSubmitted> submitted = Optional.empty();
            String submissionCommand = "";
            RuntimeException failure = null;
            if (inputs.isEmpty()) {
                log.info(plan.hasWork() ? "No run to submit: every run needing maps is in flight, done or given up. Quitting."
                        : "No new CDB maps to process. Quitting.");
            } else {
                PreparedSubmission prepared = batch.prepare(new BatchSubmission("genStatus", command, inputs, logDir, dir,
                        options.memoryMegabytes(), Map.of()));
                submissionCommand = prepared.command().isEmpty()
                        ? batch.name() + ": one job per line of " + dir.resolve(BatchSubmission.JOBS_LIST) + " (" + inputs.size()
                                + " job(s)): " + command + ", logs in " + logDir
                        : "cd " + dir + " && " + prepared.commandLine();
                log.info("Submission Command: " + submissionCommand);
                if (options.submit()) {
                    try {
                        BatchSubmitted s = batch.submit(prepared);
                        store.recordSubmitted(s, queued.values().stream().map(Queued::unit).toList(), plan.id(), dir, clock.instant());
                        log.info("Submitted " + s.jobIds().size() + " job(s) to " + s.system() + " cluster " + s.clusterId());
                        submitted = Optional.of(s);
                    } catch (RuntimeException e) {
                        log.error("Submission failed: " + e.getMessage());
                        failure = new PlanStepException(PlanStepException.Step.SUBMISSION, "submitting plan " + plan.id() + " ("
                                + submissionCommand + ") failed: " + e.getMessage(), e);
                    }
                }
            }
            ExecuteResult result = new ExecuteResult(dir, plan, queued.values().stream().map(q -> q.task().runTag()).toList(), submitted,
                    submissionCommand, waiting, done, givenUp);
            PlanJson.write(dir.resolve("plan.json"), result);
            log.write(dir.resolve("log-" + LOG_DATE.format(LocalDateTime.ofInstant(plan.created(), clock.getZone())) + ".txt"));
            if (failure != null) {
                throw failure;
            }
            return result;
        } catch (IOException e) {
            throw new CaloException("cannot write plan " + plan.id() + " under " + output + ": " + e.getMessage(), e);
        }
    }

    private record Queued(RunTask task, SubmissionStore.Submitted unit) {}

    /** The payload files the run's job must make: {@code <plan dir>/output/<run>_<tag>/<expected name>} per map needed. */
    private List<String> expectedOutputs(Path dir, RunTask t) {
        Map<String, CalibrationSpec> byType = new LinkedHashMap<>();
        calibrations.forEach(c -> byType.put(c.payloadType(), c));
        Path runDir = dir.resolve("output").resolve(t.runTag().stem());
        return t.mapsNeeded().stream().map(byType::get).filter(Objects::nonNull)
                .map(c -> runDir.resolve(c.expectedFileName(t.runTag())).toString()).toList();
    }

    /**
     * Where each run's latest map job stands, after asking the batch system and looking for the expected
     * payload files; a run whose job ended without them has FAILED, whatever its exit code.
     *
     * @throws org.runops.core.exec.batch.SubmissionLockedException when another run holds the store's lock
     */
    public List<RunStatus> status(SubmissionPolicy retries) {
        return status(stateStore, batch, clock, retries);
    }

    /**
     * {@link #status(SubmissionPolicy)} without a planner: the submission store {@code stateStore},
     * refreshed against {@code batch} and the expected payload files at {@code clock}'s time.
     */
    public static List<RunStatus> status(Path stateStore, BatchSystem batch, Clock clock, SubmissionPolicy retries) {
        try (SubmissionStore store = SubmissionStore.open(stateStore, "runops calo status")) {
            store.refresh(batch, OutputCheck.expectedFiles(), clock.instant());
            return store.latest().stream().map(a -> new RunStatus(Long.parseLong(a.unit()), a,
                    a.outcome().kind() == SubmissionOutcome.Kind.FAILED && a.attempt() >= retries.maxAttempts())).toList();
        } catch (NumberFormatException e) {
            throw new CaloException("submission store " + stateStore + " holds a unit that is not a run number: " + e.getMessage(), e);
        }
    }

    /** The submission store's file. */
    public Path stateStore() {
        return stateStore;
    }

    private Path newPlanDirectory(Plan plan) throws IOException {
        String base = plan.options().runType().name() + "-" + DIR_TIME.format(LocalDateTime.ofInstant(clock.instant(), clock.getZone()))
                + (plan.demo() ? DEMO_SUFFIX : "");
        Files.createDirectories(output);
        for (int n = 1; ; n++) { // two plans in one second: a new directory each, never a stale datasets/
            Path dir = output.resolve(n == 1 ? base : base + "-" + n);
            try {
                return Files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                continue;
            }
        }
    }

    private void header(PlanLog log, Plan plan, ExecuteOptions o, Path dir, Path logDir) {
        String python = o.submit() ? "True" : "False";
        log.info("#".repeat(40));
        log.info("LOGGING: " + PYTHON_NOW.format(LocalDateTime.ofInstant(clock.instant(), clock.getZone())));
        log.info("Run Type: " + plan.options().runType().name());
        log.info("Min Events: " + (plan.options().minEvents().isPresent() ? plan.options().minEvents().getAsLong() : "None"));
        log.info("Output Directory: " + dir);
        log.info("Condor Memory: " + o.memoryGigabytes());
        log.info("Do Condor Submission: " + python);
        log.info("Filter Datasets Bin: " + plan.cdb());
        log.info("genStatus Bin: " + o.mapJob().toAbsolutePath());
        log.info("Condor Script: " + o.wrapper().map(p -> p.toAbsolutePath().toString()).orElse("None"));
        log.info("Log File: " + dir.resolve("log-" + LOG_DATE.format(LocalDateTime.ofInstant(plan.created(), clock.getZone())) + ".txt"));
        log.info("Condor Log File: " + logDir);
        log.info("Verbose: " + (o.verbose() ? "True" : "False"));
        log.info("Plan: " + plan.id() + ", catalogue " + plan.catalog() + ", tag policy " + plan.options().policy()
                + ", batch system " + batch.name());
        if (plan.demo()) {
            log.info("DEMO DATA: made-up catalogue and CDB; this plan is never submitted to a real batch system");
        }
    }

    private static void logFiles(PlanLog log, Plan plan) {
        log.info("Runs in catalogue: " + plan.catalogRuns().size() + ", needing maps: " + plan.needingMaps().size() + ", up to date: "
                + plan.upToDate().size() + ", deferred: " + plan.deferred().size() + ", dropped: " + plan.dropped().size());
        plan.deferred().forEach(s -> log.info("Run " + s.runTag().run() + " deferred: " + s.reason()));
        plan.dropped().forEach(s -> log.info("Run " + s.runTag().run() + " dropped: " + s.reason()));
        long clean = plan.tasks().stream().mapToLong(t -> t.files().size()).sum();
        long current = clean + plan.missingFiles().size();
        log.info("Current files: " + current);
        log.info("Clean files: " + clean);
        log.info(String.format(Locale.ROOT, "Missing files: %d, %.2f %%", plan.missingFiles().size(),
                current == 0 ? 0.0 : 100.0 * plan.missingFiles().size() / current));
    }
}
