package org.runops.core.exec;

import org.runops.core.RunopsException;

/** A command could not be started, or waiting for it was interrupted; the message names the command. */
public class ExecException extends RunopsException {
    private static final long serialVersionUID = 1L;

    public ExecException(String message, Throwable cause) {
        super(message, cause);
    }
}
