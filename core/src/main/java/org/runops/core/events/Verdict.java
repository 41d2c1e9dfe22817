package org.runops.core.events;

/** The outcome of comparing an expected event count with the count found in the output. */
public enum Verdict {
    MATCH,
    MISMATCH,
    EXPECTED_UNKNOWN,
    OUTPUT_MISSING,
    OUTPUT_ZOMBIE,
    OUTPUT_RECOVERED,
    TREE_MISSING,
    OUTPUT_UNREADABLE,
    /**
     * One side could not be read now (I/O error, interrupt): neither a pass nor a failure. Nothing may
     * be deleted or condemned on it; validate again later.
     */
    INDETERMINATE;

    /** Only a match passes. */
    public boolean passed() {
        return this == MATCH;
    }

    /** Neither passed nor failed: the check could not be made. */
    public boolean indeterminate() {
        return this == INDETERMINATE;
    }

    /** A definite no: the data was read and is not right. */
    public boolean failed() {
        return !passed() && !indeterminate();
    }
}
