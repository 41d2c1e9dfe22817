package org.runops.calo;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What {@link CdbMapPlanner#plan(PlanOptions)} plans for.
 *
 * @param runType   the run type (and its run range)
 * @param policy    how the winning tag of each run is chosen
 * @param minEvents when present, the 2025-07 threshold: a run is kept only if its events sum to more than
 *                  this, in the catalogue and again over its valid files
 * @param maxRuns   refuse a plan with more runs needing maps than this (the original's guard: 20000)
 */
public record PlanOptions(RunType runType, TagSelectionPolicy policy, OptionalLong minEvents, int maxRuns) {
    /** The original's guard against planning a whole run range by mistake. */
    public static final int DEFAULT_MAX_RUNS = 20_000;

    public PlanOptions {
        Objects.requireNonNull(runType, "runType");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(minEvents, "minEvents");
        if (minEvents.isPresent() && minEvents.getAsLong() < 0) {
            throw new IllegalArgumentException("minEvents must not be negative, got " + minEvents.getAsLong());
        }
        if (maxRuns < 1) {
            throw new IllegalArgumentException("maxRuns must be at least 1, got " + maxRuns);
        }
    }

    /** The current rule (latest file per run wins), no event threshold, the original's run limit. */
    public static PlanOptions of(RunType runType) {
        return new PlanOptions(runType, TagSelectionPolicy.RUN_LATEST_FILE, OptionalLong.empty(), DEFAULT_MAX_RUNS);
    }

    public PlanOptions withPolicy(TagSelectionPolicy p) {
        return new PlanOptions(runType, p, minEvents, maxRuns);
    }

    public PlanOptions withMinEvents(long threshold) {
        return new PlanOptions(runType, policy, OptionalLong.of(threshold), maxRuns);
    }

    public PlanOptions withMaxRuns(int limit) {
        return new PlanOptions(runType, policy, minEvents, limit);
    }
}
