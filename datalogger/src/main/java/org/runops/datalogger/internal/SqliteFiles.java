package org.runops.datalogger.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.runops.datalogger.DataLoggerException;
import org.sqlite.SQLiteConfig;

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
            // the timeout is set while opening, so there is no second step whose failure would leak the connection
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
            return DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath(), config.toProperties());
        } catch (SQLException e) {
            throw new DataLoggerException("cannot open SQLite database " + db + ": " + e.getMessage(), e);
        }
    }
}
