package org.runops.strip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.exec.ProcessRunner;
import org.runops.core.ledger.HistoryLog;
import org.runops.core.ledger.HistoryRecord;
import org.runops.testing.FffRunDirectoryWriter;

class StripDaemonTest {
    private static final LocalDateTime START = LocalDateTime.of(2026, 1, 1, 7, 0);
    private static final LocalDateTime END = LocalDateTime.of(2026, 1, 1, 8, 0);

    @TempDir
    Path tmp;

    @Test
    void passesRepeatUntilStopped() throws Exception {
        EmbeddedRunDatabase db = EmbeddedRunDatabase.inMemory("daemon-repeat").partition(1, "TI_27-JAN-2010_2");
        FffRunDirectoryWriter.create(tmp.resolve("fff"), 500000).lumiSection(1, 5).write();
        StripConfig config = StripConfig.defaults("srv-test").withDirectories(tmp.resolve("fff"), tmp.resolve("Data"), tmp.resolve("ledgers"));
        StripDaemon daemon = new StripDaemon(new StripPass(config, RunDatabase.jdbc(db.dataSource()), Clock.systemUTC(),
                ProcessRunner.create()), Duration.ofMillis(50));
        Thread t = new Thread(daemon::run);
        t.start();
        Thread.sleep(500);
        daemon.stop();
        assertThat(daemon.awaitStopped(Duration.ofSeconds(10))).isTrue();
        List<HistoryRecord> history = HistoryLog.open(tmp.resolve("ledgers/history.jsonl")).forRun(500000);
        assertThat(history).hasSizeGreaterThan(1).allSatisfy(h -> assertThat(h.reason()).startsWith("NOT_IN_RUN_DB"));
    }

    @Test
    void sigtermStopsTheRunningAnalysisRecordsTheRunAndExits() throws Exception {
        Files.createDirectories(tmp.resolve("fff"));
        EmbeddedRunDatabase db = EmbeddedRunDatabase.inFile(tmp.resolve("rundb")).partition(1, "TI_27-JAN-2010_2");
        db.run(500001, 1, 2, START, END);
        FffRunDirectoryWriter.create(tmp.resolve("fff"), 500001).lumiSection(1, 5).write();
        Path started = tmp.resolve("analysis.pid");
        Path script = Files.writeString(tmp.resolve("slow_analysis.sh"), "echo $$ > " + started + "\nexec sleep 120\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process daemon = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), DaemonProcess.class.getName(),
                tmp.toString(), db.url(), "sh " + script + " {run} {partition}")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("daemon.log").toFile()).start();
        for (int i = 0; i < 300 && !(Files.exists(started) && Files.size(started) > 0); i++) {
            Thread.sleep(100);
        }
        assertThat(started).as(Files.readString(tmp.resolve("daemon.log"))).exists();
        long analysisPid = Long.parseLong(Files.readString(started).trim());

        daemon.destroy(); // SIGTERM
        assertThat(daemon.waitFor(60, TimeUnit.SECONDS)).as("daemon exits after SIGTERM").isTrue();
        for (int i = 0; i < 50 && ProcessHandle.of(analysisPid).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(100);
        }
        assertThat(ProcessHandle.of(analysisPid).map(ProcessHandle::isAlive).orElse(false)).as("analysis stopped").isFalse();
        List<HistoryRecord> history = HistoryLog.open(tmp.resolve("ledgers/history.jsonl")).forRun(500001);
        assertThat(history).as(Files.readString(tmp.resolve("daemon.log"))).singleElement().satisfies(h -> {
            assertThat(h.decision()).isEqualTo("ERROR");
            assertThat(h.reason()).contains("interrupted").contains("next pass");
        });
        assertThat(tmp.resolve("ledgers/leases/run500001.lease")).as("lease released").doesNotExist();
        assertThat(tmp.resolve("ledgers/analyzedruns.txt")).doesNotExist();
        assertThat(tmp.resolve("ledgers/failedruns.txt")).doesNotExist();
    }
}
