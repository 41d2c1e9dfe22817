package org.runops.datalogger;

import java.util.Objects;

/**
 * How a device's fetch ended. {@code EMPTY} is the logger's "No values" (a real answer: nothing was
 * logged), {@code ERROR} a device the logger refused or a request that failed after its retries,
 * {@code PARTIAL} some chunks arrived and others failed; {@code detail} says which and why.
 * {@code incomplete} marks a fetch that could not be completed (requests that failed after their
 * retries: try again later), as opposed to the logger's own answer, which asking again will not change.
 */
public record FetchStatus(Kind kind, String detail, boolean incomplete) {
    public enum Kind { OK, EMPTY, ERROR, PARTIAL }

    private static final FetchStatus OK = new FetchStatus(Kind.OK, "");

    public FetchStatus {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        if (incomplete && kind != Kind.ERROR && kind != Kind.PARTIAL) {
            throw new IllegalArgumentException("only an ERROR or PARTIAL fetch can be incomplete, not " + kind);
        }
    }

    /** A final status: the logger's answer. */
    public FetchStatus(Kind kind, String detail) {
        this(kind, detail, false);
    }

    public static FetchStatus ok() {
        return OK;
    }

    public static FetchStatus empty(String detail) {
        return new FetchStatus(Kind.EMPTY, detail);
    }

    public static FetchStatus error(String detail) {
        return new FetchStatus(Kind.ERROR, detail);
    }

    public static FetchStatus partial(String detail) {
        return new FetchStatus(Kind.PARTIAL, detail);
    }

    /** An ERROR or PARTIAL status of a fetch that could not be completed: some chunks are missing, a rerun may get them. */
    public static FetchStatus incomplete(Kind kind, String detail) {
        return new FetchStatus(kind, detail, true);
    }

    public boolean isOk() {
        return kind == Kind.OK;
    }

    @Override
    public String toString() {
        return detail.isEmpty() ? kind.name() : kind + " (" + detail + ")";
    }
}
