package org.runops.core;

/**
 * The one unchecked root of every runops exception. Each area has its own subclass
 * (for example {@link org.runops.core.root.RootFormatException}); messages name the input
 * (file and byte offset, URL and status, run number) and what was expected there.
 */
public class RunopsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunopsException(String message) {
        super(message);
    }

    public RunopsException(String message, Throwable cause) {
        super(message, cause);
    }
}
