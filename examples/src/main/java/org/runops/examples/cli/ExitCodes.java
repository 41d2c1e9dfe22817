package org.runops.examples.cli;

/** The launcher's exit codes, the same for every subcommand. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int INPUT_ERROR = 2;

    private ExitCodes() {}
}
