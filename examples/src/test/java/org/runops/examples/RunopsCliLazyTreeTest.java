package org.runops.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runops.examples.Launcher.runops;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.examples.Launcher.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * The launcher builds only the subtree a command line names: every command must look and parse exactly as in
 * the whole tree, and everything that needs the whole tree (usage, suggestions, errors) must still get it.
 */
class RunopsCliLazyTreeTest {

    /** One command line per top-level command, with options of several kinds, -v before or after. */
    private static final Map<String, List<String>> REPRESENTATIVE = Map.ofEntries(
            Map.entry("demo", List.of("demo", "--dir", "/tmp/x", "-v")),
            Map.entry("runs", List.of("-v", "runs", "list", "--catalog", "demo", "--from", "1", "--to", "9", "--format", "csv")),
            Map.entry("root", List.of("root", "entries", "--parallel", "3", "--json", "a.root", "b.root", "-v")),
            Map.entry("events", List.of("events", "check", "--edm", "x.root", "--tree", "T", "/raid/fff/run1")),
            Map.entry("strip", List.of("strip", "explain", "400200", "--config", "s.properties", "--set", "a=b")),
            Map.entry("oms", List.of("oms", "runs", "--from", "400000", "--to", "419999", "--page-size", "1000", "--fields",
                    "fill_number,b_field", "--call-timeout", "30s", "--progress")),
            Map.entry("certhelper", List.of("certhelper", "pairs", "--file", "dump.json", "--summary")),
            Map.entry("rr", List.of("rr", "runs", "--format", "json", "--flags", "a,b")),
            Map.entry("dqm", List.of("dqm", "hist", "--file", "f.json", "--format", "json", "--instance", "online")),
            Map.entry("refrun", List.of("refrun", "recommend", "370670", "--dataset", "/PromptReco/Cosmics23/DQM", "--top", "3",
                    "--as-of-run", "--history", "h.json")),
            Map.entry("studies", List.of("studies", "table", "--runs", "a.csv", "b.csv", "--dqm", "crawl", "--progress")),
            Map.entry("datalogger", List.of("datalogger", "grab-params", "--maxcount", "2", "--paramfile", "p.txt", "-v")),
            Map.entry("calo", List.of("calo", "status", "-o", "out", "--batch", "local", "--max-attempts", "2")));

    private static CommandLine lazy(String... args) {
        return RunopsCli.commandLine(new RunopsCli(), args).setUsageHelpWidth(120);
    }

    private static CommandLine full() {
        return RunopsCli.wholeTree(new RunopsCli()).setUsageHelpWidth(120);
    }

    @Test
    void theMapNamesEveryTopLevelCommandAsItsAnnotationDoes() {
        Set<String> names = new LinkedHashSet<>();
        for (Class<?> c : new LinkedHashSet<>(RunopsCli.COMMANDS.values())) {
            Command command = c.getAnnotation(Command.class);
            names.add(command.name());
            names.addAll(List.of(command.aliases()));
            assertThat(RunopsCli.COMMANDS.get(command.name())).isEqualTo(c);
        }
        assertThat(RunopsCli.COMMANDS.keySet()).containsExactlyElementsOf(names).hasSize(13);
        assertThat(REPRESENTATIVE.keySet()).containsExactlyInAnyOrderElementsOf(RunopsCli.COMMANDS.keySet());
    }

    @Test
    void aCommandLineNamingOneCommandBuildsOnlyThatOne() {
        assertThat(lazy("oms", "runs", "--help").getSubcommands()).containsOnlyKeys("oms");
        assertThat(lazy("-v", "refrun").getSubcommands()).containsOnlyKeys("refrun");
        for (String[] whole : List.of(new String[0], new String[] {"--help"}, new String[] {"-v"}, new String[] {"--version"},
                new String[] {"help"}, new String[] {"dmo"}, new String[] {"--help", "oms"}, new String[] {"--", "oms"})) {
            assertThat(lazy(whole).getSubcommands().keySet()).as(String.join(" ", whole)).containsExactlyElementsOf(RunopsCli.COMMANDS.keySet());
        }
    }

    /** Root options alone get heading-only commands; a subcommand's usage, help X and everything else get real subtrees. */
    @Test
    void onlyRootOptionsGetTheCommandsHeadingsAlone() {
        for (String[] root : List.of(new String[0], new String[] {"-h"}, new String[] {"--help"}, new String[] {"-v", "--help"},
                new String[] {"-h", "--verbose"}, new String[] {"--version"}, new String[] {"-V", "-v"})) {
            CommandLine oms = lazy(root).getSubcommands().get("oms");
            assertThat(oms.getCommandSpec().userObject()).as(String.join(" ", root)).isNull();
            assertThat(oms.getSubcommands()).isEmpty();
        }
        for (String[] real : List.of(new String[] {"-vh"}, new String[] {"-v", "-v"}, new String[] {"--help", "--help"},
                new String[] {"--verbose=true"}, new String[] {"help"}, new String[] {"--help", "oms"}, new String[] {"oms", "--help"})) {
            CommandLine oms = lazy(real).getSubcommands().get("oms");
            assertThat(oms.getCommandSpec().userObject()).as(String.join(" ", real)).isInstanceOf(org.runops.examples.cli.OmsCommand.class);
            assertThat(oms.getSubcommands()).containsKey("runs");
        }
    }

    /** The root usage from the headings alone is the whole tree's, byte for byte, for every way of asking for it. */
    @Test
    void theRootUsageFromHeadingsIsTheWholeTreesByteForByte() {
        String whole = run(full(), "--help");
        assertThat(whole).startsWith("Usage: runops [-hvV] [COMMAND]");
        for (String name : RunopsCli.COMMANDS.keySet()) {
            assertThat(whole).containsPattern("(?m)^  " + name + " +\\S");
        }
        assertThat(full().getUsageMessage()).isEqualTo(lazy("--help").getUsageMessage());
        for (String[] root : List.of(new String[0], new String[] {"-h"}, new String[] {"--help"}, new String[] {"-v"},
                new String[] {"-v", "--help"}, new String[] {"--help", "-v"}, new String[] {"--verbose", "-h"})) {
            assertThat(run(lazy(root), root)).as(String.join(" ", root)).isEqualTo(whole);
            assertThat(run(full(), root)).as(String.join(" ", root)).isEqualTo(whole);
        }
        assertThat(run(lazy("--version"), "--version")).isEqualTo(run(full(), "--version")).startsWith("runops ");
    }

    /** Stdout then stderr of {@code args} on the launcher {@code cli}, with the exit code: what a user sees. */
    private static String run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RunopsCli.execute(cli, args, new PrintWriter(out, true), new PrintWriter(err, true));
        return out + "|" + err + "|" + code;
    }

    @Test
    void everyCommandOfEverySubtreeLooksTheSameAsInTheWholeTree() {
        CommandLine whole = full();
        for (String name : RunopsCli.COMMANDS.keySet()) {
            CommandLine alone = lazy(name).getSubcommands().get(name);
            List<CommandLine[]> pairs = new ArrayList<>(List.<CommandLine[]>of(new CommandLine[] {alone, whole.getSubcommands().get(name)}));
            for (int i = 0; i < pairs.size(); i++) {
                CommandLine a = pairs.get(i)[0];
                CommandLine b = pairs.get(i)[1];
                String path = a.getCommandSpec().qualifiedName();
                assertThat(path).isEqualTo(b.getCommandSpec().qualifiedName());
                assertThat(a.getUsageMessage()).as(path).isEqualTo(b.getUsageMessage());
                assertThat(model(a.getCommandSpec())).as(path).isEqualTo(model(b.getCommandSpec()));
                assertThat(a.getSubcommands().keySet()).as(path).containsExactlyElementsOf(b.getSubcommands().keySet());
                a.getSubcommands().forEach((sub, c) -> pairs.add(new CommandLine[] {c, b.getSubcommands().get(sub)}));
            }
            assertThat(pairs).as(name).isNotEmpty();
        }
    }

    @Test
    void aRepresentativeCommandLineOfEachCommandParsesAsInTheWholeTree() {
        CommandLine whole = full(); // one build: parseArgs resets the tree's state
        REPRESENTATIVE.forEach((name, line) -> {
            String[] args = line.toArray(String[]::new);
            List<String> lazily = parse(lazy(args), args);
            assertThat(lazily).as(name).isEqualTo(parse(whole, args)).hasSizeGreaterThan(1);
            assertThat(lazily.get(0)).as(name).contains("verbose=" + line.contains("-v"));
        });
    }

    /** {@code --verbose} before the command is skipped like {@code -v}; an {@code @argfile} takes the whole tree and parses as there. */
    @Test
    void theLongVerboseAndAnArgfileParseAsInTheWholeTree(@TempDir Path tmp) throws IOException {
        CommandLine whole = full();
        String[] verbose = {"--verbose", "oms", "runs", "--from", "400000", "--to", "400010", "--format", "csv"};
        assertThat(lazy(verbose).getSubcommands()).containsOnlyKeys("oms");
        List<String> lazily = parse(lazy(verbose), verbose);
        assertThat(lazily).isEqualTo(parse(whole, verbose)).hasSize(3);
        assertThat(lazily.get(0)).contains("verbose=true");

        Path file = Files.writeString(tmp.resolve("args.txt"), "-v\nrefrun\nrecommend\n370670\n--dataset\n/PromptReco/Cosmics23/DQM\n");
        String[] argfile = {"@" + file};
        assertThat(lazy(argfile).getSubcommands().keySet()).containsExactlyElementsOf(RunopsCli.COMMANDS.keySet());
        List<String> expanded = parse(lazy(argfile), argfile);
        assertThat(expanded).isEqualTo(parse(whole, argfile)).hasSize(3);
        assertThat(expanded.get(2)).contains("370670").contains("/PromptReco/Cosmics23/DQM");
    }

    @Test
    void usageSuggestionsAndErrorsStillSeeEveryCommand() {
        Run help = runops("--help");
        assertThat(help.exitCode()).isZero();
        for (String name : RunopsCli.COMMANDS.keySet()) {
            assertThat(help.out()).containsPattern("(?m)^  " + name + " ");
        }
        assertThat(runops().out()).isEqualTo(help.out());
        Run unknown = runops("no-such-command");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("Unmatched argument at index 0: 'no-such-command'\nDid you mean: runops oms?\n");
        Run typo = runops("refrn", "evaluate");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).isEqualTo("Unmatched arguments from index 0: 'refrn', 'evaluate'\nDid you mean: runops refrun?\n");
        assertThat(runops("-v", "demo", "--help").out()).contains("Usage: runops demo [-hvV]");
        assertThat(runops("--version").out()).startsWith("runops ");
    }

    /** What a command accepts: every option and positional with what decides how it parses and shows. */
    private static List<String> model(CommandSpec spec) {
        List<String> out = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            out.add(String.join("|", o.names()) + " arity=" + o.arity() + " type=" + o.type().getName() + " default=" + o.defaultValue()
                    + " required=" + o.required() + " inherited=" + o.inherited() + " scope=" + o.scopeType() + " hidden=" + o.hidden()
                    + " split=" + o.splitRegex() + " label=" + o.paramLabel() + " converters=" + o.converters().length);
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            out.add(p.index() + " arity=" + p.arity() + " type=" + p.type().getName() + " label=" + p.paramLabel() + " required=" + p.required());
        }
        out.add("aliases=" + List.of(spec.aliases()) + " helpCommand=" + spec.helpCommand());
        return out;
    }

    /** Each parsed command: its name, matched options and positionals with their values, and what was left unmatched. */
    private static List<String> parse(CommandLine cli, String[] args) {
        List<String> out = new ArrayList<>();
        for (ParseResult r = cli.parseArgs(args); r != null; r = r.subcommand()) {
            StringBuilder s = new StringBuilder(r.commandSpec().qualifiedName());
            r.matchedOptions().forEach(o -> s.append(' ').append(o.longestName()).append('=').append(o.originalStringValues())
                    .append("->").append(String.valueOf((Object) o.getValue())));
            r.matchedPositionals().forEach(p -> s.append(' ').append(p.index()).append('=').append(p.originalStringValues()));
            s.append(" unmatched=").append(r.unmatched());
            if (r.commandSpec().root() == r.commandSpec()) {
                s.append(" verbose=").append(r.commandSpec().findOption("-v").<Boolean>getValue());
            }
            out.add(s.toString());
        }
        return out;
    }
}
