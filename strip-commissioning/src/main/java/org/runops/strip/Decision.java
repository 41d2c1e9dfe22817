package org.runops.strip;

import java.util.List;
import java.util.Objects;

/**
 * What to do with a run before any action, and why.
 *
 * @param run        the run
 * @param action     what to do
 * @param reason     the decision-table row that decided it
 * @param detail     the facts behind the reason, in words
 * @param mode       the run mode, when known
 * @param partitions the DB partition names to analyse (one; every row's for a scope run)
 * @param timeValid  the original's validate_time(start, end): needed for a good run, never a reason to skip
 */
public record Decision(long run, Action action, Reason reason, String detail, RunMode mode, List<String> partitions,
        boolean timeValid) {

    /** What a decision leads to. */
    public enum Action {
        /** Nothing now; the run is looked at again next pass. */
        SKIP,
        /** Record in the ignored ledger: never analysed, never asked about again. */
        IGNORE,
        /** Record in the good ledger without analysis. */
        RECORD_GOOD,
        /** Validate the outputs and analyse if needed. */
        PROCEED
    }

    public Decision {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        partitions = List.copyOf(partitions);
    }

    /** {@code REASON: detail}, for logs and history. */
    public String explain() {
        return reason + ": " + detail;
    }
}
