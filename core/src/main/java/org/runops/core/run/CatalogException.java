package org.runops.core.run;

import org.runops.core.RunopsException;

/** A run catalogue could not answer; the message names the source (URL, database) and what failed. */
public class CatalogException extends RunopsException {
    private static final long serialVersionUID = 1L;

    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
