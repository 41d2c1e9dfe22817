package org.runops.examples.cli;

/** The launcher's exit codes, the same for every subcommand. */
public final class ExitCodes {
    /** Everything checked out. */
    public static final int OK = 0;
    /** A check failed: a count mismatch, a zombie or recovered file, a missing tree. */
    public static final int CHECK_FAILED = 1;
    /**
     * Usage or input error: a bad option or argument (picocli's own errors, an {@link IllegalArgumentException}),
     * a {@link org.runops.core.RunopsException} naming the input, or a file that cannot be read.
     */
    public static final int INPUT_ERROR = 2;
    /** Internal error: any other exception is a bug in runops (-v prints its stack trace). */
    public static final int INTERNAL_ERROR = 3;

    private ExitCodes() {}
}
