package org.runops.datalogger;

import org.runops.core.RunopsException;

/** A DataLogger request, data file or statistics database failed; the message names the device, URL or file. */
public class DataLoggerException extends RunopsException {
    private static final long serialVersionUID = 1L;

    public DataLoggerException(String message) {
        super(message);
    }

    public DataLoggerException(String message, Throwable cause) {
        super(message, cause);
    }
}
