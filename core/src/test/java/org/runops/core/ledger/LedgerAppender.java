package org.runops.core.ledger;

import java.nio.file.Path;

/** A separate process for {@link RunLedgerProcessTest}: appends {@code count} runs from {@code first} to a ledger. */
public final class LedgerAppender {
    private LedgerAppender() {}

    public static void main(String[] args) {
        long first = Long.parseLong(args[1]);
        int count = Integer.parseInt(args[2]);
        try (RunLedger ledger = RunLedger.open(Path.of(args[0]))) {
            for (int i = 0; i < count; i++) {
                ledger.append(first + i, "True", "False", "True", "True");
            }
        }
    }
}
