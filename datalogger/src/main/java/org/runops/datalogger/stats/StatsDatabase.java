package org.runops.datalogger.stats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.runops.datalogger.DataLoggerException;
import org.runops.datalogger.internal.SqliteFiles;

/**
 * The statistics database ({@code GMPSAI.db} by default): the original's long table
 * {@code ACNETparameterStats(epochUTCsec, paramname, statname, statval)} and, beside it,
 * {@code runops_distilled_files}, one row per distilled file saying where its statistics came from.
 * Undefined statistics (NaN) are stored as SQL NULL, which is also what Python's sqlite3 made of the
 * original's NaN, and read back as NaN.
 */
public final class StatsDatabase implements AutoCloseable {
    /** The original's database file name. */
    public static final String DEFAULT_FILE = "GMPSAI.db";

    private static final String STATS_DDL = "CREATE TABLE IF NOT EXISTS ACNETparameterStats (epochUTCsec REAL, paramname TEXT,"
            + " statname TEXT, statval REAL, PRIMARY KEY (epochUTCsec, paramname, statname))";
    private static final String FILES_DDL = "CREATE TABLE IF NOT EXISTS runops_distilled_files (file TEXT PRIMARY KEY,"
            + " epochUTCsec REAL NOT NULL, backend TEXT NOT NULL, window_start TEXT, window_end TEXT,"
            + " distilled_at TEXT NOT NULL, series INTEGER NOT NULL)";
    private static final String UPSERT_STAT = "INSERT INTO ACNETparameterStats (epochUTCsec, paramname, statname, statval)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (epochUTCsec, paramname, statname) DO UPDATE SET statval = excluded.statval"
            + " WHERE statval IS NOT excluded.statval";
    private static final String UPSERT_FILE = "INSERT INTO runops_distilled_files"
            + " (file, epochUTCsec, backend, window_start, window_end, distilled_at, series) VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (file) DO UPDATE SET epochUTCsec = excluded.epochUTCsec, backend = excluded.backend,"
            + " window_start = excluded.window_start, window_end = excluded.window_end, series = excluded.series,"
            // an identical re-distil keeps the first time, so two runs over the same files leave the same rows
            + " distilled_at = CASE WHEN ? OR epochUTCsec IS NOT excluded.epochUTCsec OR backend IS NOT excluded.backend"
            + " OR window_start IS NOT excluded.window_start OR window_end IS NOT excluded.window_end OR series IS NOT excluded.series"
            + " THEN excluded.distilled_at ELSE distilled_at END";
    private static final String OTHER_FILES_AT_KEY = "SELECT file, backend FROM runops_distilled_files WHERE epochUTCsec = ? AND file <> ?"
            + " ORDER BY file";

    private final Path path;
    private final Connection connection;

    private StatsDatabase(Path path, Connection connection) {
        this.path = path;
        this.connection = connection;
    }

    /** Opens (creating if needed) the database at {@code path}. */
    public static StatsDatabase open(Path path) {
        Connection c = SqliteFiles.open(path);
        try (Statement s = c.createStatement()) {
            s.execute(STATS_DDL);
            s.execute(FILES_DDL);
            return new StatsDatabase(path, c);
        } catch (SQLException e) {
            closeQuietly(c, e);
            throw failure(path, "cannot create the statistics tables", e);
        }
    }

    /** Opens the database at {@code path} for reading; a missing file is an error naming it, not a new empty database. */
    public static StatsDatabase openExisting(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new DataLoggerException("no statistics database at " + path + " (run 'runops datalogger distill' first, or give --db)");
        }
        return open(path);
    }

    public Path path() {
        return path;
    }

    /**
     * Stores one file's statistics and its provenance row in one transaction: all of it or, on failure, none.
     * {@code ACNETparameterStats} has no backend column, so a file is refused when another file of the other
     * kind (simulated or not) is already stored under its key time: its rows would overwrite those.
     */
    public void store(DistilledFile file, List<ParameterStats> stats) {
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement row = connection.prepareStatement(UPSERT_STAT);
                 PreparedStatement provenance = connection.prepareStatement(UPSERT_FILE)) {
                refuseMixingSimulatedAndReal(file);
                for (ParameterStats p : stats) {
                    for (Map.Entry<String, Double> stat : p.byStatName().entrySet()) {
                        row.setDouble(1, file.epochUTCsec());
                        row.setString(2, p.param());
                        row.setString(3, stat.getKey());
                        setNullableDouble(row, 4, stat.getValue());
                        row.addBatch();
                    }
                }
                boolean statsChanged = Arrays.stream(row.executeBatch()).anyMatch(n -> n != 0);
                provenance.setString(1, file.file());
                provenance.setDouble(2, file.epochUTCsec());
                provenance.setString(3, file.backend());
                provenance.setString(4, file.windowStart());
                provenance.setString(5, file.windowEnd());
                provenance.setString(6, file.distilledAt().toString());
                provenance.setInt(7, file.series());
                provenance.setBoolean(8, statsChanged);
                provenance.executeUpdate();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("cannot store the statistics of " + file.file(), e);
        }
    }

    private void refuseMixingSimulatedAndReal(DistilledFile file) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement(OTHER_FILES_AT_KEY)) {
            q.setDouble(1, file.epochUTCsec());
            q.setString(2, file.file());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String backend = rs.getString(2);
                    if (DistilledFile.isSimulated(backend) != file.simulated()) {
                        throw new DataLoggerException("statistics database " + path + ": refusing " + file.file() + " (backend "
                                + file.backend() + "): " + rs.getString(1) + " (backend " + backend + ") is already stored under the same key time "
                                + file.epochUTCsec() + " ("
                                + FileKeyTime.wallTime(file.epochUTCsec()) + ")" + ", and simulated statistics must not overwrite real ones"
                                + " or the other way round; use a separate database");
                    }
                }
            }
        }
    }

    /** The files distilled so far, by key time then name. */
    public List<DistilledFile> distilledFiles() {
        String sql = "SELECT file, epochUTCsec, backend, window_start, window_end, distilled_at, series"
                + " FROM runops_distilled_files ORDER BY epochUTCsec, file";
        List<DistilledFile> files = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                files.add(new DistilledFile(rs.getString(1), rs.getDouble(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), Instant.parse(rs.getString(6)), rs.getInt(7)));
            }
            return List.copyOf(files);
        } catch (SQLException e) {
            throw failure("cannot list the distilled files", e);
        }
    }

    /** The devices with value statistics (not the {@code Interval_} ones), sorted by name. */
    public List<String> deviceNames() {
        String sql = "SELECT DISTINCT paramname FROM ACNETparameterStats WHERE paramname NOT LIKE 'Interval\\_%' ESCAPE '\\'"
                + " ORDER BY paramname";
        List<String> names = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return List.copyOf(names);
        } catch (SQLException e) {
            throw failure("cannot list the parameter names", e);
        }
    }

    /**
     * {@code param}'s max, mode, std and min over time, at most {@code limit} key times (the original's
     * {@code --maxrows}; 0 = all). Empty when the database knows nothing of {@code param}.
     */
    public StatsHistory history(String param, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        String sql = "SELECT epochUTCsec,"
                + " MAX(CASE statname WHEN 'max' THEN statval END), MAX(CASE statname WHEN 'mode' THEN statval END),"
                + " MAX(CASE statname WHEN 'std' THEN statval END), MAX(CASE statname WHEN 'min' THEN statval END)"
                + " FROM ACNETparameterStats WHERE paramname = ? GROUP BY epochUTCsec ORDER BY epochUTCsec"
                + (limit > 0 ? " LIMIT " + limit : "");
        try (PreparedStatement q = connection.prepareStatement(sql)) {
            q.setString(1, param);
            List<double[]> rows = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(new double[] {rs.getDouble(1), nullableDouble(rs, 2), nullableDouble(rs, 3),
                        nullableDouble(rs, 4), nullableDouble(rs, 5)});
                }
            }
            double[][] columns = new double[5][rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                for (int c = 0; c < 5; c++) {
                    columns[c][i] = rows.get(i)[c];
                }
            }
            return new StatsHistory(param, columns[0], columns[1], columns[2], columns[3], columns[4]);
        } catch (SQLException e) {
            throw failure("cannot read the statistics of " + param, e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("cannot close", e);
        }
    }

    private static void setNullableDouble(PreparedStatement s, int index, double value) throws SQLException {
        if (Double.isNaN(value)) {
            s.setNull(index, Types.REAL);
        } else {
            s.setDouble(index, value);
        }
    }

    private static double nullableDouble(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    private DataLoggerException failure(String what, SQLException e) {
        return failure(path, what, e);
    }

    private static DataLoggerException failure(Path db, String what, SQLException e) {
        return new DataLoggerException("statistics database " + db + ": " + what + ": " + e.getMessage(), e);
    }

    private static void closeQuietly(Connection c, Exception cause) {
        try {
            c.close();
        } catch (SQLException suppressed) {
            cause.addSuppressed(suppressed);
        }
    }
}
