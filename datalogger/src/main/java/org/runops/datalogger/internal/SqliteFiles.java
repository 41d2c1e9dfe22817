package org.runops.datalogger.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.runops.datalogger.DataLoggerException;

/**
 * Opens the workflow's SQLite database ({@code GMPSAI.db}: statistics and timeline tables) so that two
 * processes sharing it wait a bounded time for each other's locks instead of failing at once or hanging.
 */
public final class SqliteFiles {
    /** How long a statement waits for another process's write lock before failing with SQLITE_BUSY. */
    public static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private SqliteFiles() {}

    public static Connection open(Path db) {
        try {
            Path parent = db.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new DataLoggerException("cannot open SQLite database " + db + ": folder " + parent + " does not exist");
            }
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
            }
            return c;
        } catch (SQLException e) {
            throw new DataLoggerException("cannot open SQLite database " + db + ": " + e.getMessage(), e);
        }
    }
}
