package org.runops.core.exec.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.runops.core.Durations;

/**
 * Whether to submit a unit again, from what was submitted before: never while an attempt is in flight
 * or undecided, not again after a success of the same fingerprint, and after failures at most
 * {@code maxAttempts} submissions in all, then the unit is given up (reported, not retried). An attempt in
 * flight or undecided for longer than {@code maxInFlight} (a held job, a submission whose outcome is
 * unknown) is reported {@link Action#STUCK} and still not resubmitted: it might run yet, so the operator
 * removes it ({@code condor_rm}, {@code scancel}; a removed job is then judged failed and resubmitted) or
 * clears the unit from the store.
 *
 * @param maxAttempts how many times one fingerprint of a unit may be submitted (&ge; 1; default 3)
 * @param maxInFlight how long after its submission an attempt may stay in flight or undecided before it is
 *                    reported stuck (positive; default {@link #DEFAULT_MAX_IN_FLIGHT})
 */
public record SubmissionPolicy(int maxAttempts, Duration maxInFlight) {
    /** Seven days: far longer than any job of a daily production should queue and run. */
    public static final Duration DEFAULT_MAX_IN_FLIGHT = Duration.ofDays(7);

    /** Three submissions of the same work, then give up; stuck after seven days. */
    public static final SubmissionPolicy DEFAULT = new SubmissionPolicy(3);

    public SubmissionPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        Objects.requireNonNull(maxInFlight, "maxInFlight");
        if (maxInFlight.isNegative() || maxInFlight.isZero()) {
            throw new IllegalArgumentException("maxInFlight must be positive, got " + maxInFlight);
        }
    }

    /** At most {@code maxAttempts} submissions, stuck after {@link #DEFAULT_MAX_IN_FLIGHT}. */
    public SubmissionPolicy(int maxAttempts) {
        this(maxAttempts, DEFAULT_MAX_IN_FLIGHT);
    }

    /** This policy with another {@link #maxInFlight()}. */
    public SubmissionPolicy withMaxInFlight(Duration newMaxInFlight) {
        return new SubmissionPolicy(maxAttempts, newMaxInFlight);
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
        GIVE_UP,
        /**
         * Leave it and report it: an attempt has been in flight or undecided for longer than {@code maxInFlight};
         * it is not resubmitted, since its job might still run.
         */
        STUCK
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
     * Decides from the unit's earlier attempts (oldest first) and the fingerprint of the work to do now;
     * {@code now} (from the caller's clock) measures how long an open attempt has waited.
     */
    public Decision decide(List<SubmissionAttempt> history, String fingerprint, Instant now) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(now, "now");
        if (history.isEmpty()) {
            return new Decision(Action.SUBMIT, 1, "never submitted");
        }
        SubmissionAttempt last = history.get(history.size() - 1);
        if (!last.outcome().kind().isFinal()) {
            return open(last, Duration.between(last.submitted(), now));
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

    private Decision open(SubmissionAttempt last, Duration age) {
        String job = last.jobId().isEmpty() ? last.system() + " submission of plan " + last.planId() + " (no job id)"
                : last.system() + " cluster " + last.clusterId() + " job " + last.jobId();
        String state = last.outcome().kind() == SubmissionOutcome.Kind.IN_FLIGHT ? "in flight" : "undecided";
        if (age.compareTo(maxInFlight) >= 0) {
            return new Decision(Action.STUCK, 0, "attempt " + last.attempt() + " (" + job + ") " + state + " for "
                    + Durations.describe(age) + " since " + last.submitted() + ", longer than " + Durations.describe(maxInFlight)
                    + ": not resubmitted; remove the job (condor_rm/scancel) or clear the unit, then rerun. Last: "
                    + last.outcome().reason());
        }
        return last.outcome().kind() == SubmissionOutcome.Kind.IN_FLIGHT
                ? new Decision(Action.WAIT, 0, "in flight since " + last.submitted() + " (" + job + ")")
                : new Decision(Action.WAIT, 0, "attempt " + last.attempt() + " (" + job + ") undecided: " + last.outcome().reason());
    }
}
