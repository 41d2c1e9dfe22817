package org.runops.calo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The FileCatalog contract on the real PostgreSQL of {@code RUNOPS_TEST_PG_URL}, a fresh schema per test (skipped when unset). */
class PostgresFileCatalogTest extends FileCatalogContract {
    @Override
    CatalogDatabase open() throws SQLException {
        return CatalogDatabase.postgres();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aQueryBlockedByALockEndsAtTheQueryTimeout() throws SQLException {
        seed.hist(68001, 0, "t", 0);
        try (Connection locker = DriverManager.getConnection(db.url()); Statement s = locker.createStatement()) {
            locker.setAutoCommit(false);
            s.execute("LOCK TABLE files IN ACCESS EXCLUSIVE MODE"); // held until rollback: the catalogue's SELECT waits
            try (FileCatalog fc = FileCatalog.jdbc(db.settings().queryTimeout(Duration.ofSeconds(1)).build())) {
                assertThatThrownBy(() -> fc.winningFiles(new CatalogQuery(RUNS, TagSelectionPolicy.RUN_LATEST_FILE, OptionalLong.empty())))
                        .isInstanceOf(CaloException.class).hasMessageContaining("SQL state 57014").hasMessageContaining("timed out (query timeout 1s");
            } finally {
                locker.rollback();
            }
        }
    }
}
