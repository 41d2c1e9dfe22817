package org.runops.strip;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import javax.sql.DataSource;

/**
 * {@link RunDatabase} over JDBC: one query per 1,000 runs (Oracle's IN-list limit), bind variables throughout,
 * every connection and statement under the timeout of its {@link TimedDataSource}.
 */
final class JdbcRunDatabase implements RunDatabase {
    static final int BATCH = 1000;
    private static final String RUNS = "select a.RUNNUMBER, b.PARTITIONNAME, a.RUNMODE, a.STARTTIME, a.ENDTIME"
            + " from RUN a join PARTITION b on a.PARTITIONID = b.PARTITIONID where a.RUNNUMBER in (%s)"
            + " order by a.RUNNUMBER, b.PARTITIONNAME";
    private static final String RUNS_BETWEEN = "select a.RUNNUMBER, b.PARTITIONNAME, a.RUNMODE, a.STARTTIME, a.ENDTIME"
            + " from RUN a join PARTITION b on a.PARTITIONID = b.PARTITIONID where a.RUNNUMBER between ? and ?"
            + " order by a.RUNNUMBER, b.PARTITIONNAME";
    private static final String ANALYSES = "select a.RUNNUMBER, a.ANALYSISID, a.VERSIONMAJORID, a.VERSIONMINORID,"
            + " a.ANALYSISTYPE, b.PARTITIONNAME from ANALYSIS a join PARTITION b on a.PARTITIONID = b.PARTITIONID"
            + " where a.RUNNUMBER in (%s) order by a.RUNNUMBER, a.ANALYSISID desc";

    private final TimedDataSource dataSource;

    JdbcRunDatabase(DataSource dataSource, Duration timeout) {
        this.dataSource = TimedDataSource.of(dataSource, timeout);
    }

    @Override
    public Map<Long, List<RunRow>> runs(Collection<Long> runNumbers) {
        return query(RUNS, runNumbers, "RUN rows", JdbcRunDatabase::runRow);
    }

    @Override
    public Map<Long, List<RunRow>> runsBetween(long firstRun, long lastRun) {
        Map<Long, List<RunRow>> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(RUNS_BETWEEN)) {
            ps.setLong(1, firstRun);
            ps.setLong(2, lastRun);
            collect(ps, out, JdbcRunDatabase::runRow);
        } catch (SQLException e) {
            throw dataSource.failure("cannot read RUN rows for runs " + firstRun + ".." + lastRun, e);
        }
        out.replaceAll((run, rows) -> List.copyOf(rows));
        return out;
    }

    private static RunRow runRow(ResultSet rs) throws SQLException {
        return new RunRow(rs.getString(2), optionalInt(rs, 3), rs.getObject(4, LocalDateTime.class), rs.getObject(5, LocalDateTime.class));
    }

    @Override
    public Map<Long, List<AnalysisRow>> analyses(Collection<Long> runNumbers) {
        return query(ANALYSES, runNumbers, "ANALYSIS rows", rs -> new AnalysisRow(rs.getObject(2, Long.class),
                rs.getObject(3, Long.class), rs.getObject(4, Long.class), rs.getString(5), rs.getString(6)));
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> Map<Long, List<T>> query(String template, Collection<Long> runNumbers, String what, RowMapper<T> mapper) {
        List<Long> runs = List.copyOf(runNumbers);
        Map<Long, List<T>> out = new LinkedHashMap<>();
        if (runs.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection()) {
            for (int from = 0; from < runs.size(); from += BATCH) {
                List<Long> chunk = runs.subList(from, Math.min(runs.size(), from + BATCH));
                String sql = String.format(Locale.ROOT, template, String.join(",", Collections.nCopies(chunk.size(), "?")));
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setLong(i + 1, chunk.get(i));
                    }
                    collect(ps, out, mapper);
                }
            }
        } catch (SQLException e) {
            throw dataSource.failure("cannot read " + what + " for " + runs.size() + " runs", e);
        }
        out.replaceAll((run, rows) -> List.copyOf(rows));
        return out;
    }

    /** Rows grouped by their first column, the run number, in result order. */
    private static <T> void collect(PreparedStatement ps, Map<Long, List<T>> out, RowMapper<T> mapper) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(mapper.map(rs));
            }
        }
    }

    private static OptionalInt optionalInt(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(v);
    }
}
