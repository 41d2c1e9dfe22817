package org.runops.core.events;

import java.nio.file.Path;
import org.runops.core.RunopsException;

/** A DAQ {@code .jsn} or {@code .jsd} file is not what the DAQ writes; the message names the file and what is wrong. */
public class JsnFormatException extends RunopsException {
    private static final long serialVersionUID = 1L;

    public JsnFormatException(Path file, String what) {
        super(file + ": " + what);
    }

    public JsnFormatException(Path file, String what, Throwable cause) {
        super(file + ": " + what, cause);
    }
}
