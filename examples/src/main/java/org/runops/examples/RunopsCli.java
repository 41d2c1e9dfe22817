package org.runops.examples;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.runops.core.RunopsException;
import org.runops.examples.cli.CertHelperCommand;
import org.runops.examples.cli.DemoCommand;
import org.runops.examples.cli.EventsCommand;
import org.runops.examples.cli.ExitCodes;
import org.runops.examples.cli.OmsCommand;
import org.runops.examples.cli.RootCommand;
import org.runops.examples.cli.RefrunCommand;
import org.runops.examples.cli.StripCommand;
import org.runops.examples.cli.StudiesCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * The {@code runops} launcher: one subcommand per area. Exit codes: 0 ok, 1 a check failed,
 * 2 usage or input error.
 */
@Command(
        name = "runops",
        mixinStandardHelpOptions = true,
        versionProvider = RunopsCli.Version.class,
        description = "Run bookkeeping, validation and data-quality tools for detector operations.",
        subcommands = {DemoCommand.class, RootCommand.class, EventsCommand.class, StripCommand.class, OmsCommand.class,
            CertHelperCommand.class, RefrunCommand.class, StudiesCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 a check failed, 2 usage or input error.",
                "Add -v (before the subcommand) to see why: debug logging of every decision."})
public final class RunopsCli implements Runnable {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = {"-v", "--verbose"}, description = "Log debug details to stderr.")
    private boolean verbose;

    public static void main(String[] args) {
        // slf4j-simple reads its level once, at the first logger: decide it before anything logs.
        boolean verbose = Arrays.stream(args).takeWhile(a -> !a.equals("--")).anyMatch(a -> a.equals("-v") || a.equals("--verbose"));
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // plots are drawn by cron jobs and ssh sessions: no display
        }
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line with the given streams and returns its exit code (used by tests and main). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new RunopsCli());
        cli.setUsageHelpWidth(120); // the descriptions are written as lines of up to 120 characters
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("runops: error: " + describe(ex));
            if (((RunopsCli) commandLine.getCommandSpec().root().userObject()).verbose) {
                ex.printStackTrace(commandLine.getErr());
            }
            return ExitCodes.INPUT_ERROR;
        });
        return cli.execute(args);
    }

    private static String describe(Exception ex) {
        if (ex instanceof RunopsException || ex instanceof IllegalArgumentException) {
            return ex.getMessage();
        }
        if (ex instanceof UncheckedIOException || ex instanceof IOException) {
            Throwable io = ex instanceof UncheckedIOException ? ex.getCause() : ex;
            return io.getClass().getSimpleName() + ": " + io.getMessage();
        }
        return ex.toString();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Version from the jar manifest when packaged, else the development version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = RunopsCli.class.getPackage().getImplementationVersion();
            return new String[] {"runops " + (v != null ? v : "0.1.0-SNAPSHOT"), "Java " + System.getProperty("java.version")};
        }
    }
}
