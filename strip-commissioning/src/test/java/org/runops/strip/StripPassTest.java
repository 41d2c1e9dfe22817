package org.runops.strip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        assertThat(report.results()).singleElement().satisfies(r -> assertThat(r.decision()).as(r.reason()).isEqualTo("GOOD"));
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
        assertThat(report.results()).singleElement().satisfies(r -> assertThat(r.decision()).isEqualTo("FAILED"));
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
        assertThat(report.results()).singleElement().satisfies(r -> assertThat(r.decision()).isEqualTo("GOOD"));
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
                .containsExactly("SKIP", "SKIP", "IGNORED", "GOOD", "SKIP");
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
            assertThat(r.decision()).isEqualTo("DRY_RUN");
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
}
