package org.runops.calo.internal;

import java.io.InterruptedIOException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.TimeZone;
import org.runops.calo.CaloException;
import org.runops.calo.CatalogFile;
import org.runops.calo.CatalogQuery;
import org.runops.calo.FileCatalog;
import org.runops.calo.FileCatalogSettings;
import org.runops.core.Durations;

/**
 * {@link FileCatalog} over JDBC (pgJDBC, or H2 in PostgreSQL mode): the SQL gathers the HIST rows of the
 * run range and the DST events of its segments in one read-only transaction; {@link WinningFiles} decides. Bind parameters throughout; the only text spliced into SQL
 * is the tag column, which {@link FileCatalogSettings} validated as an identifier. A connection per call,
 * connect bounded by the login timeout, every statement by the query timeout (and pgJDBC's socket by
 * both, so a server that accepts and never answers fails too).
 */
public final class JdbcFileCatalog implements FileCatalog {
    /** HIST rows of a run range, one per (datasets row, files replica). */
    private static final String ROWS = """
            SELECT d.runnumber, d.segment, d.%1$s, d.dsttype, d.filename, f.full_host_name, f.full_file_path, f.time
            FROM datasets d JOIN files f ON f.lfn = d.filename
            WHERE (%2$s) AND d.dsttype NOT LIKE 'HIST_CALOQASKIMMED%%' AND d.segment <> 9999
              AND d.%1$s IS NOT NULL AND d.%1$s <> '' AND d.runnumber BETWEEN ? AND ?""";
    private static final String HIST_CALOQA = "d.dsttype LIKE 'HIST_CALOQA%'";
    private static final String WITH_FITTING_QA = HIST_CALOQA + " OR d.dsttype LIKE 'HIST_CALOFITTINGQA%'";
    /**
     * The DST events of each (tag, run, segment) of the range: the largest over its DST_CALO% rows (DST_CALO and
     * DST_CALOFITTING of one segment hold the same events; Query A's join counted both). Joined to the HIST rows
     * in Java: a derived-table join is re-run per row by some engines (H2).
     */
    private static final String EVENTS = """
            SELECT %1$s, runnumber, segment, MAX(events) FROM datasets
            WHERE dsttype LIKE 'DST_CALO%%' AND events IS NOT NULL AND %1$s IS NOT NULL AND runnumber BETWEEN ? AND ?
            GROUP BY %1$s, runnumber, segment""";
    private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));

    private final FileCatalogSettings settings;
    private final String rowsSql;
    private final String eventsSql;

    public JdbcFileCatalog(FileCatalogSettings settings) {
        this.settings = settings;
        this.rowsSql = String.format(ROWS, settings.tagColumn(), settings.includeFittingQa() ? WITH_FITTING_QA : HIST_CALOQA);
        this.eventsSql = String.format(EVENTS, settings.tagColumn());
    }

    @Override
    public List<CatalogFile> winningFiles(CatalogQuery query) {
        long first = query.runType().firstRun();
        long last = query.runType().lastRun();
        String what = "cannot read the HIST_CALOQA files of " + query.runType().name() + " runs " + first + ".." + last;
        try (Connection c = connect()) {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // both reads see one snapshot
            try {
                return WinningFiles.select(rows(c, first, last), query.policy(), query.minEvents());
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private record SegmentKey(String tag, long run, int segment) {}

    private List<CatalogRow> rows(Connection c, long first, long last) throws SQLException {
        Map<SegmentKey, Long> events = new HashMap<>();
        try (PreparedStatement ps = prepare(c, eventsSql)) {
            ps.setLong(1, first);
            ps.setLong(2, last);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.put(new SegmentKey(rs.getString(1), rs.getLong(2), rs.getInt(3)), rs.getLong(4));
                }
            }
        }
        List<CatalogRow> rows = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, rowsSql)) {
            ps.setLong(1, first);
            ps.setLong(2, last);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long run = rs.getLong(1);
                    int segment = rs.getInt(2);
                    String tag = rs.getString(3);
                    Long e = events.get(new SegmentKey(tag, run, segment));
                    rows.add(new CatalogRow(run, segment, tag, rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            instant(rs.getTimestamp(8, UTC)), e == null ? OptionalLong.empty() : OptionalLong.of(e)));
                }
            }
        }
        return rows;
    }

    /** A NULL registration time is the epoch: known to be no later than any other. */
    private static Instant instant(Timestamp t) {
        return t == null ? Instant.EPOCH : t.toInstant();
    }

    private PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setQueryTimeout(seconds(settings.queryTimeout().toSeconds()));
        return ps;
    }

    private Connection connect() throws SQLException {
        Properties p = new Properties();
        settings.user().ifPresent(u -> p.setProperty("user", u));
        settings.password().ifPresent(pw -> p.setProperty("password", pw));
        Driver driver;
        if (settings.url().startsWith("jdbc:postgresql:")) {
            driver = new org.postgresql.Driver();
            long login = settings.loginTimeout().toSeconds();
            p.setProperty("connectTimeout", Long.toString(login));
            p.setProperty("loginTimeout", Long.toString(login));
            // the statement timeout cancels first; the socket timeout ends a server that no longer answers at all
            p.setProperty("socketTimeout", Long.toString(settings.queryTimeout().toSeconds() + login));
            p.setProperty("ApplicationName", "runops calo-cdb");
        } else {
            driver = new org.h2.Driver();
        }
        Connection c = driver.connect(settings.url(), p);
        if (c == null) {
            throw new SQLException("no driver accepts " + FileCatalogSettings.redact(settings.url()), "08001");
        }
        return c;
    }

    private static int seconds(long s) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, s));
    }

    private CaloException failure(String what, SQLException e) {
        // 57014: PostgreSQL cancelled the statement, which only our query timeout asks for
        boolean timedOut = "57014".equals(e.getSQLState());
        for (Throwable t = e; t != null; t = t.getCause()) {
            timedOut |= t instanceof SQLTimeoutException || t instanceof InterruptedIOException;
        }
        return new CaloException("FileCatalog " + FileCatalogSettings.redact(settings.url()) + ": " + what + ": "
                + e.getMessage() + " (SQL state " + e.getSQLState() + ")"
                + (timedOut ? "; timed out (query timeout " + Durations.describe(settings.queryTimeout()) + ", login timeout "
                        + Durations.describe(settings.loginTimeout()) + ")" : ""), e);
    }

    @Override
    public String describe() {
        return "FileCatalog " + FileCatalogSettings.redact(settings.url()) + settings.user().map(u -> " as " + u).orElse("")
                + " (tag column " + settings.tagColumn() + (settings.includeFittingQa() ? ", with HIST_CALOFITTINGQA" : "") + ")";
    }

    @Override
    public void close() {
        // a connection per call: nothing held
    }
}
