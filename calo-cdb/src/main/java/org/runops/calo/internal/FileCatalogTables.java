package org.runops.calo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Creates the (inferred) FileCatalog tables and inserts rows, as the producers' registration does:
 * for the embedded demo catalogue and the tests, on H2 or PostgreSQL. Times are stored as naive UTC.
 */
public final class FileCatalogTables {
    private final Connection connection;

    private FileCatalogTables(Connection connection) {
        this.connection = connection;
    }

    /** Writes through {@code connection} (auto-commit as the caller set it); the caller closes it. */
    public static FileCatalogTables on(Connection connection) {
        return new FileCatalogTables(Objects.requireNonNull(connection, "connection"));
    }

    /** Creates {@code files} and {@code datasets}. */
    public FileCatalogTables createTables() throws SQLException {
        String ddl;
        try (InputStream in = FileCatalogTables.class.getResourceAsStream("filecatalog-schema.sql")) {
            ddl = new String(Objects.requireNonNull(in, "filecatalog-schema.sql resource").readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the FileCatalog schema resource", e);
        }
        String statements = ddl.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + b + "\n");
        try (Statement s = connection.createStatement()) {
            for (String sql : statements.split(";\\s*\\n")) {
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
        }
        return this;
    }

    /** A {@code files} row: one replica of {@code lfn}. */
    public FileCatalogTables file(String lfn, String host, String path, Instant time, long size) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO files (lfn, full_host_name, full_file_path, time, size, md5) VALUES (?, ?, ?, ?, ?, NULL)")) {
            ps.setString(1, lfn);
            ps.setString(2, host);
            ps.setString(3, path);
            if (time == null) {
                ps.setNull(4, Types.TIMESTAMP);
            } else {
                ps.setTimestamp(4, Timestamp.valueOf(time.atOffset(ZoneOffset.UTC).toLocalDateTime()));
            }
            ps.setLong(5, size);
            ps.executeUpdate();
        }
        return this;
    }

    /** A {@code datasets} row; {@code tag} and {@code events} may be null, {@code status} is 1 (on disk). */
    public FileCatalogTables dataset(String filename, long run, int segment, String dataset, String dstType, Long events,
            String tag) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO datasets (filename, runnumber, segment, size,"
                + " dataset, dsttype, events, firstevent, lastevent, tag, status) VALUES (?, ?, ?, NULL, ?, ?, ?, NULL, NULL, ?, 1)")) {
            ps.setString(1, filename);
            ps.setLong(2, run);
            ps.setInt(3, segment);
            ps.setString(4, dataset);
            ps.setString(5, dstType);
            if (events == null) {
                ps.setNull(6, Types.BIGINT);
            } else {
                ps.setLong(6, events);
            }
            ps.setString(7, tag);
            ps.executeUpdate();
        }
        return this;
    }
}
