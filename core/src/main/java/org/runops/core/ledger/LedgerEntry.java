package org.runops.core.ledger;

import java.util.List;

/**
 * One line of a run ledger: {@code run<N>} and optional fields, e.g. {@code run338592} or
 * {@code run294236 True True False False}.
 *
 * @param lineNumber 1-based line in the file
 * @param run        the run number
 * @param fields     the whitespace-separated fields after the run
 */
public record LedgerEntry(int lineNumber, long run, List<String> fields) {
    public LedgerEntry {
        if (run < 0) {
            throw new IllegalArgumentException("run number must not be negative: " + run);
        }
        fields = List.copyOf(fields);
    }

    /** The line as the original cron job writes it (without the newline). */
    public String line() {
        return fields.isEmpty() ? "run" + run : "run" + run + " " + String.join(" ", fields);
    }
}
