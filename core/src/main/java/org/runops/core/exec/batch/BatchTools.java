package org.runops.core.exec.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a batch system's command-line tools ({@code condor_submit}, {@code sbatch}, ...) are run: from a
 * directory or the {@code PATH}, each call bounded by a timeout, with extra environment variables (e.g.
 * {@code CONDOR_CONFIG}, {@code SLURM_CONF}) on top of this process's environment.
 *
 * @param binDirectory where the tools are; empty: found on the {@code PATH}
 * @param timeout      the longest one call may take before it is stopped and reported as a failure
 * @param environment  extra environment variables for every call
 */
public record BatchTools(Optional<Path> binDirectory, Duration timeout, Map<String, String> environment) {

    /** The timeout of {@link #onPath()}: a busy schedd can take tens of seconds to answer. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    public BatchTools {
        Objects.requireNonNull(binDirectory, "binDirectory");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("batch tool timeout must be positive, got " + timeout);
        }
        environment = Map.copyOf(environment);
    }

    /** The tools on the {@code PATH}, {@link #DEFAULT_TIMEOUT}, no extra environment. */
    public static BatchTools onPath() {
        return new BatchTools(Optional.empty(), DEFAULT_TIMEOUT, Map.of());
    }

    /** The same, with the tools taken from {@code directory}. */
    public BatchTools inDirectory(Path directory) {
        return new BatchTools(Optional.of(directory), timeout, environment);
    }

    /** The same, with each call bounded by {@code perCall}. */
    public BatchTools withTimeout(Duration perCall) {
        return new BatchTools(binDirectory, perCall, environment);
    }

    /** The same, with these extra environment variables. */
    public BatchTools withEnvironment(Map<String, String> extra) {
        return new BatchTools(binDirectory, timeout, extra);
    }

    /** What to put in an argv for {@code tool}: its path in {@link #binDirectory()}, else its bare name. */
    public String executable(String tool) {
        return binDirectory.map(d -> d.resolve(tool).toString()).orElse(tool);
    }
}
