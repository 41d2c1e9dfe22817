package org.runops.core.exec.batch;

import java.util.Objects;

/**
 * Whether a submitted job made what it should: the caller knows which files a unit's job writes (e.g.
 * {@code <out>/<run>_<tag>/CEMC_meanTime_<tag>_<run>.root}). An I/O error is {@link Kind#UNDECIDED},
 * never a failure.
 */
@FunctionalInterface
public interface OutputCheck {

    /** The check of one attempt's outputs. */
    Result check(SubmissionAttempt attempt);

    /**
     * What the check found.
     *
     * @param kind   complete, incomplete or undecided
     * @param detail what was found or missing, or why the check could not decide
     */
    record Result(Kind kind, String detail) {
        public Result {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The result kinds. */
    enum Kind {
        /** Every expected file is there. */
        COMPLETE,
        /** At least one expected file is missing or empty. */
        INCOMPLETE,
        /** The files could not be looked at (I/O error, unreachable file system). */
        UNDECIDED
    }
}
