package org.runops.core.exec.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.runops.core.RegularFiles;
import org.runops.core.exec.batch.BatchJobState.Status;
import org.runops.core.ledger.AtomicFiles;
import org.runops.core.ledger.HostLock;

/**
 * What was submitted per unit (a run number, a chunk name) and how each attempt stands, in a JSON file
 * (e.g. {@code submissions.json} in the output area) so that a daily cron run does not submit a unit
 * that is still in flight and resubmits a failed one a bounded number of times ({@link SubmissionPolicy}).
 *
 * <p>Opening takes an OS lock beside the file ({@code <file>.lock}), held until {@link #close()}: a second,
 * overlapping run gets a {@link SubmissionLockedException} naming the holder. Every change rewrites the
 * file atomically, so it is never torn.
 *
 * <pre>{@code
 * try (SubmissionStore store = SubmissionStore.open(output.resolve("submissions.json"), "runops calo plan")) {
 *     store.refresh(batch, outputCheck, clock.instant());
 *     Decision d = SubmissionPolicy.DEFAULT.decide(store.history("68006"), fingerprint, clock.instant());
 *     ...
 *     store.recordSubmitted(submitted, units, planId, workDir, clock.instant());
 * }
 * }</pre>
 */
public final class SubmissionStore implements AutoCloseable {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final int FORMAT = 1;

    /** The file format of one attempt. */
    private record AttemptLine(int attempt, String fingerprint, String planId, String system, String clusterId, String jobId,
            String workDirectory, List<String> expectedOutputs, String submitted, String outcome, String reason, String judged) {
        static AttemptLine of(SubmissionAttempt a) {
            return new AttemptLine(a.attempt(), a.fingerprint(), a.planId(), a.system(), a.clusterId(), a.jobId(), a.workDirectory(), a.expectedOutputs(),
                    a.submitted().toString(), a.outcome().kind().name(), a.outcome().reason(), a.judged().toString());
        }
    }

    /** The file format. */
    private record StoreFile(int format, Map<String, List<AttemptLine>> units) {}

    /**
     * One unit of a submission, in job order.
     *
     * @param unit        the unit's key
     * @param attempt     its attempt number (from {@link SubmissionPolicy.Decision#attempt()})
     * @param fingerprint what its job makes
     * @param expectedOutputs the files its job must make
     */
    public record Submitted(String unit, int attempt, String fingerprint, List<String> expectedOutputs) {
        public Submitted {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(fingerprint, "fingerprint");
            expectedOutputs = List.copyOf(expectedOutputs);
        }
    }

    private final Path file;
    private final HostLock lock;
    private final Map<String, List<SubmissionAttempt>> units;

    private SubmissionStore(Path file, HostLock lock, Map<String, List<SubmissionAttempt>> units) {
        this.file = file;
        this.lock = lock;
        this.units = units;
    }

    /**
     * Takes the lock and reads the store (empty when the file does not exist yet).
     *
     * @param holder who takes it, written in the lock file for the message a second run gets
     * @throws SubmissionLockedException when another process holds the lock
     * @throws BatchException when the file cannot be read or is not a store
     */
    public static SubmissionStore open(Path file, String holder) {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        HostLock lock = HostLock.tryAcquire(lockFile, holder)
                .orElseThrow(() -> new SubmissionLockedException(lockFile, holderOf(lockFile)));
        try {
            return new SubmissionStore(file, lock, read(file));
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static String holderOf(Path lockFile) {
        try {
            return HostLock.holder(lockFile).orElse("holder unknown");
        } catch (RuntimeException e) {
            return "holder unknown: " + e.getMessage();
        }
    }

    /**
     * Reads and checks the whole file: the format number, every unit's non-empty history and every attempt's
     * required fields, so that a damaged store fails here, naming where, and is never rewritten.
     */
    private static Map<String, List<SubmissionAttempt>> read(Path file) {
        Map<String, List<SubmissionAttempt>> units = new TreeMap<>();
        if (!Files.exists(file)) {
            return units;
        }
        JsonNode root;
        try {
            root = JSON.readTree(RegularFiles.readString(file));
        } catch (IOException | RuntimeException e) {
            throw new BatchException("cannot read submission store " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("format").isInt() || root.path("format").intValue() != FORMAT
                || !root.path("units").isObject()) {
            throw new BatchException("submission store " + file + ": expected an object with \"format\": " + FORMAT
                    + " and \"units\", got format " + (root == null ? "none" : root.path("format")));
        }
        root.get("units").fields().forEachRemaining(e -> {
            String where = "submission store " + file + ", unit " + e.getKey();
            if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                throw new BatchException(where + ": expected a non-empty list of attempts, got " + e.getValue());
            }
            List<SubmissionAttempt> history = new ArrayList<>();
            for (int i = 0; i < e.getValue().size(); i++) {
                history.add(attempt(e.getKey(), e.getValue().get(i), where + ", attempt index " + i));
            }
            units.put(e.getKey(), history);
        });
        return units;
    }

    private static SubmissionAttempt attempt(String unit, JsonNode n, String where) {
        if (!n.isObject()) {
            throw new BatchException(where + ": expected an object, got " + n);
        }
        JsonNode outputs = n.path("expectedOutputs");
        if (!outputs.isMissingNode() && !outputs.isNull() && !outputs.isArray()) {
            throw new BatchException(where + ": field expectedOutputs: expected a list of paths, got " + outputs);
        }
        List<String> expected = new ArrayList<>();
        outputs.forEach(o -> expected.add(o.asText()));
        try {
            return new SubmissionAttempt(unit, intField(n, "attempt", where), text(n, "fingerprint", where), text(n, "planId", where),
                    text(n, "system", where), text(n, "clusterId", where), text(n, "jobId", where), text(n, "workDirectory", where),
                    expected, instant(n, "submitted", where),
                    new SubmissionOutcome(kind(n, where), text(n, "reason", where)),
                    instant(n, "judged", where));
        } catch (IllegalArgumentException e) {
            throw new BatchException(where + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.path(field);
        if (!v.isTextual()) {
            throw new BatchException(where + ": field " + field + ": expected text, got " + (v.isMissingNode() ? "nothing" : v));
        }
        return v.textValue();
    }

    private static int intField(JsonNode n, String field, String where) {
        JsonNode v = n.path(field);
        if (!v.isInt()) {
            throw new BatchException(where + ": field " + field + ": expected a whole number, got " + (v.isMissingNode() ? "nothing" : v));
        }
        return v.intValue();
    }

    private static Instant instant(JsonNode n, String field, String where) {
        String v = text(n, field, where);
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new BatchException(where + ": field " + field + ": expected an ISO-8601 instant, got " + v, e);
        }
    }

    private static SubmissionOutcome.Kind kind(JsonNode n, String where) {
        String v = text(n, "outcome", where);
        try {
            return SubmissionOutcome.Kind.valueOf(v);
        } catch (IllegalArgumentException e) {
            throw new BatchException(where + ": field outcome: expected one of "
                    + Arrays.toString(SubmissionOutcome.Kind.values()) + ", got " + v, e);
        }
    }

    public Path file() {
        return file;
    }

    /** The unit's attempts, oldest first (empty for a unit never submitted). */
    public List<SubmissionAttempt> history(String unit) {
        return List.copyOf(units.getOrDefault(unit, List.of()));
    }

    /** The latest attempt of every unit, ordered by unit key. */
    public List<SubmissionAttempt> latest() {
        return units.values().stream().map(h -> h.get(h.size() - 1)).toList();
    }

    /** The reason of an attempt recorded by {@link #recordSubmitting} whose submit command has not returned yet. */
    public static final String SUBMITTING = "submitting";

    /**
     * Records, before the submit command runs, one undecided attempt per unit ({@value #SUBMITTING}, no cluster
     * or job id yet) and saves: should the command die after the scheduler took the jobs, or the store not be
     * written afterwards, the next run finds the units waiting instead of submitting them twice.
     *
     * @param system the batch system's name
     */
    public void recordSubmitting(String system, List<Submitted> submittedUnits, String planId, Path workDirectory, Instant when) {
        for (Submitted u : submittedUnits) {
            units.computeIfAbsent(u.unit(), k -> new ArrayList<>()).add(new SubmissionAttempt(u.unit(), u.attempt(), u.fingerprint(),
                    planId, system, "", "", workDirectory.toString(), u.expectedOutputs(), when,
                    new SubmissionOutcome(SubmissionOutcome.Kind.UNDECIDED, SUBMITTING), when));
        }
        save();
    }

    /**
     * Records a submission the batch system accepted: one attempt per unit, in job order, in flight. It
     * completes the attempts {@link #recordSubmitting} made for the same plan (keeping their submission time),
     * or adds new ones.
     */
    public void recordSubmitted(BatchSubmitted submitted, List<Submitted> submittedUnits, String planId, Path workDirectory,
            Instant when) {
        if (submittedUnits.size() != submitted.jobIds().size()) {
            throw new IllegalArgumentException("submission " + submitted.system() + ":" + submitted.clusterId() + " has "
                    + submitted.jobIds().size() + " jobs but " + submittedUnits.size() + " units were given");
        }
        for (int i = 0; i < submittedUnits.size(); i++) {
            Submitted u = submittedUnits.get(i);
            Optional<SubmissionAttempt> pending = pending(u, planId);
            SubmissionAttempt a = new SubmissionAttempt(u.unit(), u.attempt(), u.fingerprint(), planId, submitted.system(),
                    submitted.clusterId(), submitted.jobIds().get(i), workDirectory.toString(), u.expectedOutputs(),
                    pending.map(SubmissionAttempt::submitted).orElse(when), new SubmissionOutcome(SubmissionOutcome.Kind.IN_FLIGHT, "submitted"),
                    when);
            if (pending.isPresent()) {
                replaceLatest(a);
            } else {
                units.computeIfAbsent(u.unit(), k -> new ArrayList<>()).add(a);
            }
        }
        save();
    }

    /**
     * Records that the submit command of {@link #recordSubmitting}'s attempts failed. A clean refusal
     * ({@link BatchRefusedException}: nothing was queued) removes them, so the unit is submitted again next time
     * without spending an attempt; the caller reports the error. Any other failure may have come after the
     * scheduler took the jobs (a command killed at its timeout, a job count that did not match), so the attempts
     * stay undecided ("submission outcome unknown: ...") and the unit waits, not counted as a failure, until its
     * expected outputs appear or it is reported stuck past {@link SubmissionPolicy#maxInFlight()}. Attempts that
     * already have a job id are left as they are.
     */
    public void recordSubmitFailed(List<Submitted> submittedUnits, String planId, RuntimeException error, Instant when) {
        for (Submitted u : submittedUnits) {
            pending(u, planId).ifPresent(a -> {
                if (error instanceof BatchRefusedException) {
                    List<SubmissionAttempt> history = units.get(a.unit());
                    history.remove(history.size() - 1);
                    if (history.isEmpty()) {
                        units.remove(a.unit());
                    }
                } else {
                    replaceLatest(a.withOutcome(new SubmissionOutcome(SubmissionOutcome.Kind.UNDECIDED,
                            "submission outcome unknown: " + error.getMessage()), when));
                }
            });
        }
        save();
    }

    /** The unit's latest attempt when it is {@code u}'s attempt of {@code planId} still without a job id. */
    private Optional<SubmissionAttempt> pending(Submitted u, String planId) {
        List<SubmissionAttempt> history = units.getOrDefault(u.unit(), List.of());
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1))
                .filter(a -> a.jobId().isEmpty() && a.planId().equals(planId) && a.attempt() == u.attempt()
                        && !a.outcome().kind().isFinal());
    }

    /**
     * Judges again every unit whose latest attempt is in flight or undecided, from its job's state and
     * {@code outputs}, and saves. Jobs of another batch system than {@code batch} are judged by their
     * outputs alone: complete is a success, anything else stays undecided. When the batch system cannot
     * answer, its attempts become undecided (saying why); nothing is condemned. An attempt whose submission
     * outcome is unknown (no job id) succeeds when its outputs are complete and otherwise stays as it is.
     */
    public void refresh(BatchSystem batch, OutputCheck outputs, Instant now) {
        Map<String, List<SubmissionAttempt>> open = new LinkedHashMap<>(); // cluster -> attempts to judge
        boolean changed = false;
        for (SubmissionAttempt a : latest()) {
            if (!a.outcome().kind().isFinal() && a.jobId().isEmpty()) {
                OutputCheck.Result made = outputs.check(a); // no job to ask: its outputs alone can settle it
                if (made.kind() == OutputCheck.Kind.COMPLETE) {
                    replaceLatest(a.withOutcome(new SubmissionOutcome(SubmissionOutcome.Kind.SUCCEEDED, a.outcome().reason() + "; "
                            + made.detail()), now));
                    changed = true;
                }
            } else if (!a.outcome().kind().isFinal()) {
                open.computeIfAbsent(a.system() + ":" + a.clusterId(), k -> new ArrayList<>()).add(a);
            }
        }
        for (List<SubmissionAttempt> attempts : open.values()) {
            SubmissionAttempt first = attempts.get(0);
            List<BatchJobState> states;
            try {
                states = first.system().equals(batch.name())
                        ? batch.states(new BatchSubmitted(first.system(), first.clusterId(), attempts.stream().map(SubmissionAttempt::jobId).toList()))
                        : null;
            } catch (RuntimeException e) {
                attempts.forEach(a -> replaceLatest(a.withOutcome(new SubmissionOutcome(SubmissionOutcome.Kind.UNDECIDED,
                        "batch system " + batch.name() + " could not say how job " + a.jobId() + " stands: " + e.getMessage()), now)));
                continue;
            }
            for (int i = 0; i < attempts.size(); i++) {
                SubmissionAttempt a = attempts.get(i);
                replaceLatest(a.withOutcome(states != null
                        ? SubmissionOutcome.judge(states.get(i), outputs.check(a), Duration.between(a.submitted(), now))
                        : judgeByOutputs(a, outputs.check(a), batch.name()), now));
            }
        }
        if (changed || !open.isEmpty()) {
            save();
        }
    }

    private static SubmissionOutcome judgeByOutputs(SubmissionAttempt a, OutputCheck.Result outputs, String asked) {
        String job = "job " + a.jobId() + " was submitted to " + a.system() + ", not " + asked;
        return outputs.kind() == OutputCheck.Kind.COMPLETE
                ? SubmissionOutcome.judge(BatchJobState.of(a.jobId(), Status.UNKNOWN), outputs, Duration.ZERO)
                : new SubmissionOutcome(SubmissionOutcome.Kind.UNDECIDED, job + "; its outputs: " + outputs.detail());
    }

    private void replaceLatest(SubmissionAttempt a) {
        List<SubmissionAttempt> history = units.get(a.unit());
        history.set(history.size() - 1, a);
    }

    private void save() {
        Map<String, List<AttemptLine>> lines = new LinkedHashMap<>();
        units.forEach((unit, history) -> lines.put(unit, history.stream().map(AttemptLine::of).toList()));
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(new StoreFile(FORMAT, lines)));
        } catch (IOException e) {
            throw new BatchException("cannot write submission store " + file + ": " + e.getMessage(), e);
        }
    }

    /** Releases the lock. */
    @Override
    public void close() {
        lock.close();
    }
}
