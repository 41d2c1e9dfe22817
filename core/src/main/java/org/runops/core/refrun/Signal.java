package org.runops.core.refrun;

/**
 * The evidence a recommendation adds up, each reported as its own contribution to a candidate's score.
 * The history signals weigh how recently a run served as reference in ever wider circles around
 * the target: its own dataset, datasets of the same run type and reconstruction (a new dataset
 * version, {@code -v1} to {@code -v2}, inherits from the old one), the same run type, any dataset.
 * The same-run signals use what the target's own run chose when it was certified in an earlier
 * reconstruction (its express choice, for its prompt certification).
 */
public enum Signal {
    SAME_DATASET("dataset", "used recently in the target's dataset"),
    SAME_TYPE_AND_RECONSTRUCTION("type+reco", "used recently for the same run type and reconstruction"),
    SAME_RUN_TYPE("run type", "used recently for the same run type"),
    ANY_DATASET("anywhere", "used recently in any dataset"),
    FEATURE_DISTANCE("conditions", "run conditions close to the target's (standardised feature distance)"),
    SAME_RUN_EARLIER_RECONSTRUCTION("same run", "chosen for the target's run in an earlier reconstruction (express, for prompt)"),
    EARLIER_RECONSTRUCTION_COUNTERPART("counterpart",
            "chosen last time this reconstruction followed an earlier one that chose what the target's run chose there");

    private final String label;
    private final String description;

    Signal(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** A short name for table columns. */
    public String label() {
        return label;
    }

    /** What the signal means, for tables and logs. */
    public String description() {
        return description;
    }
}
