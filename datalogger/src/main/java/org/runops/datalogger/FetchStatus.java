package org.runops.datalogger;

import java.util.Objects;

/**
 * How a device's fetch ended. {@code EMPTY} is the logger's "No values" (a real answer: nothing was
 * logged), {@code ERROR} a device the logger refused or a request that failed after its retries,
 * {@code PARTIAL} some chunks arrived and others failed; {@code detail} says which and why.
 */
public record FetchStatus(Kind kind, String detail) {
    public enum Kind { OK, EMPTY, ERROR, PARTIAL }

    private static final FetchStatus OK = new FetchStatus(Kind.OK, "");

    public FetchStatus {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
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

    public boolean isOk() {
        return kind == Kind.OK;
    }

    @Override
    public String toString() {
        return detail.isEmpty() ? kind.name() : kind + " (" + detail + ")";
    }
}
