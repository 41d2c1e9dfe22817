package org.runops.dqm;

import org.runops.core.RunopsException;

/**
 * The DQM GUI could not answer as expected: HTTP or TLS failure, a credential that cannot be used, a
 * body that is not a jsonfairy answer. The message names the URL or file and what was expected.
 */
public class DqmException extends RunopsException {
    private static final long serialVersionUID = 1L;

    public DqmException(String message) {
        super(message);
    }

    public DqmException(String message, Throwable cause) {
        super(message, cause);
    }
}
