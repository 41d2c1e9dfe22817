package org.runops.examples;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.runops.testing.LoopbackOmsRuns;
import org.runops.testing.RootFileWriter.Compression;
import org.runops.testing.RootFileWriter;

/**
 * Makes the launcher's static class-data-sharing archive at package time (examples/pom.xml, after the shade):
 * runs {@code runops.jar} as real processes with {@code -XX:DumpLoadedClassList} on generated inputs (a loopback OMS,
 * ROOT files, a reference-run history; nothing from {@code ../shared}, no network), merges the classes they loaded and
 * dumps one archive, {@code runops-jdk<N>.jsa} for Java N, with {@code -Xshare:dump} for exactly the jar's real path, which
 * {@code bin/runops} passes back to that Java only. It makes none, saying why, where no archive could serve ({@link #skipReason}).
 *
 * <p>Static, not the dynamic {@code -XX:ArchiveClassesAtExit} the issue names: picocli 4.7.7 is Java-5 bytecode, which a
 * JDK 17 dynamic archive skips ("Pre JDK 6 class not supported by CDS", all 185 picocli classes), and a dynamic archive
 * trained on the OMS pull made that pull 2x slower (its hot jackson methods were never JIT-compiled; 3 of 3 runs). Costs
 * about 7 s of the build on 2 cores.
 *
 * <p>Then it checks that {@code bin/runops} really uses the archive. Usage: {@code CdsTraining <runops.jar> <archive dir> <work dir>
 * <bin/runops>}. Not a test: it needs the packaged jar.
 */
final class CdsTraining {
    private static final long PROCESS_TIMEOUT_SECONDS = 120;
    private static final Set<String> JVM_OPTION_VARIABLES = Set.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS");

    private CdsTraining() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: CdsTraining <runops.jar> <archive dir> <work dir> <bin/runops>, got " + List.of(args));
        }
        // The archive records the class path as given: the real path, as bin/runops resolves it with `pwd -P`.
        Path jar = Path.of(args[0]).toRealPath();
        // One archive per JDK feature release: bin/runops passes only the one made for the Java it runs.
        Path archive = Path.of(args[1]).toAbsolutePath().resolve("runops-jdk" + Runtime.version().feature() + ".jsa");
        Optional<String> skipped = skipReason(jar, System.getProperty("java.vm.name"));
        if (skipped.isPresent()) {
            Files.deleteIfExists(archive); // one made before the jar moved would no longer match it
            System.out.println("cds: skipped: " + skipped.get());
            return;
        }
        Path work = Path.of(args[2]).toAbsolutePath();
        Path launcher = Path.of(args[3]).toAbsolutePath();
        deleteRecursively(work);
        Files.createDirectories(work);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        long start = System.nanoTime();
        try (LoopbackOmsRuns oms = LoopbackOmsRuns.start(400_000, 401_999, GeneratedInputs::omsRun)) {
            List<List<String>> commands = commands(work, oms.baseUrl().toString());
            Path classList = merge(train(java, jar, work, commands), work.resolve("runops.classlist"));
            long trained = System.nanoTime();

            Path partial = archive.resolveSibling(archive.getFileName() + ".tmp");
            Path log = work.resolve("dump.log");
            run(process(List.of(java, "-Xshare:dump", "-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + partial, "-cp",
                    jar.toString()), work, System.getenv()), log, log);
            Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            long dumped = System.nanoTime();

            checkLauncherUsesIt(launcher, omsPull(oms.baseUrl().toString(), "csv"), work);
            System.out.printf(Locale.ROOT, "cds: %s (%.1f MB), %d classes listed by %d runs (%d skipped: not in the jar, such as dynamic proxies);"
                            + " training %.1f s, dump %.1f s, check %.1f s%n",
                    archive, Files.size(archive) / 1e6, Files.readAllLines(classList).size(), commands.size() + 1, count(log, "Cannot find"),
                    (trained - start) / 1e9, (dumped - trained) / 1e9, (System.nanoTime() - dumped) / 1e9);
        }
    }

    /**
     * Why no archive can serve this jar, if so: JDK 17 records a jar path with a space as {@code file:/a%20b/runops.jar}
     * and then loads the app classes from the jar, not the archive (checked with {@code -Xlog:class+load}), so the check
     * below would fail the build. A VM other than HotSpot (OpenJ9: "Eclipse OpenJ9 VM") has none of the flags used here.
     */
    static Optional<String> skipReason(Path jar, String vmName) {
        if (!vmName.contains("HotSpot") && !vmName.startsWith("OpenJDK")) {
            return Optional.of(vmName + " has no HotSpot class-data sharing");
        }
        if (jar.toString().contains(" ")) {
            return Optional.of("JDK 17 does not serve app classes from a jar path with spaces (" + jar + ")");
        }
        return Optional.empty();
    }

    /**
     * Runs the OMS pull through {@code bin/runops} with {@code -Xshare:on}, which fails on an archive that does not match the jar,
     * path or JDK (the launcher's default {@code -Xshare:auto} would silently run without it), and checks that the classes
     * of picocli, okhttp, jackson and the launcher came from it.
     */
    private static void checkLauncherUsesIt(Path launcher, List<String> omsPull, Path work) throws IOException, InterruptedException {
        Path loads = work.resolve("check-class-load.log");
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(omsPull);
        ProcessBuilder pb = process(command, work, System.getenv());
        pb.environment().put("RUNOPS_JAVA_OPTS", "-Xshare:on -Xlog:class+load=info:file=" + loads);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home")); // the JDK that dumped it (.ci/run checks the user's)
        run(pb, work.resolve("check.out"), work.resolve("check.err"));
        List<String> lines = Files.readAllLines(loads);
        for (String name : List.of("picocli.CommandLine", "okhttp3.OkHttpClient", "com.fasterxml.jackson.core.JsonFactory",
                "org.runops.examples.RunopsCli")) {
            String line = lines.stream().filter(l -> l.contains(" " + name + " source: ")).findFirst()
                    .orElseThrow(() -> new IOException(name + " was not loaded by " + command + " (see " + loads + ")"));
            if (!line.endsWith("source: shared objects file")) {
                throw new IOException(name + " did not come from the archive when run by " + launcher + ": " + line);
            }
        }
    }

    private static long count(Path log, String text) throws IOException {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(text)).count();
        }
    }

    /** What users run most, each in its own JVM: the root usage, an OMS pull (csv, json), ROOT entry counts, refrun. */
    private static List<List<String>> commands(Path work, String omsUrl) throws IOException {
        Path inputs = Files.createDirectories(work.resolve("inputs"));
        List<String> root = new ArrayList<>(List.of("root", "entries"));
        for (Compression c : List.of(Compression.ZLIB, Compression.LZ4, Compression.ZSTD, Compression.LZMA)) {
            root.add(RootFileWriter.create().compression(c).tree("Events", 1000).write(inputs.resolve(c + ".root")).toString());
        }
        String history = GeneratedInputs.refrunHistory(inputs.resolve("history.json")).toString();
        return List.of(
                List.of("--help"),
                omsPull(omsUrl, "csv"),
                omsPull(omsUrl, "json"),
                root,
                List.of("refrun", "evaluate", "--history", history),
                List.of("refrun", "recommend", "140", "--dataset", "/PromptReco/Cosmics23/DQM", "--history", history));
    }

    /** The pull of runs 400000..401999 from the training server at {@code omsUrl}, printed as {@code format}. */
    private static List<String> omsPull(String omsUrl, String format) {
        return List.of("oms", "runs", "--instance", "p5", "--url", omsUrl, "--from", "400000", "--to", "401999", "--page-size", "500",
                "--format", format);
    }

    /**
     * Runs every command line through the jar's real main, two at a time (the build machine has two cores), plus the
     * {@link HelpTour} in one more JVM (the jar first on its class path, so the launcher's classes are listed from it).
     */
    private static List<Path> train(String java, Path jar, Path work, List<List<String>> commands) throws InterruptedException, IOException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Path>> runs = new ArrayList<>();
            for (int i = 0; i <= commands.size(); i++) {
                Path list = work.resolve("run" + i + ".classlist");
                List<String> command = new ArrayList<>(List.of(java, "-XX:DumpLoadedClassList=" + list, "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC"));
                if (i < commands.size()) {
                    command.addAll(List.of("-jar", jar.toString()));
                    command.addAll(commands.get(i));
                } else {
                    command.addAll(List.of("-cp", jar + File.pathSeparator + System.getProperty("java.class.path"), HelpTour.class.getName()));
                }
                Path out = work.resolve("run" + i + ".out");
                Path err = work.resolve("run" + i + ".err");
                runs.add(pool.submit(() -> {
                    run(process(command, work, System.getenv()), out, err);
                    return list;
                }));
            }
            List<Path> lists = new ArrayList<>();
            for (Future<Path> f : runs) {
                lists.add(f.get());
            }
            return lists;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("training run failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The union of the lists in first-seen order (a class loaded by several runs is listed once), without the lambdas
     * of the command-line layer or naming a picocli type: archiving a lambda links its caller at dump time, which can
     * link picocli's Java-5 classes, and those are then left out of the archive ("Old class has been linked"; a
     * lambda in {@code RunopsCli.main} cost us {@code picocli.CommandLine}). Spinning those few lambdas at run time
     * instead made no measurable difference to {@code --help}.
     */
    private static Path merge(List<Path> lists, Path merged) throws IOException {
        Set<String> lines = new LinkedHashSet<>();
        for (Path list : lists) {
            for (String line : Files.readAllLines(list)) {
                boolean picocliLambda = line.startsWith("@lambda-proxy")
                        && (line.contains("picocli/") || line.startsWith("@lambda-proxy org/runops/examples/"));
                if (!line.isBlank() && !line.startsWith("#") && !picocliLambda) {
                    lines.add(line);
                }
            }
        }
        return Files.write(merged, lines);
    }

    /**
     * A process in {@code work} (so no command writes into the source tree) with the builder's environment minus what
     * would change what the runs load or do: {@code RUNOPS_*} (with an operator's OMS client id and secret the training
     * pull would ask the real token endpoint first) and the JVM option variables that add flags to every child JVM.
     */
    static ProcessBuilder process(List<String> command, Path work, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
        pb.environment().clear();
        env.forEach((name, value) -> {
            if (!name.startsWith("RUNOPS_") && !JVM_OPTION_VARIABLES.contains(name)) {
                pb.environment().put(name, value);
            }
        });
        return pb;
    }

    /** Runs it to a zero exit; the process never outlives this call (a failed sibling run interrupts it). */
    static void run(ProcessBuilder pb, Path out, Path err) throws IOException, InterruptedException {
        pb.redirectOutput(out.toFile());
        Process p = (out.equals(err) ? pb.redirectErrorStream(true) : pb.redirectError(err.toFile())).start();
        try {
            if (!p.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("no exit within " + PROCESS_TIMEOUT_SECONDS + " s: " + pb.command() + " (see " + err + ")");
            }
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (p.exitValue() != 0) {
            throw new IOException("exit " + p.exitValue() + " from " + pb.command() + ":\n" + Files.readString(err));
        }
    }

    /**
     * Prints the usage of every top-level command in one JVM (a JVM per page costs about 0.6 s of CPU), so that each one's
     * subtree is listed even when the launcher builds subtrees only when used. The names come from {@link RunopsCli#COMMANDS}
     * itself, not from scraping the root usage page, which would list nothing, silently, if that page's layout changed.
     * Subcommand pages are left out: touring them too listed 16 more classes for 1.3 s more CPU (measured).
     */
    static final class HelpTour {
        private HelpTour() {}

        public static void main(String[] args) {
            tour();
        }

        /** Prints the root usage and each top-level command's; returns each command's usage text by name. */
        static Map<String, String> tour() {
            usage();
            Map<String, String> usages = new LinkedHashMap<>();
            for (String command : RunopsCli.COMMANDS.keySet()) {
                usages.put(command, usage(command));
            }
            return usages;
        }

        private static String usage(String... path) {
            String[] args = Arrays.copyOf(path, path.length + 1);
            args[path.length] = "--help";
            StringWriter out = new StringWriter();
            int code = RunopsCli.execute(args, new PrintWriter(out), new PrintWriter(new StringWriter()));
            if (code != 0 || !out.toString().contains("Usage: runops")) {
                throw new IllegalStateException("runops " + String.join(" ", args) + " printed no usage: " + out);
            }
            return out.toString();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
