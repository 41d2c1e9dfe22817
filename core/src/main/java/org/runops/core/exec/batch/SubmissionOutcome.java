package org.runops.core.exec.batch;

import java.util.Objects;

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
     * Judges a job from its batch state and the check of its outputs: queued or running is in flight
     * (outputs are not looked at, they may be half written); otherwise the outputs decide, and a check
     * that could not decide leaves the outcome undecided.
     */
    public static SubmissionOutcome judge(BatchJobState job, OutputCheck.Result outputs) {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(outputs, "outputs");
        String ended = "job " + job.jobId() + " " + job.status()
                + (job.exitCode().isPresent() ? " (exit " + job.exitCode().getAsInt() + ")" : "")
                + (job.detail().isEmpty() ? "" : " [" + job.detail() + "]");
        return switch (job.status()) {
            case QUEUED, RUNNING -> new SubmissionOutcome(Kind.IN_FLIGHT, ended);
            case COMPLETED, FAILED, CANCELLED, UNKNOWN -> switch (outputs.kind()) {
                case COMPLETE -> new SubmissionOutcome(Kind.SUCCEEDED, ended + "; " + outputs.detail());
                case INCOMPLETE -> new SubmissionOutcome(Kind.FAILED, ended + "; " + outputs.detail());
                case UNDECIDED -> new SubmissionOutcome(Kind.UNDECIDED, ended + "; outputs not checked: " + outputs.detail());
            };
        };
    }
}
