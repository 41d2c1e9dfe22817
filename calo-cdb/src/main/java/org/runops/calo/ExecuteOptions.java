package org.runops.calo;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.runops.core.exec.batch.SubmissionPolicy;

/**
 * How {@link CdbMapPlanner#execute(Plan, ExecuteOptions)} renders and (only when asked) submits a plan.
 *
 * @param submit          submit the map jobs; otherwise a dry run that renders everything and logs the
 *                        submission command (the original's default)
 * @param mapJob          the map builder ({@code CaloCDB-GenStatus}): run as {@code [wrapper] mapJob <list> <plan dir>/output}
 * @param wrapper         the job wrapper ({@code genStatus.sh}), when jobs run through one
 * @param memoryGigabytes memory each job requests, GB (the original's {@code --memory}, 0.5)
 * @param logDirectory    where job logs go, one sub-directory per plan (default: {@code <plan dir>/logs}); never emptied
 * @param retries         how often a failed run is submitted again
 * @param verbose         log per-stage details in the plan's log
 */
public record ExecuteOptions(boolean submit, Path mapJob, Optional<Path> wrapper, double memoryGigabytes,
        Optional<Path> logDirectory, SubmissionPolicy retries, boolean verbose) {
    public ExecuteOptions {
        Objects.requireNonNull(mapJob, "mapJob");
        Objects.requireNonNull(wrapper, "wrapper");
        if (!(memoryGigabytes > 0) || Double.isInfinite(memoryGigabytes)) {
            throw new IllegalArgumentException("memory must be a positive number of GB, got " + memoryGigabytes);
        }
        Objects.requireNonNull(logDirectory, "logDirectory");
        Objects.requireNonNull(retries, "retries");
        for (Path p : wrapper.isPresent() ? List.of(mapJob, wrapper.get()) : List.of(mapJob)) {
            if (p.toString().chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("job command path must not contain white space: '" + p + "'");
            }
        }
    }

    /** A dry run of {@code mapJob}, 0.5 GB per job, logs in the plan directory, three attempts per run. */
    public static ExecuteOptions dryRun(Path mapJob) {
        return new ExecuteOptions(false, mapJob, Optional.empty(), 0.5, Optional.empty(), SubmissionPolicy.DEFAULT, false);
    }

    public ExecuteOptions withSubmit(boolean doSubmit) {
        return new ExecuteOptions(doSubmit, mapJob, wrapper, memoryGigabytes, logDirectory, retries, verbose);
    }

    public ExecuteOptions withWrapper(Path script) {
        return new ExecuteOptions(submit, mapJob, Optional.of(script), memoryGigabytes, logDirectory, retries, verbose);
    }

    public ExecuteOptions withMemoryGigabytes(double gb) {
        return new ExecuteOptions(submit, mapJob, wrapper, gb, logDirectory, retries, verbose);
    }

    public ExecuteOptions withLogDirectory(Path dir) {
        return new ExecuteOptions(submit, mapJob, wrapper, memoryGigabytes, Optional.of(dir), retries, verbose);
    }

    public ExecuteOptions withRetries(SubmissionPolicy policy) {
        return new ExecuteOptions(submit, mapJob, wrapper, memoryGigabytes, logDirectory, policy, verbose);
    }

    public ExecuteOptions withVerbose(boolean v) {
        return new ExecuteOptions(submit, mapJob, wrapper, memoryGigabytes, logDirectory, retries, v);
    }

    /** The memory request in MiB, rounded up. */
    public long memoryMegabytes() {
        return (long) Math.ceil(memoryGigabytes * 1024);
    }
}
