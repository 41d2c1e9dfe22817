package org.runops.strip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One contract, every backend: H2 in Oracle mode always, and Oracle when {@code RUNOPS_TEST_ORACLE_URL}
 * (with {@code RUNOPS_TEST_ORACLE_USER} / {@code RUNOPS_TEST_ORACLE_PASSWORD}) names a scratch schema;
 * the test creates and drops the RUN, PARTITION and ANALYSIS tables there.
 */
class RunDatabaseContractTest {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final LocalDateTime START = LocalDateTime.of(2026, 11, 24, 8, 15, 30);
    private static final LocalDateTime END = LocalDateTime.of(2026, 11, 24, 9, 45, 0);

    private static final String ORACLE_SKIPPED = "Oracle skipped: RUNOPS_TEST_ORACLE_URL is not set (set it, with"
            + " RUNOPS_TEST_ORACLE_USER and RUNOPS_TEST_ORACLE_PASSWORD, to a scratch schema to run this contract on Oracle)";

    /** Surefire's console shows skipped counts but not assumption messages: say it once where it is seen. */
    @BeforeAll
    static void sayWhyOracleIsSkipped() {
        String url = System.getenv("RUNOPS_TEST_ORACLE_URL");
        if (url == null || url.isBlank()) {
            System.out.println(RunDatabaseContractTest.class.getSimpleName() + ": " + ORACLE_SKIPPED);
        }
    }

    static Stream<Arguments> backends() throws Exception {
        List<Arguments> backends = new ArrayList<>();
        backends.add(Arguments.of("H2 (Oracle mode)", (Backend) () -> EmbeddedRunDatabase.inMemory("contract" + NAMES.incrementAndGet())));
        String oracle = System.getenv("RUNOPS_TEST_ORACLE_URL");
        backends.add(Arguments.of("Oracle", (Backend) () -> {
            // listed even without a URL, so that every report counts Oracle as skipped, with the reason
            Assumptions.assumeTrue(oracle != null && !oracle.isBlank(), ORACLE_SKIPPED);
            oracle.jdbc.datasource.impl.OracleDataSource ds = new oracle.jdbc.datasource.impl.OracleDataSource();
            ds.setURL(oracle);
            ds.setUser(System.getenv("RUNOPS_TEST_ORACLE_USER"));
            ds.setPassword(System.getenv("RUNOPS_TEST_ORACLE_PASSWORD"));
            dropTables(ds);
            return EmbeddedRunDatabase.on(ds);
        }));
        return backends.stream();
    }

    interface Backend {
        EmbeddedRunDatabase fresh() throws Exception;
    }

    private static EmbeddedRunDatabase seeded(Backend backend) throws Exception {
        return backend.fresh()
                .partition(1, "TI_27-JAN-2010_2").partition(2, "TM_09-JUN-2009_1").partition(3, "TO_30-JUN-2009_1").partition(4, "TP_09-JUN-2009_1")
                .run(338999, 1, 2, START, END)
                .run(339001, 4, 15, START, END).run(339001, 2, 15, START, END).run(339001, 1, 15, START, END).run(339001, 3, 15, START, END)
                .run(339002, 3, null, START, null)
                .analysis(10L, 338999, 1, "PEDESTALS", 1L, 0L)
                .analysis(12L, 338999, 1, "PEDESTALS", 1L, 1L)
                .analysis(11L, 339001, 2, "DAQ_SCOPE_MODE", null, 0L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void runRowsWithNullsAndScopeRunsInPartitionOrder(String name, Backend backend) throws Exception {
        RunDatabase db = RunDatabase.jdbc(seeded(backend).dataSource());
        Map<Long, List<RunRow>> rows = db.runs(List.of(338999L, 339001L, 339002L, 999999L));
        assertThat(rows).containsOnlyKeys(338999L, 339001L, 339002L);
        assertThat(rows.get(338999L)).containsExactly(new RunRow("TI_27-JAN-2010_2", OptionalInt.of(2), START, END));
        assertThat(rows.get(339001L)).extracting(RunRow::partitionName)
                .containsExactly("TI_27-JAN-2010_2", "TM_09-JUN-2009_1", "TO_30-JUN-2009_1", "TP_09-JUN-2009_1");
        RunRow open = rows.get(339002L).get(0);
        assertThat(open.runModeCode()).isEmpty();
        assertThat(open.end()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void analysisRowsNewestFirstWithNullIds(String name, Backend backend) throws Exception {
        RunDatabase db = RunDatabase.jdbc(seeded(backend).dataSource());
        Map<Long, List<AnalysisRow>> rows = db.analyses(List.of(338999L, 339001L, 339002L));
        assertThat(rows.get(338999L)).extracting(AnalysisRow::analysisId).containsExactly(12L, 10L);
        assertThat(rows.get(338999L).get(0).complete()).isTrue();
        assertThat(rows.get(339001L).get(0).complete()).isFalse();
        assertThat(rows).doesNotContainKey(339002L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void candidatesAreQueriedInBatchesAcrossTheInListLimit(String name, Backend backend) throws Exception {
        EmbeddedRunDatabase seeded = backend.fresh().partition(1, "TI_27-JAN-2010_2");
        try (Connection c = seeded.dataSource().getConnection(); var ps = c.prepareStatement(
                "insert into RUN (RUNNUMBER, PARTITIONID, RUNMODE, STARTTIME, ENDTIME) values (?, 1, 2, ?, ?)")) {
            for (long run = 400_000; run < 401_200; run++) {
                ps.setLong(1, run);
                ps.setObject(2, START);
                ps.setObject(3, END);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        List<Long> candidates = LongStream.range(399_900, 402_400).boxed().toList(); // 2,500 candidates, 1,200 known
        assertThat(RunDatabase.jdbc(seeded.dataSource()).runs(candidates)).hasSize(1200);
    }

    @Test
    void aDatabaseThatIsDownIsAClearErrorWithoutSecrets() {
        JdbcDataSource down = new JdbcDataSource();
        down.setURL("jdbc:h2:file:/nonexistent/dir/rundb;IFEXISTS=TRUE;MODE=Oracle");
        down.setUser("cms_trk_r");
        down.setPassword("s3cret-password");
        assertThatThrownBy(() -> RunDatabase.jdbc(down).runs(List.of(338999L)))
                .isInstanceOf(RunDatabaseException.class)
                .hasMessageContaining("cannot read RUN rows for 1 runs")
                .hasMessageContaining("SQL state")
                .hasMessageNotContaining("s3cret-password");
    }

    @Test
    void noCandidatesNoQuery() {
        JdbcDataSource unused = new JdbcDataSource();
        unused.setURL("jdbc:h2:file:/nonexistent/x;IFEXISTS=TRUE");
        assertThat(RunDatabase.jdbc(unused).runs(List.of())).isEmpty();
    }

    private static void dropTables(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("ANALYSIS", "RUN", "PARTITION")) {
                try {
                    s.execute("drop table " + table);
                } catch (SQLException absent) {
                    // not there yet
                }
            }
        }
    }
}
