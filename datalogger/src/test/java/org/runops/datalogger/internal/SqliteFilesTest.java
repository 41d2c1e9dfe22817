package org.runops.datalogger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.datalogger.DataLoggerException;

class SqliteFilesTest {
    @TempDir
    Path dir;

    @Test
    void theConnectionWaitsForLocksTheBoundedTime() throws SQLException {
        try (Connection c = SqliteFiles.open(dir.resolve("GMPSAI.db")); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA busy_timeout")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(SqliteFiles.BUSY_TIMEOUT_MILLIS);
        }
    }

    @Test
    void aMissingFolderIsNamed() {
        Path db = dir.resolve("nowhere/GMPSAI.db");
        assertThatThrownBy(() -> SqliteFiles.open(db)).isInstanceOf(DataLoggerException.class)
                .hasMessageContaining(db.toString()).hasMessageContaining("does not exist");
    }
}
