package org.runops.calo;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What to ask the FileCatalog for: the HIST files of one run type, per run only those of its winning tag.
 *
 * @param runType   the run type and its run range
 * @param policy    how the winning tag of a run is chosen
 * @param minEvents when present, keep only runs whose DST events (of the same tag, run and segments as the
 *                  HIST files) sum to more than this (the 2025-07 query); absent: no threshold
 */
public record CatalogQuery(RunType runType, TagSelectionPolicy policy, OptionalLong minEvents) {
    public CatalogQuery {
        Objects.requireNonNull(runType, "runType");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(minEvents, "minEvents");
        if (minEvents.isPresent() && minEvents.getAsLong() < 0) {
            throw new IllegalArgumentException("minEvents must not be negative, got " + minEvents.getAsLong());
        }
    }
}
