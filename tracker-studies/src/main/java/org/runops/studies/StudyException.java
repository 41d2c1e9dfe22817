package org.runops.studies;

import org.runops.core.RunopsException;

/** A study table could not be built, read or written; the message names the file, line, row or column. */
public class StudyException extends RunopsException {
    private static final long serialVersionUID = 1L;

    public StudyException(String message) {
        super(message);
    }

    public StudyException(String message, Throwable cause) {
        super(message, cause);
    }
}
