package org.runops.calo;

import java.sql.SQLException;

/** The FileCatalog contract on the real PostgreSQL of {@code RUNOPS_TEST_PG_URL}, a fresh schema per test (skipped when unset). */
class PostgresFileCatalogTest extends FileCatalogContract {
    @Override
    CatalogDatabase open() throws SQLException {
        return CatalogDatabase.postgres();
    }
}
