package org.runops.runregistry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.runops.runregistry.internal.Attributes;

/**
 * One run of Run Registry's online table ({@code runs_filtered_ordered}). Read from the server's shape
 * ({@code rr_attributes}, {@code oms_attributes}, {@code DatasetTripletCache.triplet_summary}) or the Python
 * client's flattened one (rr attributes spread over the record, summary as {@code lumisections}).
 *
 * @param run           the run number
 * @param runClass      {@code rr_attributes.class} ({@code Collisions18}, ...), "" when absent
 * @param state         {@code rr_attributes.state} (OPEN, SIGNOFF, COMPLETED), "" when absent
 * @param significant   {@code rr_attributes.significant}
 * @param rrAttributes  every Run Registry attribute as sent, in the server's order
 * @param omsAttributes the OMS attributes Run Registry copied ({@code energy}, {@code b_field}, ...)
 * @param triplets      summary by column ({@code tracker-strip}); empty when the server has none cached
 */
public record RrRun(long run, String runClass, String state, boolean significant, Map<String, JsonNode> rrAttributes,
        Map<String, JsonNode> omsAttributes, Map<String, TripletSummary> triplets) {
    public RrRun {
        if (run <= 0) {
            throw new IllegalArgumentException("run number must be positive, got " + run);
        }
        runClass = Objects.requireNonNullElse(runClass, "");
        state = Objects.requireNonNullElse(state, "");
        rrAttributes = Attributes.copy(rrAttributes);
        omsAttributes = Attributes.copy(omsAttributes);
        triplets = Attributes.ordered(triplets);
    }

    /** The summary of {@code column} ({@code tracker-strip}), if the run has one. */
    public Optional<TripletSummary> triplet(String column) {
        return Optional.ofNullable(triplets.get(column));
    }

    /** An OMS attribute ({@code energy}), absent when missing or JSON null. */
    public Optional<JsonNode> omsAttribute(String name) {
        return Attributes.value(omsAttributes, name);
    }

    /** A Run Registry attribute ({@code stop_reason}), absent when missing or JSON null. */
    public Optional<JsonNode> rrAttribute(String name) {
        return Attributes.value(rrAttributes, name);
    }
}
