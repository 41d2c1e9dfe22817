package org.runops.core.csv;

import org.runops.core.RunopsException;

/** A CSV table could not be read; the message names the file and line, and the column when there is one. */
public class CsvFormatException extends RunopsException {
    private static final long serialVersionUID = 1L;

    public CsvFormatException(String message) {
        super(message);
    }

    public CsvFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
