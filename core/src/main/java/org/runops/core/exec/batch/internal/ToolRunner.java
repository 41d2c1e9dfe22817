package org.runops.core.exec.batch.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.runops.core.exec.ExecException;
import org.runops.core.exec.ProcessResult;
import org.runops.core.exec.ProcessRunner;
import org.runops.core.exec.ProcessSpec;
import org.runops.core.exec.batch.BatchException;
import org.runops.core.exec.batch.BatchTools;

/**
 * Runs one batch tool call through {@link ProcessRunner} (bounded, process tree stopped at the timeout) and
 * hands back what it printed. Failures to run at all, and timeouts, are {@link BatchException}s naming the
 * command and its directory; a non-zero exit is the caller's to judge.
 */
final class ToolRunner {
    private final BatchTools tools;
    private final ProcessRunner runner = ProcessRunner.create();

    ToolRunner(BatchTools tools) {
        this.tools = tools;
    }

    /** What a call printed and how it ended. */
    record Output(List<String> command, Path directory, int exitCode, String stdout, String stderr) {
        /** {@code `<command line>` in <directory>}, for messages. */
        String describe() {
            return "`" + Shell.join(command) + "` in " + directory;
        }

        /**
         * This output, when the call exited 0.
         *
         * @throws BatchException otherwise, naming the command, directory, exit code and the tool's error line
         */
        Output requireSuccess() {
            if (exitCode != 0) {
                throw new BatchException(describe() + " failed (exit code " + exitCode + "): " + errorLine());
            }
            return this;
        }

        /** The tool's own error line: the first stderr line starting {@code ERROR}, else the last non-blank one. */
        String errorLine() {
            List<String> lines = stderr.lines().filter(l -> !l.isBlank()).toList();
            return lines.stream().filter(l -> l.startsWith("ERROR")).findFirst()
                    .orElse(lines.isEmpty() ? "(nothing on stderr)" : lines.get(lines.size() - 1));
        }
    }

    /** The argv of {@code tool} with {@code args}, the tool resolved as {@link BatchTools#executable} says. */
    List<String> argv(String tool, List<String> args) {
        return Stream.concat(Stream.of(tools.executable(tool)), args.stream()).toList();
    }

    /** Runs {@code command} in a scratch directory (for queries, where the directory does not matter). */
    Output run(List<String> command) {
        return run(command, null);
    }

    /** Runs {@code command} in {@code directory}; {@code null}: in a scratch directory. */
    Output run(List<String> command, Path directory) {
        Path capture = null;
        try {
            capture = Files.createTempDirectory("runops-batch-");
            Path dir = directory == null ? capture : directory;
            Path out = capture.resolve("stdout");
            Path err = capture.resolve("stderr");
            ProcessSpec spec = new ProcessSpec(command, dir, tools.environment(), tools.timeout(), out);
            ProcessResult r = runner.run(spec, err);
            Output output = new Output(command, dir, r.exitCode(), withoutHeader(text(out)), Files.exists(err) ? text(err) : "");
            if (r.timedOut()) {
                throw new BatchException(output.describe() + " did not end within " + tools.timeout()
                        + "; it was stopped (stdout so far: '" + abbreviate(output.stdout()) + "')");
            }
            return output;
        } catch (ExecException e) {
            throw new BatchException(e.getMessage(), e); // names the command and the directory
        } catch (IOException | UncheckedIOException e) {
            throw new BatchException("cannot capture the output of `" + Shell.join(command) + "` in a temporary directory: "
                    + e.getMessage(), e);
        } finally {
            deleteQuietly(capture);
        }
    }

    /** A capture as text; bytes that are not UTF-8 (a hold reason in Latin-1) become U+FFFD rather than an error. */
    private static String text(Path capture) throws IOException {
        return new String(Files.readAllBytes(capture), StandardCharsets.UTF_8);
    }

    /** ProcessRunner starts its log file with one header line of its own. */
    private static String withoutHeader(String log) {
        int newline = log.indexOf('\n');
        return log.startsWith("# runops ") && newline >= 0 ? log.substring(newline + 1) : log;
    }

    /** At most 2000 characters of {@code text}, for a message. */
    static String abbreviate(String text) {
        String t = text.strip();
        return t.length() <= 2000 ? t : t.substring(0, 2000) + "...(" + t.length() + " characters)";
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover capture folder in the temp directory is harmless; the call's result stands
        }
    }
}
