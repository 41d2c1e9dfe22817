package org.runops.strip;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.Objects;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The embedded default RUN/ANALYSIS database: H2 in Oracle mode with the shipped schema
 * ({@code rundb-schema.sql}), plus the inserts demos and tests need.
 */
public final class EmbeddedRunDatabase {
    private final DataSource dataSource;

    private EmbeddedRunDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** An in-memory H2 database named {@code name} (alive until the JVM exits), with the schema created. */
    public static EmbeddedRunDatabase inMemory(String name) {
        return create("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    }

    /**
     * An H2 database in {@code file} (created if absent), with the schema created when new. Other
     * processes (an analysis uploading its rows) can connect to {@link #url()} while this one is open.
     */
    public static EmbeddedRunDatabase inFile(java.nio.file.Path file) {
        return on(fileDataSource(file));
    }

    /** Whether {@link #inFile} has created a database at {@code file} (H2 keeps it in {@code <file>.mv.db}). */
    public static boolean exists(java.nio.file.Path file) {
        return java.nio.file.Files.exists(java.nio.file.Path.of(file + ".mv.db"));
    }

    /** The data source of an H2 file database, not opened yet. */
    static JdbcDataSource fileDataSource(java.nio.file.Path file) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + file.toAbsolutePath() + ";AUTO_SERVER=TRUE" + ORACLE_MODE);
        return h2;
    }

    /** The JDBC URL of this database. */
    public String url() {
        return ((JdbcDataSource) dataSource).getURL();
    }

    private static final String ORACLE_MODE = ";MODE=Oracle;DATABASE_TO_UPPER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE";

    private static EmbeddedRunDatabase create(String url) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url + ORACLE_MODE);
        EmbeddedRunDatabase db = new EmbeddedRunDatabase(h2);
        db.createSchemaIfAbsent();
        return db;
    }

    /** The schema and insert helpers on another database (e.g. a scratch Oracle schema for the contract test). */
    static EmbeddedRunDatabase on(DataSource dataSource) {
        EmbeddedRunDatabase db = new EmbeddedRunDatabase(dataSource);
        db.createSchemaIfAbsent();
        return db;
    }

    /** For {@link RunDatabase#jdbc(DataSource)}. */
    public DataSource dataSource() {
        return dataSource;
    }

    public EmbeddedRunDatabase partition(long id, String name) {
        return update("insert into PARTITION (PARTITIONID, PARTITIONNAME) values (?, ?)", id, name);
    }

    public EmbeddedRunDatabase run(long run, long partitionId, Integer mode, LocalDateTime start, LocalDateTime end) {
        return update("insert into RUN (RUNNUMBER, PARTITIONID, RUNMODE, STARTTIME, ENDTIME) values (?, ?, ?, ?, ?)",
                run, partitionId, mode, start, end);
    }

    public EmbeddedRunDatabase analysis(Long analysisId, long run, long partitionId, String type, Long major, Long minor) {
        return update("insert into ANALYSIS (ANALYSISID, RUNNUMBER, PARTITIONID, ANALYSISTYPE, VERSIONMAJORID, VERSIONMINORID)"
                + " values (?, ?, ?, ?, ?, ?)", analysisId, run, partitionId, type, major, minor);
    }

    /** Runs the shipped schema script when its tables are not there yet. */
    void createSchemaIfAbsent() {
        try (Connection c = dataSource.getConnection()) {
            try (var tables = c.getMetaData().getTables(null, null, "RUN", null)) {
                if (tables.next()) {
                    return;
                }
            }
            try (Statement s = c.createStatement()) {
                String withoutComments = schema().lines().filter(l -> !l.strip().startsWith("--"))
                        .collect(java.util.stream.Collectors.joining("\n"));
                for (String statement : withoutComments.split(";")) {
                    if (!statement.isBlank()) {
                        s.execute(statement.strip());
                    }
                }
            }
        } catch (SQLException e) {
            throw new RunDatabaseException("cannot create the RUN/ANALYSIS schema", e);
        }
    }

    static String schema() {
        try (InputStream in = EmbeddedRunDatabase.class.getResourceAsStream("rundb-schema.sql")) {
            return new String(Objects.requireNonNull(in, "rundb-schema.sql missing from the jar").readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private EmbeddedRunDatabase update(String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    ps.setNull(i + 1, Types.NUMERIC);
                } else {
                    ps.setObject(i + 1, values[i]);
                }
            }
            ps.executeUpdate();
            return this;
        } catch (SQLException e) {
            throw new RunDatabaseException("cannot insert into the embedded RUN/ANALYSIS database", e);
        }
    }
}
