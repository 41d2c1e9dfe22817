package org.runops.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runops.examples.Launcher.runops;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.runops.testing.RootFileWriter;

/** The launcher's buffered stdout: nothing lost at exit, same bytes as in process, stdout and stderr in order. */
class ProcessStreamsTest {

    @TempDir
    Path tmp;

    @Test
    void stderrFlushesWhatStdoutHoldsFirstSoA2To1LogKeepsTheOrder() {
        ByteArrayOutputStream merged = new ByteArrayOutputStream();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(merged, StandardCharsets.UTF_8), false);
        PrintStream err = ProcessStreams.flushingFirst(out, new PrintStream(merged, true, StandardCharsets.UTF_8));
        out.println("row 1");
        out.print("row 2 → ");
        assertThat(merged.toString(StandardCharsets.UTF_8)).isEmpty(); // buffered
        err.println("warning");
        out.println("done");
        out.flush();
        assertThat(merged.toString(StandardCharsets.UTF_8)).isEqualTo("row 1\nrow 2 → warning\ndone\n");
    }

    @Test
    void aBadStdoutEncodingFallsBackToTheDefaultCharsetInsteadOfCrashingTheLauncher() {
        assertThat(ProcessStreams.stdoutCharset("")).isEqualTo(Charset.defaultCharset());
        assertThat(ProcessStreams.stdoutCharset("bad name")).isEqualTo(Charset.defaultCharset());
        assertThat(ProcessStreams.stdoutCharset("no-such-charset")).isEqualTo(Charset.defaultCharset());
        assertThat(ProcessStreams.stdoutCharset(null)).isEqualTo(Charset.defaultCharset());
        assertThat(ProcessStreams.stdoutCharset("UTF-16BE")).isEqualTo(StandardCharsets.UTF_16BE);
    }

    /** A launcher process started with an illegal stdout.encoding still runs its command. */
    @Test
    @Timeout(120)
    void aLauncherWithAnIllegalStdoutEncodingStillRuns() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dstdout.encoding=bad name",
                "-cp", System.getProperty("java.class.path"), RunopsCli.class.getName(), "--version")
                .redirectError(tmp.resolve("stderr.txt").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(100, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("stderr.txt"))).isZero();
        assertThat(out).startsWith("runops ");
    }

    @Test
    void onceExitingStderrNoLongerWaitsForStdout() {
        ByteArrayOutputStream merged = new ByteArrayOutputStream();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(merged, StandardCharsets.UTF_8), false);
        PrintStream err = ProcessStreams.flushingFirst(out, new PrintStream(merged, true, StandardCharsets.UTF_8), () -> true);
        out.println("held");
        err.println("warning from a shutdown hook");
        assertThat(merged.toString(StandardCharsets.UTF_8)).isEqualTo("warning from a shutdown hook\n");
    }

    /** Surefire's forked JVM writes to a pipe: not a terminal, on every Java version. */
    @Test
    void aTestJvmsStdoutIsNotATerminal() {
        assertThat(ProcessStreams.stdoutIsTerminal()).isFalse();
    }

    /** More output than the 64 KB buffer, into a file, from a real launcher process that ends with System.exit. */
    @Test
    @Timeout(120)
    void aLauncherProcessWritesAllItsOutputBeforeItExits() throws IOException, InterruptedException {
        Path file = RootFileWriter.create().tree("Events", 42).write(tmp.resolve("a.root"));
        List<String> args = new ArrayList<>(List.of("root", "entries", "--parallel", "1"));
        for (int i = 0; i < 1500; i++) {
            args.add(file.toString());
        }
        String inProcess = runops(args.toArray(String[]::new)).out();
        assertThat(inProcess.length()).isGreaterThan(1 << 16);

        Path stdout = tmp.resolve("stdout.txt");
        Process p = launcher(args.toArray(String[]::new)).redirectOutput(stdout.toFile()).redirectError(tmp.resolve("stderr.txt").toFile()).start();
        assertThat(p.waitFor(100, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("stderr.txt"))).isZero();
        assertThat(Files.readString(stdout)).isEqualTo(inProcess);
    }

    /** Output that could not be written is not a success: {@code runops --version > /dev/full} says so and exits 2. */
    @Test
    @Timeout(120)
    void aStdoutThatCannotBeWrittenIsAnErrorNamedOnStderr() throws IOException, InterruptedException {
        Path full = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.isWritable(full), "/dev/full (Linux) is needed");
        ProcessBuilder english = launcher("--version");
        english.environment().put("LC_ALL", "C"); // the system's reason, untranslated
        Process p = english.redirectOutput(full.toFile()).redirectError(tmp.resolve("stderr.txt").toFile()).start();
        assertThat(p.waitFor(100, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(Files.readString(tmp.resolve("stderr.txt"))).isEqualTo("runops: error: cannot write standard output: No space left on device\n");
    }

    /**
     * A reader that stops reading ({@code | head}) chose to: no error, the command's own exit code, also where the
     * system's "Broken pipe" is translated (German, when glibc's translations are installed).
     */
    @Test
    @Timeout(120)
    void aClosedPipeIsTheReadersChoiceAndNoError() throws IOException, InterruptedException {
        Path file = RootFileWriter.create().tree("Events", 42).write(tmp.resolve("a.root"));
        List<String> args = new ArrayList<>(List.of("root", "entries", "--parallel", "1"));
        for (int i = 0; i < 1500; i++) { // more than the 64 K buffer and the pipe's 64 KB
            args.add(file.toString());
        }
        ProcessBuilder german = launcher(args.toArray(String[]::new));
        german.environment().putAll(Map.of("LANG", "C.UTF-8", "LANGUAGE", "de", "LC_ALL", ""));
        Process p = german.redirectError(tmp.resolve("stderr.txt").toFile()).start();
        p.getInputStream().close();
        assertThat(p.waitFor(100, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("stderr.txt"))).isZero();
        assertThat(Files.readString(tmp.resolve("stderr.txt"))).contains("counted 1500/1500 files").doesNotContain("error");
    }

    private static ProcessBuilder launcher(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RunopsCli.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }
}
