package org.runops.strip;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.runops.core.run.RunCatalog;

/**
 * What the commissioning job asks the tracker's online DB, for all candidate runs of a pass at once.
 *
 * <pre>{@code
 * RunDatabase db = RunDatabase.jdbc(dataSource, Duration.ofSeconds(30));   // Oracle (ojdbc11) or H2 in Oracle mode
 * Map<Long, List<RunRow>> rows = db.runs(candidates);      // one batched query, not one per run
 * List<RunRecord> runs = db.catalog(zone).runs(338000, 339000);   // the same rows as a RunCatalog
 * }</pre>
 */
public interface RunDatabase {

    /**
     * The RUN ⋈ PARTITION rows of each run (spec Q1), ordered by partition name; runs the DB does not
     * know are absent from the map.
     *
     * @throws RunDatabaseException when the DB cannot be reached or queried (the pass must stop)
     */
    Map<Long, List<RunRow>> runs(Collection<Long> runNumbers);

    /**
     * The RUN ⋈ PARTITION rows of every run numbered {@code firstRun..lastRun} (both inclusive), by run
     * number ascending, each run's rows ordered by partition name.
     *
     * @throws RunDatabaseException when the DB cannot be reached or queried
     */
    Map<Long, List<RunRow>> runsBetween(long firstRun, long lastRun);

    /**
     * This database as a {@link RunCatalog}: one record per run with start, end (naive DB times read in
     * {@code databaseZone}), partitions and mode; see {@link RunDatabaseCatalog}.
     */
    default RunCatalog catalog(ZoneId databaseZone) {
        return new RunDatabaseCatalog(this, databaseZone);
    }

    /**
     * The ANALYSIS ⋈ PARTITION rows of each run, newest analysis (highest ANALYSISID) first.
     *
     * @throws RunDatabaseException when the DB cannot be reached or queried
     */
    Map<Long, List<AnalysisRow>> analyses(Collection<Long> runNumbers);

    /** How long a connection or query may wait for the database by default ({@code db.timeout}). */
    Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    /** {@link #jdbc(DataSource, Duration)} with the {@link #DEFAULT_TIMEOUT}. */
    static RunDatabase jdbc(DataSource dataSource) {
        return jdbc(dataSource, DEFAULT_TIMEOUT);
    }

    /**
     * The JDBC implementation: ANSI joins and bind variables only, so the same SQL runs on Oracle and H2.
     * Every connection gets {@code timeout} as its network timeout and every statement as its query
     * timeout; one that runs out is a {@link RunDatabaseException} saying "timed out after". The connect
     * is bounded by the data source's own settings ({@link StripSettings} sets them from {@code db.timeout}).
     */
    static RunDatabase jdbc(DataSource dataSource, Duration timeout) {
        return new JdbcRunDatabase(dataSource, timeout);
    }
}
