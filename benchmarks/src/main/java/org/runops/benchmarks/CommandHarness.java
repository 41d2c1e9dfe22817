package org.runops.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Issue 13's "no command gets slower" list, timed as whole processes for every variant ({@link Variant#of}: the
 * before jar, the current jar, the launcher, extra {@code --variant}s), round-robin with the order rotating each
 * round after one untimed warm-up round; a Markdown table of wall and CPU, median (min–max). Each output is
 * checked: exit 0, the command's own check, and the same standard output as the first variant's (demo's output
 * names its scratch directory, so demo is checked by its exit code only). Run from the repository root:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.runops.benchmarks.CommandHarness --repeat 5 --before-jar /work/before/runops.jar
 * </pre>
 *
 * {@code root entries} reads {@value #ROOT_FILE} (200 Events, verified in the shared MANIFEST.csv): once, and as
 * {@value #MANY_FILES} symbolic links to it in a temporary folder (one real file, page-cached, so the 640-file row
 * measures per-file work, not the disk).
 */
public final class CommandHarness {
    static final String ROOT_FILE = "data/root/nanoAOD_2015_CMS_Open_Data_ttbar.root";
    static final int MANY_FILES = 640;
    static final String HISTORY = "data/refrun/ReferenceRunRank/AllRunsRefRuns_Mar5_2024.json";

    private static final Map<String, String> OPTIONS = new LinkedHashMap<>();

    static {
        OPTIONS.put("repeat", "5");
        OPTIONS.put("commands", "help,demo,root-1,root-640,evaluate,evaluate-from-363000");
        OPTIONS.put("before-jar", null);
        OPTIONS.put("jar", "examples/target/runops.jar");
        OPTIONS.put("launcher", "examples/target/bin/runops");
        OPTIONS.put("variant", null);
    }

    /** A {@code root entries} table row of the file: "FILE  200  OK  no  no". */
    private static final Pattern ROOT_ROW = Pattern.compile(".*\\s200\\s+OK\\s+no\\s+no\\s*");
    private static final Duration PROCESS_TIMEOUT = Duration.ofMinutes(5);

    private CommandHarness() {}

    /**
     * A command to time: its arguments, how the table's notes show them, a check of its standard output, and whether
     * outputs must match across variants.
     */
    private record Command(String name, List<String> args, String shown, Predicate<String> check, String expectation, boolean sameOutput) {}

    public static void main(String[] args) throws IOException {
        HarnessArgs options = new HarnessArgs(args, OPTIONS);
        int repeat = options.positiveInt("repeat");
        String startLoad = Machine.loadAverage();
        Path scratch = BenchmarkFiles.tempDirectory("command-harness");
        try {
            List<String> notes = new ArrayList<>();
            ProcessTimer timer = new ProcessTimer(scratch, PROCESS_TIMEOUT);
            List<Variant> variants = Variant.checkCds(Variant.of(options, notes), timer, scratch, notes);
            List<Command> commands = commands(List.of(options.get("commands").split(",")), scratch);
            TimingTable table = new TimingTable("command — variant", List.of("wall s", "CPU s"));
            for (Command c : commands) {
                variants.forEach(v -> table.row(label(c, v)));
            }
            Map<String, String> reference = new HashMap<>();
            System.err.println("warm-up round (untimed; checks every output)");
            for (Command c : commands) {
                for (Variant v : variants) {
                    measure(c, v, timer, scratch, table, reference, false);
                }
            }
            int n = commands.size() * variants.size();
            for (int round = 0; round < repeat; round++) {
                System.err.println("round " + (round + 1) + " of " + repeat + ", load average " + Machine.loadAverage());
                for (int i = 0; i < n; i++) {
                    int k = (i + round) % n; // rotated, so no variant always runs first
                    Command c = commands.get(k / variants.size());
                    Variant v = variants.get(k % variants.size());
                    if (!table.failed(label(c, v))) {
                        measure(c, v, timer, scratch, table, reference, true);
                    }
                }
            }
            System.out.println("runops commands, " + repeat + " timed runs per row (median (min–max)), variants: "
                    + String.join(", ", variants.stream().map(v -> v.name() + " = " + String.join(" ", v.command())).toList()) + ".");
            System.out.println(Machine.describe() + "; load average (1/5/15 min) " + startLoad + " at the start, " + Machine.loadAverage()
                    + " at the end.");
            System.out.println();
            System.out.print(table.markdown());
            System.out.println();
            System.out.println("- CPU is user + sys of the whole process tree; " + ProcessTimer.cpuSource().description + ".");
            commands.forEach(c -> System.out.println("- " + c.name() + ": `runops " + c.shown() + "`, checked: " + c.expectation()));
            notes.forEach(note -> System.out.println("- " + note));
        } finally {
            BenchmarkFiles.deleteRecursively(scratch);
        }
    }

    private static String label(Command c, Variant v) {
        return c.name() + " — " + v.name();
    }

    private static void measure(Command c, Variant v, ProcessTimer timer, Path scratch, TimingTable table, Map<String, String> reference,
            boolean timed) throws IOException {
        String label = label(c, v);
        Path stdout = scratch.resolve("stdout.txt");
        ProcessTimer.Run run = timer.run(v.with(c.args()), Path.of("."), stdout);
        if (run.exitCode() != 0) {
            table.fail(label, "exit " + run.exitCode() + ": " + run.stderrTail());
            return;
        }
        String out = Files.readString(stdout);
        if (!c.check().test(out)) {
            table.fail(label, "output is not " + c.expectation());
            return;
        }
        if (c.sameOutput()) {
            String first = reference.putIfAbsent(c.name(), out);
            if (first != null && !first.equals(out)) {
                table.fail(label, "standard output differs from the first variant's");
                return;
            }
        }
        table.note(label, out.lines().count() + " lines of output");
        if (timed) {
            table.add(label, run.wallSeconds(), run.cpuSeconds());
        }
        System.err.printf("  %-40s wall %.2f s, CPU %.2f s%n", label, run.wallSeconds(), run.cpuSeconds());
    }

    private static List<Command> commands(List<String> names, Path scratch) {
        Path shared = BenchmarkFiles.shared();
        List<Command> commands = new ArrayList<>();
        for (String name : names) {
            commands.add(switch (name) {
                case "help" -> new Command(name, List.of("--help"), "--help", out -> out.contains("Usage: runops"), "a usage text", true);
                case "demo" -> new Command(name, List.of("demo"), "demo", out -> !out.isBlank(), "exit 0 and some output", false);
                case "root-1" -> root(name, List.of(require(shared, ROOT_FILE).toString()), "../shared/" + ROOT_FILE);
                case "root-640" -> root(name, links(require(shared, ROOT_FILE), scratch.resolve("root-640")),
                        "$TMP/f000.root … $TMP/f639.root (640 symbolic links to ../shared/" + ROOT_FILE + ")");
                case "evaluate" -> evaluate(name, require(shared, HISTORY), List.of());
                case "evaluate-from-363000" -> evaluate(name, require(shared, HISTORY), List.of("--from-run", "363000"));
                default -> throw new IllegalArgumentException("unknown command '" + name
                        + "' in --commands; known: help, demo, root-1, root-640, evaluate, evaluate-from-363000");
            });
        }
        return commands;
    }

    private static Command root(String name, List<String> files, String shown) {
        List<String> args = new ArrayList<>(List.of("root", "entries"));
        args.addAll(files);
        int expected = files.size();
        return new Command(name, args, "root entries " + shown, out -> out.lines().filter(l -> ROOT_ROW.matcher(l).matches()).count() == expected,
                expected + " rows of 200 entries, OK, and the same output for every variant", true);
    }

    private static Command evaluate(String name, Path history, List<String> more) {
        List<String> args = new ArrayList<>(List.of("refrun", "evaluate", "--history", history.toString()));
        args.addAll(more);
        String shown = String.join(" ", args).replace(history.toString(), "../shared/" + HISTORY);
        return new Command(name, args, shown, out -> out.contains("recommender"), "a table with the recommender, the same for every variant", true);
    }

    private static Path require(Path shared, String relative) {
        Path p = shared.resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException(p.toAbsolutePath() + " is missing: run from the repository root beside ../shared,"
                    + " or set -Drunops.shared=/path/to/shared, or leave the command out of --commands");
        }
        return p.toAbsolutePath().normalize();
    }

    /** {@value #MANY_FILES} symbolic links to {@code file} in {@code folder}. */
    private static List<String> links(Path file, Path folder) {
        List<String> links = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            for (int i = 0; i < MANY_FILES; i++) {
                Path link = folder.resolve(String.format("f%03d.root", i));
                Files.createSymbolicLink(link, file);
                links.add(link.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot link " + MANY_FILES + " files to " + file + " in " + folder, e);
        }
        return links;
    }
}
