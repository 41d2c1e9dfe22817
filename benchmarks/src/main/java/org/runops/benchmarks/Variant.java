package org.runops.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One way of running runops, e.g. "before" = {@code java -jar /work/before/runops.jar}: a name and a command prefix. */
record Variant(String name, List<String> command) {
    Variant {
        Objects.requireNonNull(name, "name");
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("variant " + name + " has no command");
        }
    }

    /** The prefix followed by {@code args}. */
    List<String> with(List<String> args) {
        List<String> full = new ArrayList<>(command);
        full.addAll(args);
        return full;
    }

    /**
     * The variants of both harness mains, in this order: {@code before} ({@code --before-jar}, when given),
     * {@code jar} ({@code --jar}), {@code launcher} ({@code --launcher}) and every {@code --variant NAME=COMMAND}
     * (split on spaces). A jar or launcher that is missing is skipped with a line in {@code notes}.
     */
    static List<Variant> of(HarnessArgs args, List<String> notes) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Variant> variants = new ArrayList<>();
        String before = args.get("before-jar");
        if (before == null) {
            notes.add("no --before-jar: the before row is skipped");
        } else if (!Files.isRegularFile(Path.of(before))) { // asked for: an error now, not a note after minutes of runs
            throw new IllegalArgumentException("--before-jar " + Path.of(before).toAbsolutePath() + " does not exist");
        } else {
            jar("before", before, java, variants, notes);
        }
        jar("jar", args.get("jar"), java, variants, notes);
        Path launcher = Path.of(args.get("launcher"));
        if (Files.isExecutable(launcher)) {
            variants.add(new Variant("launcher", List.of(absolute(launcher))));
        } else {
            notes.add("launcher " + launcher + " not found (built by examples' package once it has one): skipped");
        }
        for (String spec : args.all("variant")) {
            int eq = spec.indexOf('=');
            if (eq < 1 || spec.substring(eq + 1).isBlank()) {
                throw new IllegalArgumentException("--variant must be NAME=COMMAND, got '" + spec + "'");
            }
            String name = spec.substring(0, eq);
            if (variants.stream().anyMatch(v -> v.name().equals(name))) { // one row and one output path per name
                throw new IllegalArgumentException("--variant " + name + ": a variant of that name exists already");
            }
            variants.add(new Variant(name, List.of(spec.substring(eq + 1).strip().split(" +"))));
        }
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("nothing to time: build examples or run from the repository root (" + String.join("; ", notes) + ")");
        }
        return variants;
    }

    /**
     * The launcher row, checked once before any timing: its {@code --help} with {@code RUNOPS_JAVA_OPTS=-Xshare:on},
     * which makes the JVM fail when its class-data archive cannot be used. On a failure the row is renamed
     * "launcher (CDS archive NOT used)" with a note, so a silently lost archive cannot pass as a slow lever. The timed
     * runs keep the clean environment.
     */
    static List<Variant> checkCds(List<Variant> variants, ProcessTimer timer, Path scratch, List<String> notes) {
        List<Variant> checked = new ArrayList<>();
        for (Variant v : variants) {
            if (v.name().equals("launcher")) {
                ProcessTimer.Run run = timer.run(v.with(List.of("--help")), scratch, scratch.resolve("cds-check.txt"),
                        Map.of("RUNOPS_JAVA_OPTS", "-Xshare:on"));
                if (run.exitCode() != 0) {
                    notes.add("the launcher failed with RUNOPS_JAVA_OPTS=-Xshare:on (exit " + run.exitCode() + "): " + run.stderrTail());
                    v = new Variant("launcher (CDS archive NOT used)", v.command());
                }
            }
            checked.add(v);
        }
        return checked;
    }

    private static void jar(String name, String jar, String java, List<Variant> variants, List<String> notes) {
        Path p = Path.of(jar);
        if (Files.isRegularFile(p)) {
            variants.add(new Variant(name, List.of(java, "-jar", absolute(p))));
        } else {
            notes.add("variant " + name + ": " + p.toAbsolutePath() + " not found, skipped (build it with ./mvnw -q -pl examples -am package -DskipTests)");
        }
    }

    private static String absolute(Path p) {
        try {
            return p.toRealPath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
