package org.runops.calo;

import java.util.Objects;
import org.runops.core.exec.batch.SubmissionAttempt;

/**
 * Where one run's map job stands, from the submission store refreshed against the batch system and
 * the expected payload files.
 *
 * @param run     the run number
 * @param latest  its latest submission and outcome
 * @param givenUp whether it failed as often as the retry policy allows
 * @param stuck   whether its job has been in flight or undecided longer than the policy's maximum wait
 *                ({@link org.runops.core.exec.batch.SubmissionPolicy#maxInFlight()}): not resubmitted, an operator's to clear
 */
public record RunStatus(long run, SubmissionAttempt latest, boolean givenUp, boolean stuck) {
    public RunStatus {
        Objects.requireNonNull(latest, "latest");
    }
}
