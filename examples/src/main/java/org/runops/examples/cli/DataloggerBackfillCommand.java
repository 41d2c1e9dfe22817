package org.runops.examples.cli;

import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.runops.core.exec.CommandTemplate;
import org.runops.core.exec.batch.BatchException;
import org.runops.core.exec.batch.BatchSubmission;
import org.runops.core.exec.batch.BatchSubmitted;
import org.runops.core.exec.batch.BatchSystem;
import org.runops.core.exec.batch.BatchTools;
import org.runops.core.exec.batch.PreparedSubmission;
import org.runops.core.exec.batch.SubmissionLockedException;
import org.runops.core.exec.batch.SubmissionOutcome;
import org.runops.core.exec.batch.SubmissionPolicy;
import org.runops.core.exec.batch.SubmissionStore;
import org.runops.core.http.Sleeper;
import org.runops.datalogger.NannyBackfill;
import org.runops.datalogger.NannyBackfill.DayAction;
import org.runops.datalogger.NannyBackfill.DayPlan;
import org.runops.datalogger.NannyBackfill.DayStatus;
import org.runops.datalogger.NannyBackfill.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runops datalogger backfill}: the nanny's archive for a range of past days, one batch job per day. */
@Command(
        name = "backfill",
        mixinStandardHelpOptions = true,
        header = "Backfill the data nanny's archive for past UTC days through a batch system: one resumable job per day.",
        description = {
            "For every UTC day from --from to --to (both included; the last must have ended), find the day's chunk files",
            "(--outdir/YYYYMM/DD/<yyyyMMdd'T'HHmmss><duration>-<version>.h5) not on disk yet; a day whose chunks are all",
            "on disk is skipped, a partial day is reported. The other days become one submission of one job per day, each",
            "`runops datalogger nanny-day --day DAY ...` (which skips the chunks on disk, so a rerun resumes), run by",
            "--batch local (this machine; waits for the jobs by default), condor or slurm.",
            "Dry run by default: prints the plan, writes the submission's files (jobs.list, the batch system's own) into",
            "<state folder>/<plan id>/ and the exact submit command; --submit submits. Every submission is recorded per",
            "day in --state, judged by the day's chunk files (not exit codes): a rerun does not submit a day in flight,",
            "resubmits a failed day up to --max-attempts times, then gives it up. --status shows where each day stands.",
            "With --batch local the jobs live in this process: it waits for them (holding the store's lock), and jobs still",
            "running when --wait-timeout ends are stopped and judged (--no-wait is refused). Jobs on a cluster need the",
            "class path (or --launcher) and the folders on a shared file system.",
            "Exit codes: 0 dry run, nothing to do, submitted, or (waiting) every submitted day complete; --status: every",
            "day on disk. 1 a day failed, was given up, or is not complete after the wait; --status: a day is not",
            "complete. 2 bad input. 3 internal error. 4 another backfill holds the state store's lock.",
            "5 the batch system refused the submission or could not be asked."
        })
final class DataloggerBackfillCommand implements Callable<Integer> {
    /** Another run holds the state store's lock. */
    static final int LOCKED = 4;
    /** The batch system refused the submission or could not be asked. */
    static final int BATCH_FAILED = 5;
    private static final String LAUNCHER_MAIN = "org.runops.examples.RunopsCli";

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private DataloggerBackendOptions backend;

    @Mixin
    private DataloggerFetchOptions fetch;

    @Mixin
    private NannyOptions nanny;

    @Option(names = "--from", required = true, paramLabel = "DAY", description = "First UTC day, e.g. 2024-01-01.")
    private LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "DAY", description = "Last UTC day, included; it must have ended.")
    private LocalDate to;

    @Option(names = "--state", paramLabel = "FILE",
            description = "The submission store; its folder holds each submission's files (default: OUTDIR/.backfill/submissions.json).")
    private Path state;

    @Option(names = "--batch", defaultValue = "local", paramLabel = "SYSTEM",
            description = "local (this machine), condor (HTCondor) or slurm (default: ${DEFAULT-VALUE}).")
    private String batch;

    @Option(names = "--batch-bin", paramLabel = "DIR", description = "Folder of the batch system's tools (default: found on the PATH).")
    private Path batchBin;

    @Option(names = "--jobs", defaultValue = "2", paramLabel = "N", description = "With --batch local: day jobs at once (default: ${DEFAULT-VALUE}).")
    private int jobs;

    @Option(names = "--memory", defaultValue = "2048", paramLabel = "MiB", description = "Memory each job requests (default: ${DEFAULT-VALUE}).")
    private long memory;

    @Option(names = "--max-attempts", defaultValue = "3", paramLabel = "N",
            description = "Submissions of one day before it is given up (default: ${DEFAULT-VALUE}).")
    private int maxAttempts;

    @Option(names = "--launcher", paramLabel = "COMMAND",
            description = "How a job starts runops, words split at spaces (default: this Java with this class path and " + LAUNCHER_MAIN + ").")
    private String launcher;

    @Option(names = "--submit", description = "Submit (without it, a dry run).")
    private boolean submit;

    @Option(names = "--status", description = "Show where each day stands (chunk files on disk, latest submission) and submit nothing.")
    private boolean status;

    @Option(names = "--wait", negatable = true,
            description = "After submitting, wait for the jobs and print each day's outcome (default: with --batch local only).")
    private Boolean wait;

    @Option(names = "--wait-timeout", defaultValue = "24h", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Longest wait for the jobs (default: ${DEFAULT-VALUE}).")
    private Duration waitTimeout;

    @Option(names = "--poll", defaultValue = "10s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "While waiting, how often the batch system is asked (default: ${DEFAULT-VALUE}).")
    private Duration poll;

    @Override
    public Integer call() throws InterruptedException {
        if (Boolean.FALSE.equals(wait) && batch.equalsIgnoreCase("local")) {
            throw new IllegalArgumentException("--no-wait cannot be used with --batch local: its jobs run in this process and would be"
                    + " stopped when it returns; let it wait, or use --batch condor or slurm");
        }
        Path stateFile = (state != null ? state : nanny.outDir().resolve(".backfill").resolve("submissions.json")).toAbsolutePath().normalize();
        Path area = stateFile.getParent();
        NannyBackfill.Options o = new NannyBackfill.Options(from, to, nanny.paramFile(), nanny.duration(), nanny.listVersion(),
                backend.backendName(), nanny.outDir(), dayCommand(area), area, memory, Map.of(), new SubmissionPolicy(maxAttempts));
        Clock clock = Clock.systemUTC();
        // the store first, so it is closed last: local jobs are stopped while its lock is still held
        try (SubmissionStore store = SubmissionStore.open(stateFile, "runops datalogger backfill"); BatchSystem system = batchSystem()) {
            NannyBackfill backfill = new NannyBackfill(system, clock);
            return status ? printStatus(backfill.status(store, o)) : plan(backfill, system, store, o);
        } catch (SubmissionLockedException e) {
            err().println("runops: " + e.getMessage());
            return LOCKED;
        }
    }

    private int plan(NannyBackfill backfill, BatchSystem system, SubmissionStore store, NannyBackfill.Options o) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        boolean local = system.name().equals("local");
        Plan plan = backfill.plan(store, o);
        printPlan(plan, o);
        boolean gaveUp = plan.days().stream().anyMatch(d -> d.action() == DayAction.GIVE_UP || d.action() == DayAction.STUCK);
        int settled = gaveUp ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
        if (plan.submission().isEmpty()) {
            out.println("nothing to submit");
            out.flush();
            return settled;
        }
        PreparedSubmission prepared = system.prepare(plan.submission().get());
        out.println("plan " + plan.id() + ": " + plan.toSubmit().size() + " day jobs; files: "
                + prepared.files().stream().map(Path::toString).collect(Collectors.joining(" ")));
        out.println("submit command: " + (prepared.command().isEmpty() ? "(none: --batch local runs the jobs in this process)"
                : "(cd " + prepared.submission().workDirectory() + " && " + prepared.commandLine() + ")"));
        out.println("job of " + plan.toSubmit().get(0).unit() + ": " + String.join(" ", prepared.submission().commandOf(0)));
        if (!submit) {
            out.println("dry run: nothing submitted (add --submit)");
            out.flush();
            return settled;
        }
        out.flush(); // shown before the submit command runs, which can take a while
        BatchSubmitted submitted;
        try {
            submitted = backfill.submit(store, plan, prepared);
        } catch (BatchException e) {
            err().println("runops: " + e.getMessage());
            return BATCH_FAILED;
        }
        out.println("submitted " + submitted.jobIds().size() + " day jobs to " + submitted.system() + " as " + submitted.clusterId());
        out.flush();
        if (!(wait != null ? wait : local)) {
            return settled;
        }
        boolean ended;
        try {
            ended = backfill.await(store, submitted, waitTimeout, poll, Sleeper.system());
        } catch (BatchException e) {
            err().println("runops: " + e.getMessage());
            return BATCH_FAILED;
        }
        if (!ended && local) {
            system.close(); // stops the jobs still running, so the status below judges them instead of leaving them in flight
        }
        Set<LocalDate> days = plan.toSubmit().stream().map(d -> d.day().day()).collect(Collectors.toSet());
        List<DayStatus> outcomes = backfill.status(store, o).stream().filter(s -> days.contains(s.day().day())).toList();
        printStatus(outcomes);
        if (!ended) {
            err().println("runops: jobs still running after " + waitTimeout + "; `runops datalogger backfill --status` shows them later");
            err().flush();
        }
        boolean allSucceeded = outcomes.stream().allMatch(s -> s.latest().map(a -> a.outcome().kind() == SubmissionOutcome.Kind.SUCCEEDED)
                .orElse(false));
        return allSucceeded ? settled : ExitCodes.CHECK_FAILED;
    }

    private void printPlan(Plan plan, NannyBackfill.Options o) {
        PrintWriter out = spec.commandLine().getOut();
        List<DayPlan> days = plan.days();
        out.println("backfill " + o.from() + " .. " + o.to() + " (UTC days, both included): chunks of " + o.chunk() + ", version " + o.version()
                + ", backend " + o.backend() + ", archive " + o.outDir());
        TextTable table = new TextTable("DAY", "ON DISK>", "ACTION", "ATTEMPT>", "WHY");
        for (DayPlan d : days) {
            table.row(d.unit(), (d.files().size() - d.missing().size()) + "/" + d.files().size(), d.action(),
                    d.attempt() == 0 ? "" : d.attempt(), d.reason());
        }
        table.print(out);
        long complete = days.stream().filter(d -> d.missing().isEmpty()).count();
        long partial = days.stream().filter(DayPlan::partial).count();
        out.println(days.size() + " days: " + complete + " on disk, " + partial + " partial, " + (days.size() - complete - partial)
                + " without any chunk; " + count(days, DayAction.SUBMIT) + " to submit, " + count(days, DayAction.WAIT) + " in flight or undecided, "
                + count(days, DayAction.GIVE_UP) + " given up, " + count(days, DayAction.STUCK) + " stuck");
        out.flush();
    }

    private static long count(List<DayPlan> days, DayAction action) {
        return days.stream().filter(d -> d.action() == action).count();
    }

    private int printStatus(List<DayStatus> days) {
        PrintWriter out = spec.commandLine().getOut();
        TextTable table = new TextTable("DAY", "ON DISK>", "ATTEMPT>", "JOB", "OUTCOME", "WHY");
        for (DayStatus d : days) {
            String onDisk = (d.files().size() - d.missing().size()) + "/" + d.files().size();
            d.latest().ifPresentOrElse(a -> table.row(d.day().day(), onDisk, a.attempt(), a.system() + ":" + a.jobId(), d.stuck() ? "STUCK" : a.outcome().kind(),
                    a.outcome().reason()), () -> table.row(d.day().day(), onDisk, "", "", "never submitted", ""));
        }
        table.print(out);
        return days.stream().allMatch(d -> d.missing().isEmpty()) ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    private BatchSystem batchSystem() {
        BatchTools tools = batchBin == null ? BatchTools.onPath() : BatchTools.onPath().inDirectory(batchBin.toAbsolutePath());
        return switch (batch.toLowerCase(Locale.ROOT)) {
            case "local" -> {
                if (jobs < 1) {
                    throw new IllegalArgumentException("--jobs must be at least 1, got " + jobs);
                }
                yield BatchSystem.local(jobs);
            }
            case "condor", "htcondor" -> BatchSystem.htcondor(tools);
            case "slurm" -> BatchSystem.slurm(tools);
            default -> throw new IllegalArgumentException("--batch must be local, condor or slurm, got '" + batch + "'");
        };
    }

    /** The job of one day: runops nanny-day with this command's options, every folder absolute (jobs run elsewhere). */
    private CommandTemplate dayCommand(Path area) {
        List<String> words = new ArrayList<>(launcher != null ? List.of(launcher.strip().split("\\s+"))
                : List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                        absoluteClassPath(System.getProperty("java.class.path")), LAUNCHER_MAIN));
        words.addAll(List.of("datalogger", "nanny-day", "--day", "{" + BatchSubmission.INPUT + "}"));
        words.addAll(nanny.args(area.resolve("drafts")));
        words.addAll(backend.args());
        words.addAll(fetch.args());
        for (String w : words) {
            if (w.isEmpty() || w.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("backfill job argument '" + w + "' is empty or holds whitespace, which a job command"
                        + " cannot carry; use folders without spaces" + (launcher == null ? " or --launcher" : ""));
            }
        }
        return CommandTemplate.parse(String.join(" ", words));
    }

    /** {@code classPath} with every entry absolute: jobs start in another folder, where {@code java -jar runops.jar}'s "runops.jar" is not. */
    private static String absoluteClassPath(String classPath) {
        return Arrays.stream(classPath.split(Pattern.quote(File.pathSeparator), -1))
                .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
