package org.runops.core.refrun;

/**
 * The evidence a recommendation adds up, each reported as its own contribution to a candidate's score.
 * The history signals weigh how recently a run served as reference in ever wider circles around
 * the target: its own dataset, datasets of the same run type and reconstruction (a new dataset
 * version, {@code -v1} to {@code -v2}, inherits from the old one), the same run type, any dataset.
 */
public enum Signal {
    SAME_DATASET("used recently in the target's dataset"),
    SAME_TYPE_AND_RECONSTRUCTION("used recently for the same run type and reconstruction"),
    SAME_RUN_TYPE("used recently for the same run type"),
    ANY_DATASET("used recently in any dataset"),
    FEATURE_DISTANCE("run conditions close to the target's (standardised feature distance)");

    private final String description;

    Signal(String description) {
        this.description = description;
    }

    /** What the signal means, for tables and logs. */
    public String description() {
        return description;
    }
}
