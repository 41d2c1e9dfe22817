package org.runops.calo.internal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One tag that holds HIST_CALOQA files of one run, with the times the two policies compare.
 *
 * @param run           the run
 * @param tag           the tag
 * @param latestFile    the latest registration time of the run's files of this tag ({@code RUN_LATEST_FILE})
 * @param campaignStart the earliest registration time of any file of this tag, all runs ({@code CAMPAIGN_START});
 *                      empty when not read
 */
public record TagCandidate(long run, String tag, Instant latestFile, Optional<Instant> campaignStart) {
    public TagCandidate {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(latestFile, "latestFile");
        Objects.requireNonNull(campaignStart, "campaignStart");
    }
}
