package org.runops.core.exec.batch;

import org.runops.core.RunopsException;

/** A submission could not be made; the message names the submission and the batch system. */
public class BatchException extends RunopsException {
    private static final long serialVersionUID = 1L;

    public BatchException(String message) {
        super(message);
    }

    public BatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
