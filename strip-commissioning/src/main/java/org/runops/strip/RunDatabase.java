package org.runops.strip;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What the commissioning job asks the tracker's online DB, for all candidate runs of a pass at once.
 *
 * <pre>{@code
 * RunDatabase db = RunDatabase.jdbc(dataSource);          // Oracle (ojdbc11) or H2 in Oracle mode
 * Map<Long, List<RunRow>> rows = db.runs(candidates);      // one batched query, not one per run
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
     * The ANALYSIS ⋈ PARTITION rows of each run, newest analysis (highest ANALYSISID) first.
     *
     * @throws RunDatabaseException when the DB cannot be reached or queried
     */
    Map<Long, List<AnalysisRow>> analyses(Collection<Long> runNumbers);

    /** The JDBC implementation: ANSI joins and bind variables only, so the same SQL runs on Oracle and H2. */
    static RunDatabase jdbc(DataSource dataSource) {
        return new JdbcRunDatabase(dataSource);
    }
}
