package org.runops.strip;

import java.util.Objects;

/** A judgement after (pre-)validation, with its reason. */
public record Outcome(Verdict verdict, Reason reason, String detail) {
    public enum Verdict {
        /** Existing outputs are valid: no analysis. */
        NO_ANALYSIS,
        /** Run the analysis. */
        ANALYSE,
        /** Record in the good ledger. */
        GOOD,
        /** Analyse once more, then judge again. */
        RETRY,
        /** Record in the failed ledger. */
        FAILED,
        /** The check could not be made: delete and record nothing, look again next pass. */
        RETRY_LATER
    }

    public Outcome {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
