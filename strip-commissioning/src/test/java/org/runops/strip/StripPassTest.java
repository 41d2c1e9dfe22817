package org.runops.strip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.events.EventCount;
import org.runops.core.events.EventCountSource;
import org.runops.core.exec.ProcessRunner;
import org.runops.core.ledger.HistoryLog;
import org.runops.core.ledger.HistoryRecord;
import org.runops.core.ledger.RunLeases;
import org.runops.testing.FffRunDirectoryWriter;
import org.runops.testing.RootFileWriter;

/**
 * Whole passes over a generated storage area, an H2 RUN/ANALYSIS database and a stand-in analysis
 * script run as a real process: it copies a prepared EDM file into place, writes the client and
 * source files and uploads its ANALYSIS row from its own JVM, as the real script uploads to Oracle.
 */
class StripPassTest {
    private static final Clock CLOCK = Clock.fixed(java.time.Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    private static final LocalDateTime START = LocalDateTime.of(2026, 11, 24, 7, 0);
    private static final LocalDateTime END = LocalDateTime.of(2026, 11, 24, 8, 0);

    @TempDir
    Path tmp;

    private Path storage;
    private Path data;
    private Path ready;
    private Path calls;
    private EmbeddedRunDatabase db;
    private StripConfig config;

    @BeforeEach
    void setUp() throws IOException {
        storage = Files.createDirectories(tmp.resolve("fff"));
        data = Files.createDirectories(tmp.resolve("Data"));
        ready = Files.createDirectories(tmp.resolve("ready"));
        calls = tmp.resolve("calls.txt");
        db = EmbeddedRunDatabase.inFile(tmp.resolve("rundb")).partition(1, "TI_27-JAN-2010_2").partition(2, "TO_30-JUN-2009_1");
        Path script = writeStandInScript();
        config = StripConfig.defaults("srv-test").withDirectories(storage, data, tmp.resolve("ledgers"))
                .withAnalysisCommand("sh " + script + " {run} False True {partition} False False True True", Duration.ofMinutes(2));
    }

    private Path writeStandInScript() throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String h2 = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(p -> p.contains("h2-")).findFirst().orElseThrow();
        String script = "#!/bin/sh\n"
                + "# stand-in for run_analysis_CC7.sh RUN HWUPLOAD ANALYSISUPLOAD PARTITION ...\n"
                + "run=$1; part=$4\n"
                + "echo \"$run $part\" >> '" + calls + "'\n"
                + "[ -f '" + ready + "'/run$run.root ] || { echo 'no EDM prepared' >&2; exit 2; }\n"
                + "cp '" + ready + "'/run$run.root '" + storage + "'/run$(printf %06d $run)/run$run.root\n"
                + "# another host takes the run over while this analysis runs (this one's holder stalled past the TTL)\n"
                + "[ -f '" + ready + "'/steal$run.lease ] && cp '" + ready + "'/steal$run.lease '" + tmp.resolve("ledgers/leases") + "'/run$run.lease\n"
                + "touch SiStripCommissioningClient_$(printf %08d $run).root SiStripCommissioningSource_$(printf %08d $run)_010.176.028.104_01234.root\n"
                + "'" + javaBin + "' -cp '" + h2 + "' org.h2.tools.Shell -url '" + db.url() + "' -sql "
                + "\"insert into ANALYSIS (ANALYSISID, RUNNUMBER, PARTITIONID, ANALYSISTYPE, VERSIONMAJORID, VERSIONMINORID)"
                + " select $run, $run, PARTITIONID, 'PEDESTALS', 1, 0 from PARTITION where PARTITIONNAME = '$part'\"\n";
        return Files.writeString(tmp.resolve("run_analysis_standin.sh"), script);
    }

    private StripPass pass(StripConfig c) {
        return new StripPass(c, RunDatabase.jdbc(db.dataSource()), CLOCK, ProcessRunner.create().withGracePeriod(Duration.ofMillis(200)));
    }

    private void daqRun(long run, long events) {
        FffRunDirectoryWriter.create(storage, run).lumiSection(1, events).write();
    }

    private List<String> calls() throws IOException {
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    @Test
    void aRunIsAnalysedValidatedAndRecordedGood() throws IOException {
        daqRun(338999, 1750);
        db.run(338999, 1, 2, START, END);
        RootFileWriter.create().tree("Events", 1750).write(ready.resolve("run338999.root"));
        PassReport report = pass(config).run(false);
        assertThat(report.results()).singleElement().satisfies(r -> assertThat(r.decision()).as(r.reason()).isEqualTo(RunDecision.GOOD));
        assertThat(calls()).containsExactly("338999 TI_27-JAN-2010_2");
        assertThat(tmp.resolve("ledgers/analyzedruns.txt")).hasContent("run338999");
        List<HistoryRecord> history = HistoryLog.open(tmp.resolve("ledgers/history.jsonl")).forRun(338999);
        assertThat(history).last().satisfies(h -> {
            assertThat(h.decision()).isEqualTo("GOOD");
            assertThat(h.checks().get("edm")).startsWith("MATCH");
            assertThat(h.durations()).containsKey("analysis");
        });
        assertThat(data.resolve("338999/runops-analysis-TI_27-JAN-2010_2-attempt1.log")).exists();
        assertThat(pass(config).run(false).candidates()).as("a recorded run is not looked at again").isZero();
    }

    @Test
    void anAnalysisThatProducesNothingIsRetriedOnceThenRecordedFailedInTheOriginalFormat() throws IOException {
        daqRun(339005, 100);
        db.run(339005, 1, 5, START, END);
        PassReport report = pass(config).run(false);
        assertThat(report.results()).singleElement().satisfies(r -> assertThat(r.decision()).isEqualTo(RunDecision.FAILED));
        assertThat(calls()).hasSize(2);
        assertThat(tmp.resolve("ledgers/failedruns.txt")).hasContent("run339005 True False False False");
        assertThat(HistoryLog.open(tmp.resolve("ledgers/history.jsonl")).forRun(339005)).extracting(HistoryRecord::decision)
                .containsExactly("RETRY", "FAILED");
    }

    @Test
    void validOutputsNeedNoAnalysis() throws IOException {
        daqRun(339006, 10);
        db.run(339006, 1, 2, START, END).analysis(7L, 339006, 1, "PEDESTALS", 1L, 0L);
        RootFileWriter.create().tree("Events", 10).write(storage.resolve("run339006/run339006.root"));
        PassReport report = pass(config).run(false);
        assertThat(report.results()).singleElement().satisfies(r -> assertThat(r.decision()).isEqualTo(RunDecision.GOOD));
        assertThat(calls()).isEmpty();
    }

    @Test
    void skipsIgnoresAndEmptyRunsAreRecordedAsTheTableSays() throws IOException {
        daqRun(339010, 5);                                   // not in the RUN table: skipped, asked again
        daqRun(339011, 5);
        db.run(339011, 1, 2, START, LocalDateTime.of(2026, 11, 24, 11, 0)); // ended 1 h ago
        daqRun(339012, 5);
        db.run(339012, 1, 1, START, END);                    // PHYSIC: ignored once
        FffRunDirectoryWriter.create(storage, 339013).write();
        db.run(339013, 1, 2, START, END);                    // zero-event run
        daqRun(339014, 5);
        db.run(339014, 2, 2, START, END);                    // TO partition on a TI/TM host
        PassReport report = pass(config.withPartitions(java.util.EnumSet.of(Partition.TI, Partition.TM))).run(false);
        assertThat(report.results()).extracting(PassReport.RunResult::decision)
                .containsExactly(RunDecision.SKIP, RunDecision.SKIP, RunDecision.IGNORED, RunDecision.GOOD, RunDecision.SKIP);
        assertThat(report.results().get(1).reason()).startsWith("RECENTLY_FINISHED");
        assertThat(report.results().get(4).reason()).startsWith("PARTITION_ON_OTHER_HOST");
        assertThat(tmp.resolve("ledgers/ignoredruns.txt")).hasContent("run339012");
        assertThat(tmp.resolve("ledgers/analyzedruns.txt")).hasContent("run339013");
        assertThat(calls()).isEmpty();
        assertThat(pass(config).run(false).candidates()).as("ignored and good runs are not asked about again").isEqualTo(3);
    }

    @Test
    void aDatabaseThatIsDownStopsThePassWithTheLedgersUntouched() {
        daqRun(339020, 5);
        JdbcDataSource down = new JdbcDataSource();
        down.setURL("jdbc:h2:file:" + tmp.resolve("nowhere/db") + ";IFEXISTS=TRUE");
        StripPass p = new StripPass(config, RunDatabase.jdbc(down), CLOCK, ProcessRunner.create());
        assertThatThrownBy(() -> p.run(false)).isInstanceOf(RunDatabaseException.class);
        assertThat(tmp.resolve("ledgers")).doesNotExist();
    }

    @Test
    void aDryRunDecidesButRunsAndRecordsNothing() throws IOException {
        daqRun(339030, 5);
        db.run(339030, 1, 2, START, END);
        PassReport report = pass(config).run(true);
        assertThat(report.results()).singleElement().satisfies(r -> {
            assertThat(r.decision()).isEqualTo(RunDecision.DRY_RUN);
            assertThat(r.reason()).startsWith("NEEDS_ANALYSIS");
        });
        assertThat(calls()).isEmpty();
        assertThat(tmp.resolve("ledgers/history.jsonl")).doesNotExist();
    }

    @Test
    void aRunLeasedByAnotherHostIsLeftAlone() throws IOException {
        daqRun(339040, 5);
        db.run(339040, 1, 2, START, END);
        RunLeases other = RunLeases.in(tmp.resolve("ledgers/leases"), "srv-s2b17-30-01", 4242, Duration.ofMinutes(30), CLOCK);
        try (RunLeases.RunLease held = other.tryAcquire(339040).orElseThrow()) {
            PassReport report = pass(config).run(false);
            assertThat(report.results()).singleElement().satisfies(r -> assertThat(r.reason()).contains("srv-s2b17-30-01"));
        }
        assertThat(calls()).isEmpty();
    }

    @Test
    void rawFilesAreDeletedOnlyWhenAskedAndOnlyAfterTheEdmValidated() throws IOException {
        FffRunDirectoryWriter.create(storage, 339050).lumiSection(1, 10).rawFiles(true).write();
        db.run(339050, 1, 2, START, END).analysis(9L, 339050, 1, "PEDESTALS", 1L, 0L);
        RootFileWriter.create().tree("Events", 10).write(storage.resolve("run339050/run339050.root"));
        pass(config).run(false);
        assertThat(storage.resolve("run339050/run339050_ls0001_index000000.raw")).as("deleteRaw is off by default").exists();

        FffRunDirectoryWriter.create(storage, 339051).lumiSection(1, 10).rawFiles(true).write();
        db.run(339051, 1, 2, START, END).analysis(10L, 339051, 1, "PEDESTALS", 1L, 0L);
        RootFileWriter.create().tree("Events", 10).write(storage.resolve("run339051/run339051.root"));
        pass(config.withDeleteRaw(true)).run(false);
        assertThat(storage.resolve("run339051/run339051_ls0001_index000000.raw")).doesNotExist();
        assertThat(storage.resolve("run339051/run339051.root")).exists();
    }

    @Test
    void aPassThatLostItsLeaseDuringTheAnalysisDeletesAndRecordsNothing() throws IOException {
        FffRunDirectoryWriter.create(storage, 339060).lumiSection(1, 10).rawFiles(true).write();
        db.run(339060, 1, 2, START, END);
        RootFileWriter.create().tree("Events", 10).write(ready.resolve("run339060.root"));
        Files.writeString(ready.resolve("steal339060.lease"), "run=339060\nhost=srv-thief\npid=777\ntoken=thief\ngeneration=2\n"
                + "started=2026-11-24T12:00:00Z\nheartbeat=2026-11-24T12:00:00Z\n");
        PassReport report = pass(config.withDeleteRaw(true)).run(false);
        assertThat(report.results()).singleElement().satisfies(r -> {
            assertThat(r.decision()).isEqualTo(RunDecision.SKIP);
            assertThat(r.reason()).startsWith("LEASE_LOST").contains("lease lost to srv-thief");
        });
        assertThat(calls()).as("analysed once, not retried").hasSize(1);
        assertThat(storage.resolve("run339060/run339060_ls0001_index000000.raw")).as("the new holder's raw data").exists();
        assertThat(tmp.resolve("ledgers/analyzedruns.txt")).doesNotExist();
        assertThat(tmp.resolve("ledgers/failedruns.txt")).doesNotExist();
        assertThat(tmp.resolve("ledgers/leases/run339060.lease")).as("the thief's lease is left alone").content().contains("token=thief");
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 60, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD) // a blocked FIFO open ignores interrupts
    void aDamagedOrFifoEndOfRunIsNeverAZeroEventRunAndTheyDoNotStopThePass() throws IOException {
        // Random bytes, an event count beyond a long, a FIFO: with no index files nothing is known about the run.
        Path random = FffRunDirectoryWriter.create(storage, 339070).write().resolve("run339070_ls0000_EoR.jsn");
        Files.write(random, new byte[] {(byte) 0x9c, 0x11, (byte) 0xfe, 0x00, 0x42});
        Path huge = FffRunDirectoryWriter.create(storage, 339071).write().resolve("run339071_ls0000_EoR.jsn");
        Files.writeString(huge, "{\"data\" : [ \"99999999999999999999\", \"0\", \"0\", \"0\" ]}");
        Path fifo = FffRunDirectoryWriter.create(storage, 339072).write().resolve("run339072_ls0000_EoR.jsn");
        Files.delete(fifo);
        org.runops.testing.Fifos.create(fifo);
        daqRun(339073, 10);
        RootFileWriter.create().tree("Events", 10).write(ready.resolve("run339073.root"));
        for (long run = 339070; run <= 339073; run++) {
            db.run(run, 1, 2, START, END);
        }
        PassReport report = pass(config).run(false);
        assertThat(report.results()).extracting(PassReport.RunResult::decision)
                .containsExactly(RunDecision.RETRY_LATER, RunDecision.RETRY_LATER, RunDecision.RETRY_LATER, RunDecision.GOOD);
        assertThat(report.results().get(2).reason()).contains(fifo.toString()).contains("FIFO");
        assertThat(tmp.resolve("ledgers/analyzedruns.txt")).hasContent("run339073");
        assertThat(calls()).containsExactly("339073 TI_27-JAN-2010_2");
    }

    @Test
    void anEdmFileThatCannotBeReadIsNeitherDeletedNorCondemned() throws IOException {
        FffRunDirectoryWriter.create(storage, 339060).lumiSection(1, 10).rawFiles(true).write();
        db.run(339060, 1, 2, START, END);
        // Reading a directory fails with an I/O error (EISDIR): the file's state is unknown, not bad.
        Path edm = Files.createDirectories(storage.resolve("run339060/run339060.root"));
        StripConfig deleting = config.withDeleteRaw(true);
        for (int pass = 1; pass <= 2; pass++) {
            PassReport report = pass(deleting).run(false);
            assertThat(report.results()).singleElement().satisfies(r -> {
                assertThat(r.decision()).as(r.reason()).isEqualTo(RunDecision.RETRY_LATER);
                assertThat(r.reason()).contains("next pass");
            });
        }
        assertThat(edm).as("an unreadable EDM file is not deleted").isDirectory();
        assertThat(storage.resolve("run339060/run339060_ls0001_index000000.raw")).exists();
        assertThat(tmp.resolve("ledgers/failedruns.txt")).as("an indeterminate check condemns nothing").doesNotExist();
        assertThat(calls()).as("no analysis on outputs that could not be read").isEmpty();
        assertThat(HistoryLog.open(tmp.resolve("ledgers/history.jsonl")).forRun(339060)).extracting(HistoryRecord::decision)
                .containsExactly("RETRY_LATER", "RETRY_LATER");
    }

    @Test
    void rawFilesAreDeletedOnlyWhenASecondReadOfTheEdmFileAgrees() throws IOException {
        FffRunDirectoryWriter.create(storage, 339070).lumiSection(1, 10).rawFiles(true).write();
        db.run(339070, 1, 2, START, END).analysis(11L, 339070, 1, "PEDESTALS", 1L, 0L);
        Path edm = RootFileWriter.create().tree("Events", 10).write(storage.resolve("run339070/run339070.root"));
        AtomicInteger reads = new AtomicInteger();
        // The first read sees a good file; right after it the file on disk is cut short (a copy still going, a disk failing).
        Function<Path, EventCountSource> changingUnderfoot = file -> new EventCountSource() {
            @Override
            public String description() {
                return file.toString();
            }

            @Override
            public EventCount count() {
                EventCount seen = EventCountSource.rootTree(file, "Events").count();
                if (reads.incrementAndGet() == 1) {
                    RootFileWriter.create().tree("Events", 10).damage(RootFileWriter.Damage.TRUNCATED).write(file);
                }
                return seen;
            }
        };
        StripPass p = new StripPass(config.withDeleteRaw(true), RunDatabase.jdbc(db.dataSource()), CLOCK, ProcessRunner.create(),
                area -> new OutputValidator(area, changingUnderfoot));
        PassReport report = p.run(false);
        assertThat(report.results()).singleElement().satisfies(r -> {
            assertThat(r.decision()).as(r.reason()).isEqualTo(RunDecision.RETRY_LATER);
            assertThat(r.reason()).contains("changed between two validations");
        });
        assertThat(reads).hasValue(2);
        assertThat(storage.resolve("run339070/run339070_ls0001_index000000.raw")).as("raw data outlives an EDM file that changed").exists();
        assertThat(edm).exists();
        assertThat(tmp.resolve("ledgers/analyzedruns.txt")).doesNotExist();
        assertThat(tmp.resolve("ledgers/failedruns.txt")).doesNotExist();
    }

    @Test
    void aDatabaseLostDuringTheAnalysisLeavesTheRunForTheNextPassAndSaysSo() throws IOException {
        daqRun(339080, 10);
        db.run(339080, 1, 2, START, END);
        RootFileWriter.create().tree("Events", 10).write(ready.resolve("run339080.root"));
        AtomicInteger connections = new AtomicInteger();
        // The pass's two batched queries get through; after the analysis the database is gone.
        DataSource goesAway = new DelegatingDataSource(db.dataSource()) {
            @Override
            public Connection getConnection() throws SQLException {
                if (connections.incrementAndGet() > 2) {
                    throw new SQLException("Connection refused", "08001");
                }
                return super.getConnection();
            }
        };
        StripPass p = new StripPass(config, RunDatabase.jdbc(goesAway), CLOCK, ProcessRunner.create());
        assertThatThrownBy(() -> p.run(false)).isInstanceOf(RunDatabaseException.class);
        assertThat(calls()).hasSize(1);
        assertThat(HistoryLog.open(tmp.resolve("ledgers/history.jsonl")).forRun(339080)).singleElement().satisfies(h -> {
            assertThat(h.decision()).isEqualTo("RETRY_LATER");
            assertThat(h.reason()).startsWith("DATABASE_UNREACHABLE").contains("next pass");
        });
        assertThat(tmp.resolve("ledgers/failedruns.txt")).doesNotExist();
        assertThat(pass(config).run(false).results()).singleElement()
                .satisfies(r -> assertThat(r.decision()).as(r.reason()).isEqualTo(RunDecision.GOOD));
    }

    /** A data source that passes everything to another one. */
    private static class DelegatingDataSource implements DataSource {
        private final DataSource real;

        DelegatingDataSource(DataSource real) {
            this.real = real;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return real.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return real.getConnection(user, password);
        }

        @Override
        public java.io.PrintWriter getLogWriter() throws SQLException {
            return real.getLogWriter();
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) throws SQLException {
            real.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            real.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return real.getLoginTimeout();
        }

        @Override
        public java.util.logging.Logger getParentLogger() throws java.sql.SQLFeatureNotSupportedException {
            return real.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return real.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return real.isWrapperFor(iface);
        }
    }
}
