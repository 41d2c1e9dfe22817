package org.runops.calo;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.runops.calo.internal.DemoFileCatalog;
import org.runops.calo.internal.FileCatalogTables;

/**
 * A fresh, empty FileCatalog database for one test: an in-memory H2 in PostgreSQL mode, or a new schema
 * on the real PostgreSQL of {@code RUNOPS_TEST_PG_URL} (skipped when unset), dropped on close.
 */
final class CatalogDatabase implements AutoCloseable {
    static final String PG_URL_VARIABLE = "RUNOPS_TEST_PG_URL";

    private final String url;
    private final Connection writer;
    private final String dropSql;
    private final String adminUrl;

    private CatalogDatabase(String url, String adminUrl, String dropSql) throws SQLException {
        this.url = url;
        this.adminUrl = adminUrl;
        this.dropSql = dropSql;
        this.writer = DriverManager.getConnection(url);
    }

    static CatalogDatabase h2() throws SQLException {
        String url = "jdbc:h2:mem:filecatalog-" + UUID.randomUUID() + DemoFileCatalog.H2_POSTGRESQL_MODE;
        return new CatalogDatabase(url, null, "SHUTDOWN");
    }

    /** A new schema on the test PostgreSQL; the test is skipped when {@value #PG_URL_VARIABLE} is unset. */
    static CatalogDatabase postgres() throws SQLException {
        String base = System.getenv(PG_URL_VARIABLE);
        assumeTrue(base != null && !base.isBlank(), PG_URL_VARIABLE + " is not set: no PostgreSQL to run the contract on");
        String schema = "runops_fc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new CatalogDatabase(url, base, "DROP SCHEMA " + schema + " CASCADE");
    }

    /** The URL a catalogue reads. */
    String url() {
        return url;
    }

    FileCatalogSettings.Builder settings() {
        return FileCatalogSettings.builder(url);
    }

    FileCatalogTables tables() {
        return FileCatalogTables.on(writer);
    }

    @Override
    public void close() throws SQLException {
        if (adminUrl == null) {
            try (Statement s = writer.createStatement()) {
                s.execute(dropSql);
            }
            writer.close();
            return;
        }
        writer.close();
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute(dropSql);
        }
    }
}
