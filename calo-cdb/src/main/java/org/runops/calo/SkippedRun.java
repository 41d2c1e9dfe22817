package org.runops.calo;

import java.util.Objects;

/**
 * A run a plan does not process, and why: deferred (the CDB or a file check could not decide: tried
 * again next time) or dropped (nothing to do, or nothing to do it with).
 *
 * @param runTag the run and its winning tag
 * @param reason why, in words
 */
public record SkippedRun(RunTag runTag, String reason) {
    public SkippedRun {
        Objects.requireNonNull(runTag, "runTag");
        Objects.requireNonNull(reason, "reason");
    }
}
