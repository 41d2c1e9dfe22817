package org.runops.core.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How a command ended.
 *
 * @param command  what was run
 * @param pid      its process id
 * @param exitCode its exit code; for a command killed at its timeout, whatever the kill left (usually 137 or 143)
 * @param timedOut whether it was killed because it ran past its timeout
 * @param duration wall time from start to end
 * @param logFile  where its output went
 */
public record ProcessResult(List<String> command, long pid, int exitCode, boolean timedOut, Duration duration, Path logFile) {
    public ProcessResult {
        command = List.copyOf(command);
    }

    /** Exit code 0 within the timeout. */
    public boolean succeeded() {
        return exitCode == 0 && !timedOut;
    }

    /** One line for logs and history. */
    public String summary() {
        String how = timedOut ? "killed after its timeout" : "exit code " + exitCode;
        return String.join(" ", command) + ": " + how + " after " + duration.toMillis() + " ms (output in " + logFile + ")";
    }
}
