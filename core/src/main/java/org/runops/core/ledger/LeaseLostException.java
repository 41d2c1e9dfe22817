package org.runops.core.ledger;

/**
 * The lease is someone else's now (taken over after this holder's heartbeat lapsed, or released): renewing
 * it again cannot help, and nothing may be recorded or deleted for the run on its strength. Unlike a plain
 * {@link LedgerException} (a lease file that could not be read or written this time), it is final.
 */
public class LeaseLostException extends LedgerException {
    private static final long serialVersionUID = 1L;

    public LeaseLostException(String message) {
        super(message);
    }
}
