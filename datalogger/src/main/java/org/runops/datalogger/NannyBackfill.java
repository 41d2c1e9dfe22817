package org.runops.datalogger;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.runops.core.exec.CommandTemplate;
import org.runops.core.exec.batch.BatchJobState;
import org.runops.core.exec.batch.BatchSubmission;
import org.runops.core.exec.batch.BatchSubmitted;
import org.runops.core.exec.batch.BatchSystem;
import org.runops.core.exec.batch.OutputCheck;
import org.runops.core.exec.batch.PreparedSubmission;
import org.runops.core.exec.batch.SubmissionAttempt;
import org.runops.core.exec.batch.SubmissionPolicy;
import org.runops.core.exec.batch.SubmissionStore;
import org.runops.core.http.Sleeper;
import org.runops.datalogger.internal.DraftPublisher;

/**
 * Backfills the data nanny's archive through a {@link BatchSystem}: one resumable job per UTC day
 * ({@link NannyDay}, filled by {@link NannyJob#fillDay}), so a year of logger data is pulled by a cluster,
 * not one process. Days whose chunk files are all on disk are skipped; the others are submitted as one
 * {@link BatchSubmission} (one job per day, the day as {@code {input}}), recorded in a {@link SubmissionStore}
 * (unit = the day, expected outputs = all its chunk files), so a rerun does not submit a day still in flight
 * and resubmits a failed day at most {@link SubmissionPolicy#maxAttempts()} times. A job's outcome is judged
 * by the day's chunk files, not by its exit code.
 *
 * <pre>{@code
 * try (BatchSystem batch = BatchSystem.local(4);
 *         SubmissionStore store = SubmissionStore.open(area.resolve("submissions.json"), "backfill")) {
 *     NannyBackfill backfill = new NannyBackfill(batch, Clock.systemUTC());
 *     NannyBackfill.Plan plan = backfill.plan(store, options);          // days, chunks missing, what to do
 *     Optional<PreparedSubmission> files = plan.submission().map(batch::prepare); // a dry run stops here
 *     BatchSubmitted s = backfill.submit(store, plan, files.orElseThrow());
 * }
 * }</pre>
 */
public final class NannyBackfill {
    private final BatchSystem batch;
    private final Clock clock;

    /**
     * What to backfill and how.
     *
     * @param from            the first UTC day
     * @param to              the last UTC day, included; it must have ended
     * @param paramFile       the nanny's parameter list (its devices are part of the work's fingerprint)
     * @param chunk           the chunk length; must divide 24 h
     * @param version         the list version in the file names
     * @param backend         the backend name the jobs fetch with ({@link DataLoggerClient#backendName()}): simulated
     *                        files are named apart from real ones
     * @param outDir          the archive
     * @param dayCommand      the command of one day's job, {@code {input}} replaced by the day ({@code 2024-03-01}); it
     *                        must fill that day's missing chunks (e.g. {@code runops datalogger nanny-day --day {input} ...})
     * @param workArea        where each submission gets a folder {@code <plan id>/} (input list, batch files, logs in
     *                        {@code logs/})
     * @param memoryMegabytes memory each job requests, MiB
     * @param attributes      extra batch-system attributes
     * @param policy          how often a failed day is submitted
     */
    public record Options(LocalDate from, LocalDate to, Path paramFile, Duration chunk, String version, String backend, Path outDir,
            CommandTemplate dayCommand, Path workArea, long memoryMegabytes, Map<String, String> attributes, SubmissionPolicy policy) {
        public Options {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(paramFile, "paramFile");
            Objects.requireNonNull(chunk, "chunk");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(backend, "backend");
            outDir = Objects.requireNonNull(outDir, "outDir").toAbsolutePath().normalize(); // expected outputs are judged from anywhere, e.g. a batch node
            Objects.requireNonNull(dayCommand, "dayCommand");
            if (dayCommand.expand(Map.of(BatchSubmission.INPUT, "a")).equals(dayCommand.expand(Map.of(BatchSubmission.INPUT, "b")))) {
                throw new IllegalArgumentException("backfill day command '" + dayCommand + "' must contain {" + BatchSubmission.INPUT
                        + "} (replaced by the day)");
            }
            workArea = Objects.requireNonNull(workArea, "workArea").toAbsolutePath().normalize();
            attributes = Map.copyOf(attributes);
            Objects.requireNonNull(policy, "policy");
            new NannyDay(from, chunk); // fails now, naming the chunk length, when it does not divide a day
        }

        /** The days to backfill, in order. */
        public List<NannyDay> days() {
            return NannyDay.between(from, to, chunk);
        }
    }

    /** What a backfill does with one day. */
    public enum DayAction {
        /** Every chunk file is on disk: nothing to do. */
        ON_DISK,
        /** Submit a job for it (first time, again after a failure within the bound, or chunk files went missing since). */
        SUBMIT,
        /** Leave it: a job for it is in flight or its outcome is undecided. */
        WAIT,
        /** Leave it and report it: it failed as often as the policy allows. */
        GIVE_UP,
        /**
         * Leave it and report it: its job has been in flight or undecided longer than the policy's maximum wait;
         * it may still run, so an operator removes it (condor_rm, scancel) before it is submitted again.
         */
        STUCK
    }

    /**
     * One day of a plan.
     *
     * @param day     the day
     * @param files   all its chunk files, in time order
     * @param missing those not on disk
     * @param action  what the backfill does with it
     * @param attempt for {@link DayAction#SUBMIT}, the attempt number the job gets; else 0
     * @param reason  why, in words
     */
    public record DayPlan(NannyDay day, List<Path> files, List<Path> missing, DayAction action, int attempt, String reason) {
        public DayPlan {
            Objects.requireNonNull(day, "day");
            files = List.copyOf(files);
            missing = List.copyOf(missing);
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(reason, "reason");
        }

        /** The day's unit key in the store, {@code 2024-03-01}. */
        public String unit() {
            return day.day().toString();
        }

        /** Some but not all of its chunk files are on disk. */
        public boolean partial() {
            return !missing.isEmpty() && missing.size() < files.size();
        }
    }

    /**
     * What a backfill would submit.
     *
     * @param id          the submission's id, from the work's fingerprint and the days and attempts submitted
     *                    (the folder under the work area); empty when nothing is to be submitted
     * @param fingerprint what every job makes: devices, chunk length, version, backend and archive
     * @param days        every day of the range, in order
     * @param submission  the jobs of the days to submit, in day order; empty when there are none
     */
    public record Plan(String id, String fingerprint, List<DayPlan> days, Optional<BatchSubmission> submission) {
        public Plan {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(fingerprint, "fingerprint");
            days = List.copyOf(days);
            Objects.requireNonNull(submission, "submission");
        }

        /** The days to submit, in order. */
        public List<DayPlan> toSubmit() {
            return days.stream().filter(d -> d.action() == DayAction.SUBMIT).toList();
        }
    }

    /**
     * Where one day stands: its chunk files on disk and its latest submission.
     *
     * @param day     the day
     * @param files   all its chunk files
     * @param missing those not on disk
     * @param latest  its latest attempt in the store, as last judged; empty when never submitted
     * @param stuck   whether that attempt has been in flight or undecided longer than the policy's maximum wait
     */
    public record DayStatus(NannyDay day, List<Path> files, List<Path> missing, Optional<SubmissionAttempt> latest, boolean stuck) {
        public DayStatus {
            Objects.requireNonNull(day, "day");
            files = List.copyOf(files);
            missing = List.copyOf(missing);
            Objects.requireNonNull(latest, "latest");
        }
    }

    /**
     * @param batch where the day jobs run and whose job states judge earlier attempts
     * @param clock says which days have ended and stamps the store
     */
    public NannyBackfill(BatchSystem batch, Clock clock) {
        this.batch = Objects.requireNonNull(batch, "batch");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Judges the store's open attempts again, then decides for each day of the range. Writes nothing but
     * the store's new judgements.
     *
     * @throws IllegalArgumentException when the last day has not ended yet (the nanny itself fills the current day)
     * @throws DataLoggerException when the parameter list has no devices or the archive cannot be looked at
     */
    public Plan plan(SubmissionStore store, Options o) {
        List<NannyDay> days = o.days();
        Instant now = clock.instant();
        if (days.get(days.size() - 1).window().end().isAfter(now)) {
            throw new IllegalArgumentException("backfill day " + o.to() + " has not ended yet (now " + now
                    + " UTC): backfill whole past days; the nanny itself fills the current one");
        }
        refreshOpen(store);
        String fingerprint = fingerprint(o);
        List<DayPlan> plans = new ArrayList<>();
        for (NannyDay day : days) {
            List<Path> files = day.files(o.outDir(), o.version(), o.backend());
            List<Path> missing = NannyDay.missing(files);
            plans.add(missing.isEmpty() ? new DayPlan(day, files, missing, DayAction.ON_DISK, 0, "all " + files.size() + " chunk files on disk")
                    : decide(day, files, missing, o.policy().decide(store.history(day.day().toString()), fingerprint, clock.instant())));
        }
        List<DayPlan> toSubmit = plans.stream().filter(d -> d.action() == DayAction.SUBMIT).toList();
        if (toSubmit.isEmpty()) {
            return new Plan("", fingerprint, plans, Optional.empty());
        }
        List<Object> idParts = new ArrayList<>(List.of(fingerprint));
        toSubmit.forEach(d -> idParts.add(d.unit() + "#" + d.attempt()));
        String id = "backfill-" + DraftPublisher.digest(idParts);
        Path work = o.workArea().resolve(id);
        BatchSubmission submission = new BatchSubmission("nanny-day", o.dayCommand(), toSubmit.stream().map(DayPlan::unit).toList(),
                work.resolve("logs"), work, o.memoryMegabytes(), o.attributes());
        return new Plan(id, fingerprint, plans, Optional.of(submission));
    }

    private static DayPlan decide(NannyDay day, List<Path> files, List<Path> missing, SubmissionPolicy.Decision d) {
        String gap = missing.size() + " of " + files.size() + " chunk files missing";
        return switch (d.action()) {
            case SUBMIT -> new DayPlan(day, files, missing, DayAction.SUBMIT, d.attempt(), gap + "; " + d.reason());
            case WAIT -> new DayPlan(day, files, missing, DayAction.WAIT, 0, gap + "; " + d.reason());
            case GIVE_UP -> new DayPlan(day, files, missing, DayAction.GIVE_UP, 0, gap + "; " + d.reason());
            case STUCK -> new DayPlan(day, files, missing, DayAction.STUCK, 0, gap + "; " + d.reason());
            // a success whose files were deleted since: the work is to do again, counted afresh
            case DONE -> new DayPlan(day, files, missing, DayAction.SUBMIT, 1, gap + " although " + d.reason());
        };
    }

    /**
     * Submits the prepared jobs of {@code plan} ({@code batch.prepare(plan.submission())}), recording one attempt per
     * day in the store before the submit command runs and completing it (in flight) when the command returns.
     *
     * @throws IllegalArgumentException when {@code prepared} is not the plan's submission
     * @throws org.runops.core.exec.batch.BatchException when the submission fails; its days' attempts stay undecided
     *         ("submission outcome unknown"), so a rerun does not submit them again (jobs may have been queued)
     */
    public BatchSubmitted submit(SubmissionStore store, Plan plan, PreparedSubmission prepared) {
        if (plan.submission().isEmpty() || !plan.submission().get().equals(prepared.submission())) {
            throw new IllegalArgumentException("prepared submission '" + prepared.submission().name() + "' in "
                    + prepared.submission().workDirectory() + " is not the submission of backfill plan '" + plan.id() + "'");
        }
        List<SubmissionStore.Submitted> units = plan.toSubmit().stream()
                .map(d -> new SubmissionStore.Submitted(d.unit(), d.attempt(), plan.fingerprint(), d.files().stream().map(Path::toString).toList()))
                .toList();
        store.recordSubmitting(batch.name(), units, plan.id(), prepared.submission().workDirectory(), clock.instant());
        try {
            BatchSubmitted submitted = batch.submit(prepared);
            store.recordSubmitted(submitted, units, plan.id(), prepared.submission().workDirectory(), clock.instant());
            return submitted;
        } catch (RuntimeException e) {
            try {
                store.recordSubmitFailed(units, plan.id(), e, clock.instant());
            } catch (RuntimeException again) {
                e.addSuppressed(again); // the store still holds the "submitting" attempts: the days wait all the same
            }
            throw e;
        }
    }

    /**
     * Waits until every job of {@code submitted} has ended or {@code timeout} has passed, asking the batch system
     * every {@code poll}, then judges the store's open attempts by their chunk files.
     *
     * @return whether every job ended within the timeout
     * @throws InterruptedException when interrupted while waiting (the store is not judged then)
     */
    public boolean await(SubmissionStore store, BatchSubmitted submitted, Duration timeout, Duration poll, Sleeper sleeper)
            throws InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        boolean ended = allEnded(batch.states(submitted));
        while (!ended && clock.instant().isBefore(deadline)) {
            sleeper.sleep(poll);
            ended = allEnded(batch.states(submitted));
        }
        store.refresh(batch, OutputCheck.expectedFiles(), clock.instant());
        return ended;
    }

    private static boolean allEnded(List<BatchJobState> states) {
        return states.stream().allMatch(s -> s.status().isFinal());
    }

    /** Judges the store's open attempts again, then says where each day of the range stands. */
    public List<DayStatus> status(SubmissionStore store, Options o) {
        refreshOpen(store);
        return o.days().stream().map(day -> {
            List<Path> files = day.files(o.outDir(), o.version(), o.backend());
            List<SubmissionAttempt> history = store.history(day.day().toString());
            return new DayStatus(day, files, NannyDay.missing(files),
                    history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1)),
                    !history.isEmpty() && o.policy().decide(history, history.get(history.size() - 1).fingerprint(), clock.instant()).action()
                            == SubmissionPolicy.Action.STUCK);
        }).toList();
    }

    /** Refreshes only when something is open, so a store that holds nothing open is not rewritten (nor created). */
    private void refreshOpen(SubmissionStore store) {
        if (store.latest().stream().anyMatch(a -> !a.outcome().kind().isFinal())) {
            store.refresh(batch, OutputCheck.expectedFiles(), clock.instant());
        }
    }

    private static String fingerprint(Options o) {
        ParamList list = NannyJob.readList(o.paramFile());
        return DraftPublisher.digest(List.of(list.devices(), o.chunk(), o.version(), o.backend(), o.outDir()));
    }
}
