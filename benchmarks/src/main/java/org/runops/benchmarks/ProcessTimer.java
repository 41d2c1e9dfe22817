package org.runops.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Times one whole process: wall from {@code start()} to its exit ({@link System#nanoTime}, the clock the loopback
 * server logs with), CPU (user + sys, every thread) from GNU {@code /usr/bin/time}, else sh's {@code times} ({@link CpuSource}). Why {@code time} and not
 * {@code /proc/<pid>/stat}: the kernel hands {@code time} the exact rusage of the child when it is reaped (wait4), with
 * every thread and any process it waited for (a launcher script's java); {@code /proc} must be read before the exit
 * and so races it, and {@code ProcessHandle.Info} has nothing once the process is gone. Without {@code /usr/bin/time}
 * the CPU is unknown (NaN), never guessed. Standard output goes to a file, standard error to another.
 */
final class ProcessTimer {
    private static final Path TIME = Path.of("/usr/bin/time");
    /** Read by the JVM ({@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS}, {@code _JAVA_OPTIONS}) or the launcher. */
    static final List<String> JAVA_OPTION_VARIABLES = List.of("RUNOPS_JAVA_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    private final Path scratch;
    private final Duration timeout;

    ProcessTimer(Path scratch, Duration timeout) {
        this.scratch = scratch;
        this.timeout = timeout;
    }

    /** Where CPU times come from, probed once: GNU time, else POSIX {@code times} in sh, else none (NaN). */
    enum CpuSource {
        GNU_TIME("CPU from GNU time (wait4 rusage)"),
        SH_TIMES("CPU from sh's times (children's user + sys; no GNU time here)"),
        NONE("CPU n/a: no GNU time or sh");

        final String description;

        CpuSource(String description) {
            this.description = description;
        }
    }

    private static CpuSource cpuSource;

    /** Probes with {@code true}: the rusage file must parse as two numbers, or the next source is tried. */
    static synchronized CpuSource cpuSource() {
        if (cpuSource == null) {
            cpuSource = CpuSource.NONE;
            for (CpuSource candidate : List.of(CpuSource.GNU_TIME, CpuSource.SH_TIMES)) {
                if (probe(candidate)) {
                    cpuSource = candidate;
                    break;
                }
            }
        }
        return cpuSource;
    }

    private static boolean probe(CpuSource source) {
        try {
            Path rusage = Files.createTempFile("rusage-probe", ".txt");
            try {
                Process p = new ProcessBuilder(wrapped(source, rusage, List.of("true"))).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return false;
                }
                return p.exitValue() == 0 && !Double.isNaN(cpu(source, rusage));
            } finally {
                Files.deleteIfExists(rusage);
            }
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code command} run under {@code source}, which writes the CPU times into {@code rusage}. */
    static List<String> wrapped(CpuSource source, Path rusage, List<String> command) {
        List<String> full = new ArrayList<>();
        switch (source) {
            case GNU_TIME -> full.addAll(List.of(TIME.toString(), "-o", rusage.toString(), "-f", "%U %S"));
            // times' second line holds the children's user and sys, e.g. "0m0.61s 0m0.04s"; the exit code is kept
            case SH_TIMES -> full.addAll(List.of("sh", "-c", "\"$@\"; s=$?; times > \"$0\"; exit $s", rusage.toString()));
            case NONE -> { }
        }
        full.addAll(command);
        return full;
    }

    /** Runs {@code command} in {@code directory}, its standard output into {@code stdout}. */
    Run run(List<String> command, Path directory, Path stdout) {
        return run(command, directory, stdout, Map.of());
    }

    /**
     * As {@link #run(List, Path, Path)}, with {@code environment} set on top of the clean Java environment
     * ({@link #cleanJavaEnvironment}), e.g. {@code RUNOPS_JAVA_OPTS} for a check that asks for it explicitly.
     */
    Run run(List<String> command, Path directory, Path stdout, Map<String, String> environment) {
        Path rusage = scratch.resolve("rusage.txt");
        Path stderr = scratch.resolve("stderr.txt");
        CpuSource source = cpuSource();
        List<String> full = wrapped(source, rusage, command);
        ProcessBuilder pb = new ProcessBuilder(full).directory(directory.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        cleanJavaEnvironment(pb.environment());
        pb.environment().putAll(environment);
        try {
            Files.deleteIfExists(rusage);
            long start = System.nanoTime();
            Process p = pb.start();
            p.getOutputStream().close(); // no input: a command that reads standard input sees its end at once
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
                return new Run(start, System.nanoTime(), Double.NaN, -1, stdout, "timed out after " + timeout + ": " + String.join(" ", command));
            }
            long end = System.nanoTime();
            return new Run(start, end, cpu(source, rusage), p.exitValue(), stdout, tail(stderr));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while timing " + command, e);
        }
    }

    /**
     * Every variant runs the harness's own JDK with no options from the caller's shell: the JVM option variables
     * are removed (a leftover {@code RUNOPS_JAVA_OPTS=-XX:TieredStopAtLevel=4} would turn one row into C2) and
     * {@code JAVA_HOME} is this JVM's {@code java.home}, which the launcher script uses before the PATH.
     */
    static void cleanJavaEnvironment(Map<String, String> env) {
        JAVA_OPTION_VARIABLES.forEach(env::remove);
        env.put("JAVA_HOME", System.getProperty("java.home"));
    }

    /**
     * GNU time's last line is "user sys" (a non-zero exit adds a line before it); sh's {@code times} writes the
     * shell's own times, then the children's as "0m0.61s 0m0.04s". NaN when neither parses.
     */
    static double cpu(CpuSource source, Path rusage) throws IOException {
        if (source == CpuSource.NONE || !Files.isRegularFile(rusage)) {
            return Double.NaN;
        }
        List<String> lines = Files.readAllLines(rusage, StandardCharsets.UTF_8);
        int line = source == CpuSource.GNU_TIME ? lines.size() - 1 : 1;
        if (line < 0 || line >= lines.size()) {
            return Double.NaN;
        }
        String[] parts = lines.get(line).trim().split(" +");
        try {
            return seconds(parts[0]) + seconds(parts[1]);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return Double.NaN;
        }
    }

    /** "0.61" or sh's "0m0.61s". */
    private static double seconds(String s) {
        int m = s.indexOf('m');
        if (m < 0) {
            return Double.parseDouble(s);
        }
        if (!s.endsWith("s")) {
            throw new NumberFormatException(s);
        }
        return Integer.parseInt(s.substring(0, m)) * 60 + Double.parseDouble(s.substring(m + 1, s.length() - 1));
    }

    private static String tail(Path stderr) throws IOException {
        String text = Files.readString(stderr, StandardCharsets.UTF_8).strip();
        return text.length() <= 600 ? text : "…" + text.substring(text.length() - 600);
    }

    /** One timed process: nanoTime at start and exit, CPU seconds (NaN if unknown), exit code (-1 on timeout). */
    record Run(long start, long end, double cpuSeconds, int exitCode, Path stdout, String stderrTail) {
        double wallSeconds() {
            return (end - start) / 1e9;
        }
    }
}
