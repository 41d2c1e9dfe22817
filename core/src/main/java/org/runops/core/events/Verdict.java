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
    OUTPUT_UNREADABLE;

    /** Only a match passes. */
    public boolean passed() {
        return this == MATCH;
    }
}
