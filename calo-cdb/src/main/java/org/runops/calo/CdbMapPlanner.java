package org.runops.calo;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.runops.calo.internal.PlanFiles;
import org.runops.calo.internal.PlanJson;
import org.runops.calo.internal.PlanLog;
import org.runops.calo.internal.PlanLogText;
import org.runops.calo.internal.PlanMaker;
import org.runops.core.exec.CommandTemplate;
import org.runops.core.exec.batch.BatchException;
import org.runops.core.exec.batch.BatchJobState;
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
        this.demo = b.demo || catalog.isDemo(); // the data decide, not only the caller's flag
        this.stateStore = b.stateStore != null ? b.stateStore : defaultStateStore(output, demo);
        this.validator = b.validator;
    }

    /**
     * The submission store of an output directory: {@code submissions.json}, or {@code submissions-DEMO-DATA.json}
     * for demo plans, whose made-up runs (real run numbers) must never count as a real run's attempts.
     */
    public static Path defaultStateStore(Path output, boolean demo) {
        return output.resolve(demo ? "submissions" + DEMO_SUFFIX + ".json" : "submissions.json");
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

        /** The submission store file (default {@link #defaultStateStore}: {@code <output>/submissions.json}, for demo data {@code submissions-DEMO-DATA.json}). */
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
     * @throws PlanStepException ({@code TOO_MANY_RUNS}) when more runs need maps than {@link PlanOptions#maxRuns()}
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
        Set<String> asked = Set.copyOf(calibrations.stream().map(CalibrationSpec::payloadType).toList());
        for (RunCdbState s : states) {
            if (s.undecided().isEmpty() && !s.verdicts().keySet().equals(asked)) {
                throw new PlanStepException(PlanStepException.Step.CDB, "the CDB lookup (" + cdb.describe() + ") answered run "
                        + s.runTag().run() + " for the calibrations " + s.verdicts().keySet() + ", not the ones asked " + asked, null);
            }
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
        try (Session session = session("runops calo plan " + plan.options().runType().name())) {
            return session.execute(plan, options);
        }
    }

    /**
     * Takes the submission store's lock for a whole cron run: plan, execute and status inside one session,
     * so an overlapping run is turned away before it reads the catalogue, asks the CDB or writes anything.
     *
     * @param holder who takes it, named in the message an overlapping run gets
     * @throws org.runops.core.exec.batch.SubmissionLockedException when another run holds the lock
     */
    public Session session(String holder) {
        try {
            Files.createDirectories(stateStore.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new CaloException("cannot create the directory of the submission store " + stateStore + ": " + e.getMessage(), e);
        }
        return new Session(SubmissionStore.open(stateStore, holder));
    }

    /** A planner holding the submission store's lock; {@link #close()} releases it. */
    public final class Session implements AutoCloseable {
        private final SubmissionStore store;

        private Session(SubmissionStore store) {
            this.store = store;
        }

        /** {@link CdbMapPlanner#plan(PlanOptions)} under the lock. */
        public Plan plan(PlanOptions options) {
            return CdbMapPlanner.this.plan(options);
        }

        /** {@link CdbMapPlanner#execute(Plan, ExecuteOptions)} under this session's lock. */
        public ExecuteResult execute(Plan plan, ExecuteOptions options) {
            return CdbMapPlanner.this.execute(store, plan, options);
        }

        /** {@link CdbMapPlanner#status(SubmissionPolicy)} under this session's lock. */
        public List<RunStatus> status(SubmissionPolicy retries) {
            return CdbMapPlanner.status(store, stateStore, batch, clock, retries);
        }

        @Override
        public void close() {
            store.close();
        }
    }

    private ExecuteResult execute(SubmissionStore store, Plan plan, ExecuteOptions options) {
        if (plan.demo() && options.submit() && !"local".equals(batch.name())) {
            throw new CaloException("plan " + plan.id() + " was made on demo data: it is submitted to the local batch system only, not to "
                    + batch.name());
        }
        Path dir;
        try {
            dir = newPlanDirectory(plan);
        } catch (IOException e) {
            throw new CaloException("cannot create a directory for plan " + plan.id() + " under " + output + ": " + e.getMessage(), e);
        }
        PlanLog log = new PlanLog(clock, PlanLogText.logFile(dir, plan, clock));
        Path logDir = options.logDirectory().map(d -> d.toAbsolutePath().resolve(dir.getFileName())).orElse(dir.resolve("logs"));
        Map<String, Queued> queued = new TreeMap<>(); // by list path: jobs.list order
        List<SkippedRun> waiting = new ArrayList<>();
        List<SkippedRun> done = new ArrayList<>();
        List<SkippedRun> givenUp = new ArrayList<>();
        Optional<BatchSubmitted> submitted = Optional.empty();
        String submissionCommand = "";
        RuntimeException failure = null;
        try {
            PlanLogText.header(log, plan, options, dir, logDir, clock, batch.name());
            List<Path> lists = PlanFiles.write(plan, dir);
            PlanLogText.summary(log, plan);
            store.refresh(batch, OutputCheck.expectedFiles(), clock.instant());

            for (int i = 0; i < plan.tasks().size(); i++) {
                RunTask t = plan.tasks().get(i);
                String fingerprint = PlanMaker.fingerprint(t);
                SubmissionPolicy.Decision d = options.retries().decide(store.history(Long.toString(t.runTag().run())), fingerprint, clock.instant());
                switch (d.action()) {
                    case SUBMIT -> queued.put(lists.get(i).toAbsolutePath().toString(), new Queued(t, new SubmissionStore.Submitted(
                            Long.toString(t.runTag().run()), d.attempt(), fingerprint, expectedOutputs(dir, t))));
                    case WAIT -> waiting.add(new SkippedRun(t.runTag(), SkippedRun.Cause.IN_FLIGHT, d.reason()));
                    case STUCK -> waiting.add(new SkippedRun(t.runTag(), SkippedRun.Cause.STUCK, d.reason()));
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
            if (inputs.isEmpty()) {
                log.info(plan.hasWork() ? "No run to submit: every run needing maps is in flight, done or given up. Quitting."
                        : "No new CDB maps to process. Quitting.");
            } else {
                try { // rendering the batch system's files is part of the submission step: its refusal is exit 50, not a bug
                    PreparedSubmission prepared = batch.prepare(new BatchSubmission("genStatus", command, inputs, logDir, dir,
                            options.memoryMegabytes(), Map.of()));
                    submissionCommand = prepared.command().isEmpty()
                            ? batch.name() + ": one job per line of " + dir.resolve(BatchSubmission.JOBS_LIST) + " (" + inputs.size()
                                    + " job(s)): " + command + ", logs in " + logDir
                            : "cd " + dir + " && " + prepared.commandLine();
                    log.info("Submission Command: " + submissionCommand);
                    if (options.submit()) {
                        List<SubmissionStore.Submitted> units = queued.values().stream().map(Queued::unit).toList();
                        store.recordSubmitting(batch.name(), units, plan.id(), dir, clock.instant()); // before: a killed submit is not forgotten
                        try {
                            BatchSubmitted s = batch.submit(prepared);
                            store.recordSubmitted(s, units, plan.id(), dir, clock.instant());
                            log.info("Submitted " + s.jobIds().size() + " job(s) to " + s.system() + " cluster " + s.clusterId());
                            submitted = Optional.of(s);
                        } catch (RuntimeException e) {
                            try {
                                store.recordSubmitFailed(units, plan.id(), e, clock.instant());
                            } catch (RuntimeException again) {
                                e.addSuppressed(again); // the store still holds the "submitting" attempts: the runs wait all the same
                            }
                            throw e;
                        }
                    }
                } catch (RuntimeException e) {
                    log.error("Submission failed: " + e.getMessage());
                    failure = new PlanStepException(PlanStepException.Step.SUBMISSION, "submitting plan " + plan.id() + " ("
                            + (submissionCommand.isEmpty() ? batch.name() : submissionCommand) + ") failed: " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            failure = new CaloException("cannot write plan " + plan.id() + " under " + output + ": " + e.getMessage(), e);
            log.error(failure.getMessage());
        } catch (RuntimeException e) {
            log.error("Plan failed: " + e.getMessage());
            failure = e;
        }
        // plan.json in every case: what was decided and (not) submitted, next to the log of why
        ExecuteResult result = new ExecuteResult(dir, plan, queued.values().stream().map(q -> q.task().runTag()).toList(), submitted,
                submissionCommand, waiting, done, givenUp);
        try {
            PlanJson.write(dir.resolve("plan.json"), result);
        } catch (IOException e) {
            CaloException json = new CaloException("cannot write " + dir.resolve("plan.json") + ": " + e.getMessage(), e);
            if (failure == null) {
                failure = json;
            } else {
                failure.addSuppressed(json);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return result;
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
            return status(store, stateStore, batch, clock, retries);
        }
    }

    private static List<RunStatus> status(SubmissionStore store, Path stateStore, BatchSystem batch, Clock clock, SubmissionPolicy retries) {
        try {
            store.refresh(batch, OutputCheck.expectedFiles(), clock.instant());
            return store.latest().stream().map(a -> new RunStatus(Long.parseLong(a.unit()), a,
                    a.outcome().kind() == SubmissionOutcome.Kind.FAILED && a.attempt() >= retries.maxAttempts(),
                    retries.decide(store.history(a.unit()), a.fingerprint(), clock.instant()).action() == SubmissionPolicy.Action.STUCK)).toList();
        } catch (NumberFormatException e) {
            throw new CaloException("submission store " + stateStore + " holds a unit that is not a run number: " + e.getMessage(), e);
        }
    }

    /**
     * Waits, bounded, for the jobs {@code executed} submitted to end: asks the batch system every
     * {@code poll} until all are final or {@code timeout} (on this planner's clock) has passed.
     *
     * @return true when every job ended (or nothing was submitted), false when some still run after {@code timeout}
     * @throws CaloException when the batch system cannot be asked (neither ended nor running: undecided)
     */
    public boolean await(ExecuteResult executed, Duration timeout, Duration poll) throws InterruptedException {
        if (timeout.isNegative() || poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("await needs timeout >= 0 and poll > 0, got " + timeout + " and " + poll);
        }
        if (executed.submitted().isEmpty()) {
            return true;
        }
        BatchSubmitted s = executed.submitted().get();
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            List<BatchJobState> states;
            try {
                states = batch.states(s);
            } catch (BatchException e) {
                throw new CaloException("cannot ask " + batch.name() + " about cluster " + s.clusterId() + " of plan "
                        + executed.plan().id() + " (whether its jobs ended is undecided): " + e.getMessage(), e);
            }
            if (states.stream().allMatch(st -> st.status().isFinal())) {
                return true;
            }
            if (!clock.instant().isBefore(deadline)) {
                return false;
            }
            Thread.sleep(poll.toMillis());
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
}
