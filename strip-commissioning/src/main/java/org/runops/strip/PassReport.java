package org.runops.strip;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one pass did: each run it looked at, the final decision and why.
 *
 * @param candidates runs on disk that no ledger holds yet
 * @param results    one line per candidate, in run order
 */
public record PassReport(int candidates, List<RunResult> results) {
    public PassReport {
        results = List.copyOf(results);
    }

    /** The final word on one run in this pass. */
    public record RunResult(long run, RunDecision decision, String reason) {
        public RunResult {
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** How many runs ended with each decision. */
    public Map<RunDecision, Long> counts() {
        Map<RunDecision, Long> counts = new EnumMap<>(RunDecision.class);
        results.forEach(r -> counts.merge(r.decision(), 1L, Long::sum));
        return counts;
    }
}
