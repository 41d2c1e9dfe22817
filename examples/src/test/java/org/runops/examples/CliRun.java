package org.runops.examples;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the launcher: its exit code and what it printed. */
record CliRun(int exitCode, String out, String err) {

    /** Runs {@code runops args...} in this JVM with captured output. */
    static CliRun runops(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RunopsCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
