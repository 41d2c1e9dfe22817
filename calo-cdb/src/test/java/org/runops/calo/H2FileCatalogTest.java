package org.runops.calo;

import java.sql.SQLException;

/** The FileCatalog contract on H2 in PostgreSQL mode (always runs). */
class H2FileCatalogTest extends FileCatalogContract {
    @Override
    CatalogDatabase open() throws SQLException {
        return CatalogDatabase.h2();
    }
}
