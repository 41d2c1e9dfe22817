package org.runops.core.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs local commands without a shell: stdout and stderr appended to a log file (with a header line
 * saying what ran and when), the exit code kept, and at the timeout the whole process tree stopped
 * (TERM, then KILL after a grace period) so no orphaned child keeps working on a run.
 *
 * <pre>{@code
 * ProcessResult r = ProcessRunner.create().run(ProcessSpec.of(List.of("sh", "analysis.sh", "338999"),
 *         workDir, Duration.ofHours(2), logDir.resolve("run338999.log")));
 * }</pre>
 */
public final class ProcessRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessRunner.class);
    private static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);

    private final Duration grace;

    private ProcessRunner(Duration grace) {
        this.grace = grace;
    }

    public static ProcessRunner create() {
        return new ProcessRunner(DEFAULT_GRACE);
    }

    /** How long a process tree gets between TERM and KILL at a timeout. */
    public ProcessRunner withGracePeriod(Duration grace) {
        return new ProcessRunner(grace);
    }

    /**
     * Runs {@code spec} and waits for it.
     *
     * @throws ExecException when the command cannot be started, or the caller is interrupted (the
     *                       process tree is stopped first; the interrupt flag stays set)
     */
    public ProcessResult run(ProcessSpec spec) {
        return run(spec, null);
    }

    /**
     * As {@link #run(ProcessSpec)}, but stderr goes to its own file {@code errorFile} (appended), stdout
     * and the header line to the spec's log file; {@code null} sends both to the log file.
     */
    public ProcessResult run(ProcessSpec spec, Path errorFile) {
        header(spec);
        ProcessBuilder builder = new ProcessBuilder(spec.command())
                .directory(spec.workingDirectory().toFile())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()));
        if (errorFile == null) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(ProcessBuilder.Redirect.appendTo(errorFile.toFile()));
        }
        builder.environment().putAll(spec.environment());
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ExecException("cannot start " + String.join(" ", spec.command()) + " in " + spec.workingDirectory()
                    + ": " + e.getMessage(), e);
        }
        LOG.debug("started pid {}: {}", process.pid(), spec.command());
        boolean timedOut;
        try {
            timedOut = !process.waitFor(spec.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (timedOut) {
                LOG.warn("pid {} ran past its timeout of {}; stopping it and its children", process.pid(), spec.timeout());
                stopTree(process);
            }
        } catch (InterruptedException e) {
            stopTree(process);
            Thread.currentThread().interrupt();
            throw new ExecException("interrupted while waiting for " + String.join(" ", spec.command())
                    + "; its process tree was stopped", e);
        }
        ProcessResult result = new ProcessResult(spec.command(), process.pid(), process.exitValue(), timedOut,
                Duration.ofNanos(System.nanoTime() - start), spec.logFile());
        LOG.debug("{}", result.summary());
        return result;
    }

    /** TERM to the children and the process, KILL to whatever is left after the grace period. */
    private void stopTree(Process process) {
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle h : tree) {
            waitUntil(h, deadline);
        }
        waitUntil(process.toHandle(), deadline);
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(ProcessHandle h, long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0 || !h.isAlive()) {
            return;
        }
        try {
            h.onExit().get(left, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            // still alive at the deadline: KILL follows
        } catch (ExecutionException e) {
            // onExit() only ever completes normally: this is a JDK or programming error, not a slow process
            throw new IllegalStateException("waiting for pid " + h.pid() + " failed", e);
        }
    }

    private static void header(ProcessSpec spec) {
        try {
            if (spec.logFile().getParent() != null) {
                Files.createDirectories(spec.logFile().getParent());
            }
            String line = "# runops " + Instant.now() + " in " + spec.workingDirectory() + ": "
                    + String.join(" ", spec.command()) + System.lineSeparator();
            Files.write(spec.logFile(), line.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write log file " + spec.logFile(), e);
        }
    }
}
