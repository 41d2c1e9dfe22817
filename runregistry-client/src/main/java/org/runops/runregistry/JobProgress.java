package org.runops.runregistry;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One poll of a JSON-portal job, for a progress display.
 *
 * @param jobId    the server's job id
 * @param state    queued (HTTP 203), running (202) or done (200)
 * @param progress the server's {@code progress} while running, when it gave a number
 * @param elapsed  time since the job was submitted
 */
public record JobProgress(String jobId, State state, OptionalDouble progress, Duration elapsed) {
    public enum State { QUEUED, RUNNING, DONE }

    public JobProgress {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
