package org.runops.core.root;

import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.NoSuchFileException;
import org.runops.core.RunopsException;

/**
 * A ROOT file could not be read: an I/O error (disk, network mount), an interrupt, a path that is not
 * a regular file. Unlike {@link RootFormatException} this says nothing about the file's content, so
 * the same read may succeed later. The message names the file and, for a failed read, the byte range.
 */
public class RootReadException extends RunopsException {
    private static final long serialVersionUID = 1L;

    public RootReadException(String message) {
        super(message);
    }

    public RootReadException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The reading thread was interrupted (its read was abandoned; the file may be fine). */
    public boolean interrupted() {
        return getCause() instanceof ClosedByInterruptException || getCause() instanceof InterruptedIOException
                || getCause() instanceof InterruptedException;
    }

    /** The file does not exist. */
    public boolean missing() {
        return getCause() instanceof NoSuchFileException;
    }
}
