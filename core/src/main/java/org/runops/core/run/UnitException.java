package org.runops.core.run;

import org.runops.core.RunopsException;

/** A unit that is not known, missing, or of another family than the conversion asked for; the message names both units. */
public class UnitException extends RunopsException {
    private static final long serialVersionUID = 1L;

    public UnitException(String message) {
        super(message);
    }
}
