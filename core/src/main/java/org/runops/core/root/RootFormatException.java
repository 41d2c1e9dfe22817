package org.runops.core.root;

import java.nio.file.Path;
import org.runops.core.RunopsException;

/**
 * A ROOT file (or one record in it) is not what the format says it should be: the message
 * names the file, the byte offset and what was expected there. Also thrown for a compression
 * algorithm this reader does not support, rather than returning a wrong number.
 */
public class RootFormatException extends RunopsException {
    private static final long serialVersionUID = 1L;

    public RootFormatException(String message) {
        super(message);
    }

    public RootFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A message of the form {@code "<file> @<offset>: <what>"}. */
    public static RootFormatException at(Path file, long offset, String what) {
        return new RootFormatException(file + " @" + offset + ": " + what);
    }
}
