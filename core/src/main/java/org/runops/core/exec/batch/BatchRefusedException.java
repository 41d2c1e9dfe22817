package org.runops.core.exec.batch;

/**
 * The submit tool said no (exited non-zero): the scheduler queued nothing, so the work may be submitted
 * again. Any other failure of a submit (a tool killed at its timeout, a reply that cannot be read) leaves
 * open whether jobs were queued.
 */
public class BatchRefusedException extends BatchException {
    private static final long serialVersionUID = 1L;

    public BatchRefusedException(String message) {
        super(message);
    }
}
