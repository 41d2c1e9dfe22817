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
 */
public record RunStatus(long run, SubmissionAttempt latest, boolean givenUp) {
    public RunStatus {
        Objects.requireNonNull(latest, "latest");
    }
}
