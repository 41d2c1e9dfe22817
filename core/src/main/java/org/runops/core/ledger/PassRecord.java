package org.runops.core.ledger;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One pass of a periodic job (a daemon's pass over new runs), as it goes into {@code history.jsonl}
 * beside the per-run decisions: when it ran, how it ended, and when the next one is due.
 *
 * @param started     when the pass started
 * @param finished    when it ended (or failed)
 * @param host        on which host
 * @param outcome     {@code COMPLETED}, or {@code FAILED} when the pass threw before looking at every run
 * @param candidates  runs the pass looked at (0 when it failed before it knew)
 * @param counts      how many runs ended with each decision
 * @param error       what failed, naming the exception and its cause; empty when completed
 * @param nextPassDue when the job meant to start its next pass, as of this one
 */
public record PassRecord(Instant started, Instant finished, String host, Outcome outcome, int candidates, Map<String, Long> counts,
        String error, Instant nextPassDue) {

    /** How a pass ended. */
    public enum Outcome { COMPLETED, FAILED }

    public PassRecord {
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(finished, "finished");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(nextPassDue, "nextPassDue");
        if (finished.isBefore(started)) {
            throw new IllegalArgumentException("pass finished at " + finished + " before it started at " + started);
        }
        if (candidates < 0) {
            throw new IllegalArgumentException("candidates must not be negative: " + candidates);
        }
        if ((outcome == Outcome.FAILED) == error.isBlank()) {
            throw new IllegalArgumentException("a FAILED pass names its error, a COMPLETED one has none: " + outcome + " '" + error + "'");
        }
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }
}
