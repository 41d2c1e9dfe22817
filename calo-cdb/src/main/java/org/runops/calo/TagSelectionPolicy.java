package org.runops.calo;

/**
 * Which production tag stands for a run when several tags hold files of it. Ties go to the
 * lexicographically greatest tag, so a plan never depends on row order.
 */
public enum TagSelectionPolicy {
    /**
     * The legacy rule (the pandas version): a tag's start is the earliest registration time of its files in
     * the query's result (the run type's range and, with a minimum of events, the (tag, run) pairs above it;
     * the tag's files of other run types do not count); per run the tag that started most recently wins.
     */
    CAMPAIGN_START,
    /** The current rule (the SQL CTE): per (run, tag) the latest registration time of that run's files; the greatest wins. */
    RUN_LATEST_FILE
}
