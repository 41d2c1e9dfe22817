package org.runops.core.ledger;

import org.runops.core.RunopsException;

/** A ledger, history or lease file could not be read or written; the message names the file. */
public class LedgerException extends RunopsException {
    private static final long serialVersionUID = 1L;

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }

    public LedgerException(String message) {
        super(message);
    }
}
