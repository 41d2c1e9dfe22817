package org.runops.core.exec.batch;

import java.util.List;
import java.util.Objects;

/**
 * Whether to submit a unit again, from what was submitted before: never while an attempt is in flight
 * or undecided, not again after a success of the same fingerprint, and after failures at most
 * {@code maxAttempts} submissions in all, then the unit is given up (reported, not retried).
 *
 * @param maxAttempts how many times one fingerprint of a unit may be submitted (&ge; 1; default 3)
 */
public record SubmissionPolicy(int maxAttempts) {
    /** Three submissions of the same work, then give up. */
    public static final SubmissionPolicy DEFAULT = new SubmissionPolicy(3);

    public SubmissionPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
    }

    /** What to do with a unit. */
    public enum Action {
        /** Submit it (first time, or again after a failure within the bound). */
        SUBMIT,
        /** Leave it: an earlier attempt is in flight or undecided. */
        WAIT,
        /** Leave it: an earlier attempt of the same work succeeded. */
        DONE,
        /** Leave it and report it: it failed {@code maxAttempts} times. */
        GIVE_UP
    }

    /**
     * The decision for one unit.
     *
     * @param action  what to do
     * @param attempt for {@link Action#SUBMIT}, the attempt number the new submission gets
     * @param reason  why, in words
     */
    public record Decision(Action action, int attempt, String reason) {
        public Decision {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Decides from the unit's earlier attempts (oldest first) and the fingerprint of the work to do now.
     */
    public Decision decide(List<SubmissionAttempt> history, String fingerprint) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (history.isEmpty()) {
            return new Decision(Action.SUBMIT, 1, "never submitted");
        }
        SubmissionAttempt last = history.get(history.size() - 1);
        switch (last.outcome().kind()) {
            case IN_FLIGHT:
                return new Decision(Action.WAIT, 0, "in flight since " + last.submitted() + " (" + last.system() + " job "
                        + last.jobId() + ")");
            case UNDECIDED:
                return new Decision(Action.WAIT, 0, "attempt " + last.attempt() + " undecided: " + last.outcome().reason());
            default:
                break;
        }
        if (!last.fingerprint().equals(fingerprint)) {
            return new Decision(Action.SUBMIT, 1, "the work changed since attempt " + last.attempt() + " (" + last.outcome().kind() + ")");
        }
        if (last.outcome().kind() == SubmissionOutcome.Kind.SUCCEEDED) {
            return new Decision(Action.DONE, 0, "attempt " + last.attempt() + " succeeded: " + last.outcome().reason());
        }
        if (last.attempt() >= maxAttempts) {
            return new Decision(Action.GIVE_UP, 0, "failed " + last.attempt() + " of at most " + maxAttempts + " attempts, last: "
                    + last.outcome().reason());
        }
        return new Decision(Action.SUBMIT, last.attempt() + 1, "attempt " + last.attempt() + " failed: " + last.outcome().reason());
    }
}
