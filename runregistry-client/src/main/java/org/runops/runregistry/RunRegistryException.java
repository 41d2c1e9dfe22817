package org.runops.runregistry;

import org.runops.core.RunopsException;

/**
 * Run Registry could not answer as expected: HTTP failure, an {@code {"err": ...}} answer, a short or
 * inconsistent page, a JSON-portal job that failed or did not finish in time, a malformed record. The
 * message names the endpoint (never a token) and what was expected.
 */
public class RunRegistryException extends RunopsException {
    private static final long serialVersionUID = 1L;

    public RunRegistryException(String message) {
        super(message);
    }

    public RunRegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
