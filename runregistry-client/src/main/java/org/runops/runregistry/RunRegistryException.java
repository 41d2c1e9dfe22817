package org.runops.runregistry;

import org.runops.core.RunopsException;

/**
 * Run Registry could not answer as expected: HTTP failure, an {@code {"err": ...}} answer, a short or
 * inconsistent page, a JSON-portal job that failed or did not finish in time, a malformed record. The
 * message names the endpoint (never a token) and what was expected; {@link #serverMessage()} is the
 * server's own {@code err} text when it gave one.
 */
public class RunRegistryException extends RunopsException {
    private static final long serialVersionUID = 1L;

    private final String serverMessage;

    public RunRegistryException(String message) {
        this(message, (Throwable) null);
    }

    public RunRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.serverMessage = null;
    }

    /** An error the server explained: {@code serverMessage} is its {@code err} text. */
    public RunRegistryException(String message, String serverMessage, Throwable cause) {
        super(message, cause);
        this.serverMessage = serverMessage;
    }

    /** The server's {@code err} text, or null when the server did not explain. */
    public String serverMessage() {
        return serverMessage;
    }
}
