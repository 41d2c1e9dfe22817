package org.runops.calo;

import org.runops.core.RunopsException;

/** A calo-cdb step could not be done; the message names the input (catalogue, URL, run, file) and what was wrong. */
public class CaloException extends RunopsException {
    private static final long serialVersionUID = 1L;

    public CaloException(String message) {
        super(message);
    }

    public CaloException(String message, Throwable cause) {
        super(message, cause);
    }
}
