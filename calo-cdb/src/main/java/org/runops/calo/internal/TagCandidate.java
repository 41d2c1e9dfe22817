package org.runops.calo.internal;

import java.time.Instant;
import java.util.Objects;

/**
 * One tag that holds HIST_CALOQA files of one run, with the times the two policies compare.
 *
 * @param run           the run
 * @param tag           the tag
 * @param latestFile    the latest registration time of the run's files of this tag ({@code RUN_LATEST_FILE})
 * @param campaignStart the earliest registration time of this tag's files among the query's kept rows (its run range
 *                      and, with a threshold, the (run, tag) pairs above it), as the pandas rule ({@code CAMPAIGN_START})
 */
public record TagCandidate(long run, String tag, Instant latestFile, Instant campaignStart) {
    public TagCandidate {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(latestFile, "latestFile");
        Objects.requireNonNull(campaignStart, "campaignStart");
    }
}
