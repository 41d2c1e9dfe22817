package org.runops.examples;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.runops.core.RunopsException;
import org.runops.examples.cli.CaloCommand;
import org.runops.examples.cli.CertHelperCommand;
import org.runops.examples.cli.CliEnvironment;
import org.runops.examples.cli.DataloggerCommand;
import org.runops.examples.cli.DemoCommand;
import org.runops.examples.cli.DqmCommand;
import org.runops.examples.cli.EventsCommand;
import org.runops.examples.cli.ExitCodes;
import org.runops.examples.cli.OmsCommand;
import org.runops.examples.cli.RefrunCommand;
import org.runops.examples.cli.RootCommand;
import org.runops.examples.cli.RrCommand;
import org.runops.examples.cli.RunsCommand;
import org.runops.examples.cli.StripCommand;
import org.runops.examples.cli.StudiesCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The {@code runops} launcher: one subcommand per area. Exit codes ({@link ExitCodes}): 0 ok, 1 a
 * check failed, 2 usage or input error, 3 internal error (a bug).
 */
@Command(
        name = "runops",
        mixinStandardHelpOptions = true,
        versionProvider = RunopsCli.Version.class,
        description = "Run bookkeeping, validation and data-quality tools for detector operations.",
        subcommands = {DemoCommand.class, RunsCommand.class, RootCommand.class, EventsCommand.class, StripCommand.class, OmsCommand.class,
            CertHelperCommand.class, RrCommand.class, DqmCommand.class, RefrunCommand.class, StudiesCommand.class,
            DataloggerCommand.class, CaloCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 a check failed, 2 usage or input error (the message names the input),",
                "3 internal error (a bug in runops: please report it with the stack trace that -v prints).",
                "Add -v (before or after the subcommand) to see why: debug logging of every decision."})
public final class RunopsCli implements Runnable {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    /** Inherited, so that {@code runops datalogger grab-params -v} works as the original scripts took it; set here wherever given. */
    @CommandLine.Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT, description = "Log debug details to stderr.")
    private boolean verbose;

    private final CliEnvironment environment;

    public RunopsCli() {
        this(CliEnvironment.system());
    }

    RunopsCli(CliEnvironment environment) {
        this.environment = environment;
    }

    /** The environment, home and clock commands read (the process's, or a test's). */
    public CliEnvironment environment() {
        return environment;
    }

    public static void main(String[] args) {
        // slf4j-simple reads its level once, at the first logger: decide it before anything logs (-v may follow the subcommand).
        boolean verbose = Arrays.stream(args).takeWhile(a -> !a.equals("--")).anyMatch(a -> a.equals("-v") || a.equals("--verbose"));
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // plots are drawn by cron jobs and ssh sessions: no display
        }
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line with the given streams and returns its exit code (used by tests and main). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(new CommandLine(new RunopsCli()), args, out, err);
    }

    /** As {@link #execute(String[], PrintWriter, PrintWriter)} with {@code environment} instead of the process's (tests). */
    static int execute(String[] args, PrintWriter out, PrintWriter err, CliEnvironment environment) {
        return execute(new CommandLine(new RunopsCli(environment)), args, out, err);
    }

    /** Runs {@code args} on {@code cli}, a launcher (in tests with extra subcommands), with the launcher's exit-code policy. */
    static int execute(CommandLine cli, String[] args, PrintWriter out, PrintWriter err) {
        cli.setUsageHelpWidth(120); // the descriptions are written as lines of up to 120 characters
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean input = isInputError(ex);
            commandLine.getErr().println(input ? "runops: error: " + describe(ex)
                    : "runops: internal error: " + ex + " (a bug in runops; run with -v for the stack trace)");
            if (((RunopsCli) commandLine.getCommandSpec().root().userObject()).verbose) {
                ex.printStackTrace(commandLine.getErr());
            }
            return input ? ExitCodes.INPUT_ERROR : ExitCodes.INTERNAL_ERROR;
        });
        return cli.execute(args);
    }

    /**
     * Whether {@code ex} is about what the user gave: a runops error (its message names the input), an
     * argument a command or the library rejected, or a file that cannot be read. Anything else
     * (NullPointerException, IllegalStateException, ...) is a bug.
     */
    private static boolean isInputError(Exception ex) {
        return ex instanceof RunopsException || ex instanceof IllegalArgumentException || ex instanceof UncheckedIOException
                || ex instanceof IOException;
    }

    private static String describe(Exception ex) {
        if (ex instanceof UncheckedIOException || ex instanceof IOException) {
            Throwable io = ex instanceof UncheckedIOException ? ex.getCause() : ex;
            return io.getClass().getSimpleName() + ": " + io.getMessage();
        }
        return ex.getMessage() != null ? ex.getMessage() : ex.toString();
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
