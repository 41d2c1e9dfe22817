package org.runops.strip;

import java.sql.SQLException;
import org.runops.core.RunopsException;

/** The RUN/ANALYSIS database could not be queried; carries the SQL state, never credentials. */
public class RunDatabaseException extends RunopsException {
    private static final long serialVersionUID = 1L;

    public RunDatabaseException(String what, SQLException cause) {
        super(what + ": " + cause.getMessage() + " (SQL state " + cause.getSQLState() + ", error " + cause.getErrorCode() + ")", cause);
    }
}
