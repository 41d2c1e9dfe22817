package org.runops.strip;

/** Why a run was (not) processed: one code per row of the decision table (spec §1.4). */
public enum Reason {
    /** Row 1: the RUN table has no row for the run; asked again next pass. */
    NOT_IN_RUN_DB,
    /** Row 3: ENDTIME is NULL. */
    RUN_NOT_FINISHED,
    /** Row 4: ended less than the end delay ago. */
    RECENTLY_FINISHED,
    /** Row 6: RUNMODE is NULL or not a known code; recorded once in the ignored ledger. */
    UNKNOWN_RUN_MODE,
    /** Row 6: a mode this job never analyses; recorded once in the ignored ledger (fix: the original re-queried forever). */
    MODE_NOT_ANALYSED,
    /** Row 7: the partition belongs to another host. */
    PARTITION_ON_OTHER_HOST,
    /** Row 7b: scope runs are analysed by the host that has TI. */
    SCOPE_RUN_ON_OTHER_HOST,
    /** Row 8: an analysis lock file exists (either name the scripts use). */
    ANALYSIS_RUNNING,
    /** Row 9: a zero-event run; recorded as good without analysis. */
    ZERO_EVENT_RUN,
    /** Rows 10-11: to be validated and, if needed, analysed. */
    READY,
    /** Row 11: EDM and ANALYSIS rows already valid (and not a scope run): no analysis needed. */
    ALREADY_VALID,
    /** Row 11: the outputs are not valid yet, or it is a scope run. */
    NEEDS_ANALYSIS,
    /** Row 12: times valid, EDM events match, ANALYSIS rows complete. */
    VALIDATED,
    /** Row 13: validation failed on the first attempt: the run is analysed once more. */
    RETRY,
    /** Row 14: validation failed again: recorded in the failed ledger. */
    VALIDATION_FAILED,
    /**
     * The outputs could not be checked (I/O error, interrupt, or the EDM file changed between two
     * reads): nothing deleted, nothing recorded, looked at again next pass.
     */
    CHECK_INDETERMINATE,
    /** The ANALYSIS or RUN table could not be queried during the run's processing: looked at again next pass. */
    DATABASE_UNREACHABLE,
    /**
     * A history line written by the pass after the one that recorded the run: that pass stopped between
     * its ledger line and its history line (see StripLedgers for the write order).
     */
    RECOVERED
}
