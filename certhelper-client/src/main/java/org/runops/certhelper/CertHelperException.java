package org.runops.certhelper;

import org.runops.core.RunopsException;

/** Certhelper could not be asked, its answer was unusable, or its cache could not be used; the message names URL and cache file. */
public class CertHelperException extends RunopsException {
    private static final long serialVersionUID = 1L;

    public CertHelperException(String message) {
        super(message);
    }

    public CertHelperException(String message, Throwable cause) {
        super(message, cause);
    }
}
