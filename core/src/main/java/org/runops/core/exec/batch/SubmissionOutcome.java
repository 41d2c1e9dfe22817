package org.runops.core.exec.batch;

import java.time.Duration;
import java.util.Objects;
import org.runops.core.Durations;

/**
 * How one submitted job of a unit (a run, a chunk) stands, judged from its batch state and its expected
 * output files, since a job's exit code alone says too little (the calorimeter map builder exits 0 even
 * when it made nothing).
 *
 * @param kind   the outcome
 * @param reason why, in words (which file is missing, what the batch system said); empty for none
 */
public record SubmissionOutcome(Kind kind, String reason) {

    /** The outcome kinds. */
    public enum Kind {
        /** Queued or running: do not submit the unit again. */
        IN_FLIGHT,
        /** Ended with every expected output file present. */
        SUCCEEDED,
        /** Ended (or vanished from the batch system) without its expected outputs. */
        FAILED,
        /** The batch system or the file check could not answer: decides nothing, asked again next time. */
        UNDECIDED;

        /** Whether a later refresh cannot change it. */
        public boolean isFinal() {
            return this == SUCCEEDED || this == FAILED;
        }
    }

    public SubmissionOutcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * How long a job the batch system does not know ({@link BatchJobState.Status#UNKNOWN}) and whose outputs
     * are missing stays undecided before it counts as failed: a scheduler can lose sight of a job for a while
     * (a pending array task, a job forgotten before accounting has it), and a local job dies with its process.
     */
    public static final Duration UNKNOWN_GRACE = Duration.ofHours(1);

    /**
     * Judges a job from its batch state and the check of its outputs: queued or running is in flight
     * (outputs are not looked at, they may be half written); otherwise the outputs decide, and a check
     * that could not decide leaves the outcome undecided. A job the system does not know with missing
     * outputs is undecided until {@link #UNKNOWN_GRACE} after its submission, then failed.
     *
     * @param age how long ago the job was submitted
     */
    public static SubmissionOutcome judge(BatchJobState job, OutputCheck.Result outputs, Duration age) {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(outputs, "outputs");
        String ended = "job " + job.jobId() + " " + job.status()
                + (job.exitCode().isPresent() ? " (exit " + job.exitCode().getAsInt() + ")" : "")
                + (job.detail().isEmpty() ? "" : " [" + job.detail() + "]");
        if (job.status() == BatchJobState.Status.QUEUED || job.status() == BatchJobState.Status.RUNNING) {
            return new SubmissionOutcome(Kind.IN_FLIGHT, ended);
        }
        return switch (outputs.kind()) {
            case COMPLETE -> new SubmissionOutcome(Kind.SUCCEEDED, ended + "; " + outputs.detail());
            case INCOMPLETE -> job.status() == BatchJobState.Status.UNKNOWN && age.compareTo(UNKNOWN_GRACE) < 0
                    ? new SubmissionOutcome(Kind.UNDECIDED, ended + "; " + outputs.detail() + "; failed if still so "
                            + Durations.describe(UNKNOWN_GRACE) + " after submission")
                    : new SubmissionOutcome(Kind.FAILED, ended + "; " + outputs.detail());
            case UNDECIDED -> new SubmissionOutcome(Kind.UNDECIDED, ended + "; outputs not checked: " + outputs.detail());
        };
    }
}
