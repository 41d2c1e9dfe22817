package org.runops.core.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to run: the command (no shell involved), where, with which extra environment, for how long at
 * most, and the log file that receives its stdout and stderr (appended).
 */
public record ProcessSpec(List<String> command, Path workingDirectory, Map<String, String> environment, Duration timeout,
        Path logFile) {

    public ProcessSpec {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        Objects.requireNonNull(logFile, "logFile");
    }

    /** A spec with no extra environment. */
    public static ProcessSpec of(List<String> command, Path workingDirectory, Duration timeout, Path logFile) {
        return new ProcessSpec(command, workingDirectory, Map.of(), timeout, logFile);
    }
}
