package org.runops.calo;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.runops.core.exec.batch.BatchSubmitted;

/**
 * What {@link CdbMapPlanner#execute(Plan, ExecuteOptions)} did.
 *
 * @param directory         the plan's directory (lists, {@code jobs.list}, log, {@code plan.json})
 * @param plan              the plan executed
 * @param queued            the runs in {@code jobs.list}: submitted, or what a submission would submit
 * @param submitted         what the batch system accepted; empty for a dry run or nothing to submit
 * @param submissionCommand the exact submit command, or the local system's submission in words (logged as
 *                          {@code Submission Command: ...}); empty when nothing was queued
 * @param waiting           runs not queued because an earlier job is in flight or undecided
 * @param done              runs not queued because an earlier job of the same work succeeded (maps made, not yet uploaded)
 * @param givenUp           runs not queued because they failed as often as allowed
 */
public record ExecuteResult(Path directory, Plan plan, List<RunTag> queued, Optional<BatchSubmitted> submitted,
        String submissionCommand, List<SkippedRun> waiting, List<SkippedRun> done, List<SkippedRun> givenUp) {
    public ExecuteResult {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(plan, "plan");
        queued = List.copyOf(queued);
        Objects.requireNonNull(submitted, "submitted");
        Objects.requireNonNull(submissionCommand, "submissionCommand");
        waiting = List.copyOf(waiting);
        done = List.copyOf(done);
        givenUp = List.copyOf(givenUp);
    }
}
