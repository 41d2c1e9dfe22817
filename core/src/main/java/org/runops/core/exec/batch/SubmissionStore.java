package org.runops.core.exec.batch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 *     Decision d = SubmissionPolicy.DEFAULT.decide(store.history("68006"), fingerprint);
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

        SubmissionAttempt toAttempt(String unit) {
            return new SubmissionAttempt(unit, attempt, fingerprint, planId, system, clusterId, jobId, workDirectory,
                    expectedOutputs == null ? List.of() : expectedOutputs, Instant.parse(submitted), new SubmissionOutcome(SubmissionOutcome.Kind.valueOf(outcome), reason),
                    Instant.parse(judged));
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

    private static Map<String, List<SubmissionAttempt>> read(Path file) {
        Map<String, List<SubmissionAttempt>> units = new TreeMap<>();
        if (!Files.exists(file)) {
            return units;
        }
        try {
            StoreFile f = JSON.readValue(RegularFiles.readString(file), new TypeReference<StoreFile>() {});
            if (f.format() != FORMAT || f.units() == null) {
                throw new BatchException("submission store " + file + ": expected format " + FORMAT + " with units, got format "
                        + f.format());
            }
            f.units().forEach((unit, lines) -> units.put(unit, new ArrayList<>(lines.stream().map(l -> l.toAttempt(unit)).toList())));
            return units;
        } catch (IOException | RuntimeException e) {
            if (e instanceof BatchException b) {
                throw b;
            }
            throw new BatchException("cannot read submission store " + file + ": " + e.getMessage(), e);
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

    /** Records a submission the batch system accepted: one attempt per unit, in job order, in flight. */
    public void recordSubmitted(BatchSubmitted submitted, List<Submitted> submittedUnits, String planId, Path workDirectory,
            Instant when) {
        if (submittedUnits.size() != submitted.jobIds().size()) {
            throw new IllegalArgumentException("submission " + submitted.system() + ":" + submitted.clusterId() + " has "
                    + submitted.jobIds().size() + " jobs but " + submittedUnits.size() + " units were given");
        }
        for (int i = 0; i < submittedUnits.size(); i++) {
            Submitted u = submittedUnits.get(i);
            units.computeIfAbsent(u.unit(), k -> new ArrayList<>()).add(new SubmissionAttempt(u.unit(), u.attempt(), u.fingerprint(),
                    planId, submitted.system(), submitted.clusterId(), submitted.jobIds().get(i), workDirectory.toString(), u.expectedOutputs(), when,
                    new SubmissionOutcome(SubmissionOutcome.Kind.IN_FLIGHT, "submitted"), when));
        }
        save();
    }

    /**
     * Judges again every unit whose latest attempt is in flight or undecided, from its job's state and
     * {@code outputs}, and saves. Jobs of another batch system than {@code batch} are judged by their
     * outputs alone: complete is a success, anything else stays undecided. When the batch system cannot
     * answer, its attempts become undecided (saying why); nothing is condemned.
     */
    public void refresh(BatchSystem batch, OutputCheck outputs, Instant now) {
        Map<String, List<SubmissionAttempt>> open = new LinkedHashMap<>(); // cluster -> attempts to judge
        for (SubmissionAttempt a : latest()) {
            if (!a.outcome().kind().isFinal()) {
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
        if (!open.isEmpty()) {
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
