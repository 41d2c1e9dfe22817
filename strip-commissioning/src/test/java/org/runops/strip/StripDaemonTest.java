package org.runops.strip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.exec.ProcessRunner;
import org.runops.core.ledger.HistoryLog;
import org.runops.core.ledger.HistoryRecord;
import org.runops.core.ledger.PassRecord;
import org.runops.core.ledger.PassRecord.Outcome;
import org.runops.testing.FffRunDirectoryWriter;

class StripDaemonTest {
    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    private static final LocalDateTime START = LocalDateTime.of(2026, 1, 1, 7, 0);
    private static final LocalDateTime END = LocalDateTime.of(2026, 1, 1, 8, 0);

    @TempDir
    Path tmp;

    /** A clock the test moves by hand, and a sleeper that moves it (and may change the world while "asleep"). */
    static final class FakeTime extends Clock implements StripDaemon.Sleeper {
        Instant now = T0;
        final List<Duration> sleeps = new ArrayList<>();
        final List<Runnable> whileAsleep = new ArrayList<>();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public void sleep(Duration d) {
            now = now.plus(d);
            if (sleeps.size() < whileAsleep.size()) {
                whileAsleep.get(sleeps.size()).run();
            }
            sleeps.add(d);
        }

        void pass(Duration d) {
            now = now.plus(d);
        }
    }

    private final FakeTime time = new FakeTime();

    private StripConfig config(Duration frequency) {
        return StripConfig.defaults("srv-test").withDirectories(tmp.resolve("fff"), tmp.resolve("Data"), tmp.resolve("ledgers"))
                .withFrequency(frequency);
    }

    private List<PassRecord> passes() {
        return HistoryLog.open(tmp.resolve("ledgers/history.jsonl")).passes();
    }

    @Test
    void passesThatFailForAnyReasonAreRecordedAndTheDaemonGoesOn() throws Exception {
        // Real failures, one per pass, each mended while the daemon backs off.
        EmbeddedRunDatabase db = EmbeddedRunDatabase.inFile(tmp.resolve("rundb")).partition(1, "TI_27-JAN-2010_2");
        JdbcDataSource link = new JdbcDataSource();
        link.setURL(db.url());
        StripConfig config = config(Duration.ofHours(1));
        StripDaemon[] daemon = new StripDaemon[1];
        time.whileAsleep.add(() -> { // after pass 1: the storage root was not there
            FffRunDirectoryWriter.create(tmp.resolve("fff"), 500000).lumiSection(1, 5).write();
            mkdirs(tmp.resolve("ledgers/failedruns.txt")); // a ledger nobody can read
        });
        time.whileAsleep.add(() -> { // after pass 2
            delete(tmp.resolve("ledgers/failedruns.txt"));
            link.setURL("jdbc:h2:" + tmp.resolve("no-such-db") + ";IFEXISTS=TRUE"); // the DB is down
        });
        time.whileAsleep.add(() -> link.setURL(db.url())); // after pass 3
        time.whileAsleep.add(() -> daemon[0].stop()); // asleep after pass 4
        StripPass pass = new StripPass(config, RunDatabase.jdbc(link), time, ProcessRunner.create());
        daemon[0] = new StripDaemon(stop -> {
            PassReport r = pass.run(false, stop);
            time.pass(Duration.ofSeconds(3));
            return r;
        }, config, time, time);

        assertThat(daemon[0].run()).isEqualTo(4);

        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofHours(1).minusSeconds(7 + 3)); // back on the hourly grid after a good pass
        List<PassRecord> passes = passes();
        assertThat(passes).extracting(PassRecord::outcome).containsExactly(Outcome.FAILED, Outcome.FAILED, Outcome.FAILED, Outcome.COMPLETED);
        assertThat(passes.get(0).error()).contains("CatalogException", "fff storage root", "cannot list it", "NoSuchFileException");
        assertThat(passes.get(1).error()).contains("LedgerException", "failedruns.txt");
        assertThat(passes.get(2).error()).contains("RunDatabaseException", "no-such-db");
        assertThat(passes.get(0).nextPassDue()).isEqualTo(T0.plusSeconds(1));
        assertThat(passes.get(3).candidates()).isEqualTo(1);
        assertThat(passes.get(3).counts()).isEqualTo(Map.of("SKIP", 1L));
        assertThat(passes.get(3).nextPassDue()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(HistoryLog.open(tmp.resolve("ledgers/history.jsonl")).forRun(500000)).singleElement()
                .satisfies(h -> assertThat(h.reason()).startsWith("NOT_IN_RUN_DB"));
        assertThat(Thread.currentThread().isInterrupted()).as("stop()'s interrupt is consumed").isFalse();
    }

    @Test
    void aBugFailsOnlyItsPassButABadConfigurationStopsTheDaemon() {
        AtomicInteger calls = new AtomicInteger();
        StripDaemon daemon = new StripDaemon(stop -> {
            if (calls.incrementAndGet() == 1) {
                throw new NullPointerException("a bug in some pass");
            }
            throw new StripConfigException("analysis.command: no value for {partition}");
        }, config(Duration.ofHours(1)), time, time);

        assertThatThrownBy(daemon::run).isInstanceOf(StripConfigException.class);
        assertThat(calls).hasValue(2);
        assertThat(passes()).extracting(PassRecord::error).containsExactly("NullPointerException: a bug in some pass",
                "StripConfigException: analysis.command: no value for {partition}");
    }

    @Test
    void theBackOffDoublesUpToTheFrequencyAndAGoodPassResetsIt() {
        List<Boolean> script = new ArrayList<>(List.of(false, false, false, false, false, true, false, true));
        StripDaemon[] daemon = new StripDaemon[1];
        daemon[0] = new StripDaemon(stop -> {
            boolean good = script.remove(0);
            if (script.isEmpty()) {
                daemon[0].stop();
            }
            if (!good) {
                throw new UncheckedIOException(new java.io.IOException("NFS gone"));
            }
            return new PassReport(0, List.of());
        }, config(Duration.ofSeconds(10)), time, time);

        assertThat(daemon[0].run()).isEqualTo(8);
        assertThat(time.sleeps).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 10L, 5L, 1L);
        // the good pass started at T0+25 s, so the grid (T0, T0+10 s, ...) has the next one at T0+30 s
    }

    @Test
    void passesStartAtAFixedRateAndAnOverrunIsFollowedAtOnceWithoutABurst() {
        List<Instant> starts = new ArrayList<>();
        List<Duration> lengths = List.of(Duration.ofMinutes(10), Duration.ofMinutes(150), Duration.ofMinutes(1), Duration.ZERO);
        StripDaemon[] daemon = new StripDaemon[1];
        daemon[0] = new StripDaemon(stop -> {
            starts.add(time.instant());
            time.pass(lengths.get(starts.size() - 1));
            if (starts.size() == lengths.size()) {
                daemon[0].stop();
            }
            return new PassReport(0, List.of());
        }, config(Duration.ofHours(1)), time, time);

        daemon[0].run();

        Duration h = Duration.ofHours(1);
        assertThat(starts).containsExactly(T0, T0.plus(h), T0.plus(Duration.ofMinutes(210)), T0.plus(h.multipliedBy(4)));
        assertThat(time.sleeps).containsExactly(Duration.ofMinutes(50), Duration.ofMinutes(29));
    }

    @Test
    void theScheduleRules() {
        Duration h = Duration.ofHours(1);
        assertThat(StripDaemon.nextOnGrid(T0, h, T0)).isEqualTo(T0.plus(h));
        assertThat(StripDaemon.nextOnGrid(T0, h, T0.plusSeconds(5))).isEqualTo(T0.plus(h));
        assertThat(StripDaemon.nextOnGrid(T0, h, T0.plus(h))).isEqualTo(T0.plus(h.multipliedBy(2)));
        assertThat(StripDaemon.nextOnGrid(T0, h, T0.minusSeconds(5))).as("clock stepped back").isEqualTo(T0);
    }

    @Test
    void aStopRequestEndsTheWaitAtOnce() throws Exception {
        CountDownLatch firstPass = new CountDownLatch(1);
        StripDaemon daemon = new StripDaemon(stop -> {
            firstPass.countDown();
            return new PassReport(0, List.of());
        }, config(Duration.ofHours(1)), Clock.systemUTC(), StripDaemon.Sleeper.system());
        int[] passes = new int[1];
        Thread t = new Thread(() -> passes[0] = daemon.run(), "daemon-under-test");
        t.start();
        assertThat(firstPass.await(30, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 300 && t.getState() != Thread.State.TIMED_WAITING; i++) {
            Thread.sleep(10);
        }
        daemon.stop();
        assertThat(daemon.awaitStopped(Duration.ofSeconds(5))).as("stopped during an hour's wait").isTrue();
        t.join(5000);
        assertThat(passes[0]).isEqualTo(1);
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
        try {
            sigtermStops(daemon, started);
        } finally {
            // a failed assertion must not leave the daemon JVM and its 'sleep 120' behind
            daemon.descendants().forEach(ProcessHandle::destroyForcibly);
            daemon.destroyForcibly();
        }
    }

    private void sigtermStops(Process daemon, Path started) throws Exception {
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

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path p) {
        try {
            Files.delete(p);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
