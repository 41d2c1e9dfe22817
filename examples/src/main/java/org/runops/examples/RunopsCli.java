package org.runops.examples;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
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
 *
 * <p>The subcommands are not in the {@code @Command} annotation but in {@link #COMMANDS}: picocli reflects
 * over every class of the tree it builds, 300–470 ms cold for all 13 subtrees, so a command line that names
 * one gets only that one ({@link #commandLine}).
 */
@Command(
        name = "runops",
        mixinStandardHelpOptions = true,
        versionProvider = RunopsCli.Version.class,
        description = "Run bookkeeping, validation and data-quality tools for detector operations.",
        footer = {"", "Exit codes: 0 ok, 1 a check failed, 2 usage or input error (the message names the input),",
                "3 internal error (a bug in runops: please report it with the stack trace that -v prints).",
                "Add -v (before or after the subcommand) to see why: debug logging of every decision."})
public final class RunopsCli implements Runnable {

    /**
     * The top-level commands by name (and alias, none today), in the order usage lists them: the name→class map
     * at the CLI edge. Names written out, not read from the annotations, which would parse all 13 (a test checks them).
     */
    static final Map<String, Class<?>> COMMANDS;

    static {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        byName.put("demo", DemoCommand.class);
        byName.put("runs", RunsCommand.class);
        byName.put("root", RootCommand.class);
        byName.put("events", EventsCommand.class);
        byName.put("strip", StripCommand.class);
        byName.put("oms", OmsCommand.class);
        byName.put("certhelper", CertHelperCommand.class);
        byName.put("rr", RrCommand.class);
        byName.put("dqm", DqmCommand.class);
        byName.put("refrun", RefrunCommand.class);
        byName.put("studies", StudiesCommand.class);
        byName.put("datalogger", DataloggerCommand.class);
        byName.put("calo", CaloCommand.class);
        COMMANDS = Collections.unmodifiableMap(byName);
    }

    /** The root's only option a command may follow; named once for the option, main's pre-scan and {@link #commandName}. */
    private static final String VERBOSE = "-v";
    private static final String VERBOSE_LONG = "--verbose";

    @Spec
    private CommandLine.Model.CommandSpec spec;

    /** Inherited, so that {@code runops datalogger grab-params -v} works as the original scripts took it; set here wherever given. */
    @CommandLine.Option(names = {VERBOSE, VERBOSE_LONG}, scope = CommandLine.ScopeType.INHERIT, description = "Log debug details to stderr.")
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
        boolean verbose = Arrays.stream(args).takeWhile(a -> !a.equals("--")).anyMatch(RunopsCli::isVerbose);
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // plots are drawn by cron jobs and ssh sessions: no display
        }
        ProcessStreams.Stdout out = ProcessStreams.stdout(ProcessStreams.stdoutIsTerminal());
        System.setErr(ProcessStreams.flushingFirst(out, System.err)); // slf4j-simple writes to System.err
        ProcessStreams.flushOnShutdown(out);
        int code;
        try {
            code = execute(args, out, new PrintWriter(System.err, true));
        } finally {
            out.flush(); // also when an Error escapes picocli
        }
        System.exit(ProcessStreams.exitCode(code, out, System.err));
    }

    /** Runs one command line with the given streams and returns its exit code (used by tests and main). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(commandLine(new RunopsCli(), args), args, out, err);
    }

    /** As {@link #execute(String[], PrintWriter, PrintWriter)} with {@code environment} instead of the process's (tests). */
    static int execute(String[] args, PrintWriter out, PrintWriter err, CliEnvironment environment) {
        return execute(commandLine(new RunopsCli(environment), args), args, out, err);
    }

    /**
     * The launcher for {@code args}: {@code root} with only the headings of the commands when {@code args} are
     * root options alone (the root's usage or version), with only the top-level command {@code args} name when
     * they name one (after any {@code -v}), else with all of them, so that "did you mean" suggestions and
     * error messages see every command as before.
     */
    static CommandLine commandLine(RunopsCli root, String[] args) {
        CommandLine cli = new CommandLine(root);
        Class<?> named = COMMANDS.get(commandName(args));
        if (onlyRootOptions(args)) {
            RootUsageCommands.addTo(cli, COMMANDS); // usage or version of the root: only the commands' headings are shown
        } else if (named != null) {
            cli.addSubcommand(named);
        } else {
            addWholeTree(cli);
        }
        return cli;
    }

    /** {@code root} with every command's whole subtree (tests compare the other launchers with it). */
    static CommandLine wholeTree(RunopsCli root) {
        return addWholeTree(new CommandLine(root));
    }

    private static CommandLine addWholeTree(CommandLine cli) {
        new LinkedHashSet<>(COMMANDS.values()).forEach(cli::addSubcommand); // an alias maps to a class already added
        return cli;
    }

    /**
     * The first argument but {@code -v}: the only root option a command may follow (--help and --version
     * before a command print the root's usage or version and take the whole tree). Null when none.
     */
    private static String commandName(String[] args) {
        for (String a : args) {
            if (!isVerbose(a)) {
                return a;
            }
        }
        return null;
    }

    /**
     * Whether {@code args} are only the root's options, each at most once ({@code runops}, {@code --help},
     * {@code -v -h}, {@code --version}, ...): they print the root's usage or version, or fail on the root
     * alone, and never reach a command. Anything else ({@code -vh}, {@code --verbose=true}, twice) takes the paths above.
     */
    private static boolean onlyRootOptions(String[] args) {
        int verbose = 0;
        int help = 0;
        int version = 0;
        for (String a : args) {
            if (isVerbose(a)) {
                verbose++;
            } else if (a.equals("-h") || a.equals("--help")) {
                help++;
            } else if (a.equals("-V") || a.equals("--version")) {
                version++;
            } else {
                return false;
            }
        }
        return verbose <= 1 && help <= 1 && version <= 1;
    }

    /** Whether {@code arg} is the root's {@code -v}/{@code --verbose}, as written (no {@code --verbose=true}: that takes the whole tree). */
    static boolean isVerbose(String arg) {
        return arg.equals(VERBOSE) || arg.equals(VERBOSE_LONG);
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
