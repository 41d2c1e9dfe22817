package org.runops.examples;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.runops.examples.cli.CliEnvironment;

/** Runs the {@code runops} launcher in process and keeps what it printed, for the CLI tests. */
final class Launcher {
    private Launcher() {}

    /** One command line's exit code, stdout and stderr. */
    record Run(int exitCode, String out, String err) {}

    static Run runops(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RunopsCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** As {@link #runops} with {@code environment} (env, home, clock) instead of the process's. */
    static Run runopsIn(CliEnvironment environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RunopsCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), environment);
        return new Run(code, out.toString(), err.toString());
    }
}
