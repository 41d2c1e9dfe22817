package org.runops.runregistry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.runops.runregistry.internal.Attributes;

/**
 * One dataset of Run Registry's offline table ({@code datasets_filtered_ordered}): a run's reconstruction
 * ({@code /PromptReco/Collisions2018A/DQM}, {@code /Express/Collisions2018/DQM}, {@code online}) with the
 * sign-off state of every workspace and the flag counts of every column. Read from the server's shape
 * ({@code dataset_attributes}, {@code DatasetTripletCache.triplet_summary}, the run as {@code Run{...}}) or the
 * Python client's flattened one ({@code data/runregistry/rr_dataset_record_*.json}).
 *
 * @param run             the run number
 * @param name            the Run Registry dataset name
 * @param runClass        the run's class ({@code Collisions21Special}), "" when absent
 * @param state           the run's state (OPEN, SIGNOFF, COMPLETED), "" when absent
 * @param significant     whether the run is significant
 * @param workspaceStates sign-off state by workspace ({@code tracker} → {@code COMPLETED}), from {@code <ws>_state}
 * @param triplets        flag summary by column ({@code tracker-strip}); empty when the server has none cached
 * @param datasetsInGui   the DQM GUI datasets of this reconstruction ({@code /ZeroBias/Run2018D-PromptReco-v2/DQMIO})
 * @param deleted         whether the dataset is marked deleted
 * @param version         the server's version counter of the record
 * @param rrAttributes    the run's Run Registry attributes as sent ({@code class}, {@code stop_reason}, ...)
 */
public record RrDataset(long run, String name, String runClass, String state, boolean significant,
        Map<String, String> workspaceStates, Map<String, TripletSummary> triplets, List<String> datasetsInGui,
        boolean deleted, long version, Map<String, JsonNode> rrAttributes) {
    public RrDataset {
        if (run <= 0) {
            throw new IllegalArgumentException("run number must be positive, got " + run);
        }
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("dataset name must not be blank (run " + run + ")");
        }
        runClass = Objects.requireNonNullElse(runClass, "");
        state = Objects.requireNonNullElse(state, "");
        workspaceStates = Attributes.ordered(workspaceStates);
        triplets = Attributes.ordered(triplets);
        datasetsInGui = List.copyOf(datasetsInGui);
        rrAttributes = Attributes.copy(rrAttributes);
    }

    /** The sign-off state of {@code workspace} ({@code tracker}), if given. */
    public Optional<String> workspaceState(String workspace) {
        return Optional.ofNullable(workspaceStates.get(workspace));
    }

    /** The summary of {@code column} ({@code tracker-strip}), if the dataset has one. */
    public Optional<TripletSummary> triplet(String column) {
        return Optional.ofNullable(triplets.get(column));
    }
}
