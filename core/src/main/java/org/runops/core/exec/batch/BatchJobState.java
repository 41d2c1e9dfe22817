package org.runops.core.exec.batch;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Where one job stands.
 *
 * @param jobId    the job's id, as in {@link BatchSubmitted#jobIds()}
 * @param status   its status
 * @param exitCode its exit code, when it ended and the system knows it
 * @param detail   a human-readable reason (why it failed or was cancelled); empty when there is nothing to say
 */
public record BatchJobState(String jobId, Status status, OptionalInt exitCode, String detail) {

    /** A job's status, the same words for every batch system. */
    public enum Status {
        /** Waiting for a slot. */
        QUEUED,
        RUNNING,
        /** Ended with exit code 0. */
        COMPLETED,
        /** Ended with a non-zero exit code, or could not start. */
        FAILED,
        /** Removed before it ended (e.g. the batch system was closed). */
        CANCELLED,
        /** The system does not know the job (any more). */
        UNKNOWN;

        /** Whether the job will not change any more. */
        public boolean isFinal() {
            return this == COMPLETED || this == FAILED || this == CANCELLED;
        }
    }

    public BatchJobState {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(exitCode, "exitCode");
        Objects.requireNonNull(detail, "detail");
    }

    /** A state without exit code or detail. */
    public static BatchJobState of(String jobId, Status status) {
        return new BatchJobState(jobId, status, OptionalInt.empty(), "");
    }
}
