package org.runops.core.exec.batch;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One submission of one unit (a run number, a chunk name) and how it stands.
 *
 * @param unit          the unit's key
 * @param attempt       1 for the first submission of this fingerprint, counting up on resubmission
 * @param fingerprint   what the job was asked to make (e.g. a hash of the run's tag, files and maps):
 *                      retries are counted per fingerprint, and a new one starts afresh
 * @param planId        the plan (or batch of work) it belongs to
 * @param system        the batch system's name
 * @param clusterId     the cluster (HTCondor) or array (Slurm) id
 * @param jobId         the unit's job id in that cluster
 * @param workDirectory where the job works (its plan's directory)
 * @param expectedOutputs the files the job must make (absolute paths), for {@link OutputCheck#expectedFiles()}
 * @param submitted     when it was submitted
 * @param outcome       how it stands
 * @param judged        when the outcome was last judged
 */
public record SubmissionAttempt(String unit, int attempt, String fingerprint, String planId, String system, String clusterId,
        String jobId, String workDirectory, List<String> expectedOutputs, Instant submitted, SubmissionOutcome outcome, Instant judged) {
    public SubmissionAttempt {
        Objects.requireNonNull(unit, "unit");
        if (unit.isBlank()) {
            throw new IllegalArgumentException("unit key must not be blank");
        }
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt of unit " + unit + " must be at least 1, got " + attempt);
        }
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(workDirectory, "workDirectory");
        expectedOutputs = List.copyOf(expectedOutputs);
        Objects.requireNonNull(submitted, "submitted");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(judged, "judged");
    }

    /** This attempt with a new outcome, judged at {@code when}. */
    public SubmissionAttempt withOutcome(SubmissionOutcome newOutcome, Instant when) {
        return new SubmissionAttempt(unit, attempt, fingerprint, planId, system, clusterId, jobId, workDirectory, expectedOutputs, submitted,
                newOutcome, when);
    }
}
