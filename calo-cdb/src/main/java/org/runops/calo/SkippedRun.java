package org.runops.calo;

import java.util.Objects;

/**
 * A run a plan does not process, and why: deferred (the CDB or a file check could not decide: tried
 * again next time), dropped (nothing to do it with), or not queued by the submission store.
 *
 * @param runTag the run and its winning tag
 * @param cause  why, as a kind
 * @param reason why, in words
 */
public record SkippedRun(RunTag runTag, Cause cause, String reason) {

    /** Why a run is skipped. */
    public enum Cause {
        /** Deferred: the CDB could not say what the run has. */
        CDB_UNDECIDED,
        /** Deferred: a file of the run could not be checked. */
        FILES_UNDECIDED,
        /** Dropped: every file of the run is missing or empty. */
        NO_VALID_FILES,
        /** Dropped: its valid files hold no more events than the threshold. */
        TOO_FEW_EVENTS,
        /** Not queued: its job is in flight, or its last outcome undecided. */
        IN_FLIGHT,
        /** Not queued: a job of the same work made its maps (they await upload). */
        MAPS_MADE,
        /** Not queued: it failed as often as the retry policy allows. */
        GIVEN_UP,
        /**
         * Not queued: its job has been in flight or undecided longer than the policy's maximum wait; it may still
         * run, so an operator removes it (condor_rm, scancel) before it is submitted again.
         */
        STUCK
    }

    public SkippedRun {
        Objects.requireNonNull(runTag, "runTag");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(reason, "reason");
    }
}
