package org.runops.datalogger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.core.http.Sleeper;
import org.runops.testing.MutableClock;

/** The supervised timeline logger on an injected clock, against the simulated backend and a real SQLite file. */
class TimelineLoggerTest {
    private static final Instant T0 = Instant.parse("2026-12-03T14:00:00Z");
    private static final int SLOTS = 1153; // one simulated supercycle

    @TempDir
    Path tmp;
    private final MutableClock clock = new MutableClock(T0);
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    /** Records the wait and moves the clock on by it, as a real sleep would. */
    private Sleeper advancing(Predicate<Instant> stopWhen, Runnable stop) {
        return d -> {
            waits.add(d);
            clock.advance(d);
            if (stopWhen.test(clock.instant())) {
                stop.run();
            }
        };
    }

    @Test
    void aServerDownForAnHourIsRetriedWithCappedBackoffAndLoggingResumesWithoutDuplicates() throws SQLException {
        clock.set(T0.plusSeconds(10));
        Instant back = T0.plus(Duration.ofHours(1));
        AtomicInteger refused = new AtomicInteger();
        DataLoggerClient flaky = new FailingUntil(DataLoggerClient.simulated(1, SimulationProfile.booster(), clock), () -> {
            if (clock.instant().isBefore(back)) {
                refused.incrementAndGet();
                throw new DataLoggerException("cannot reach http://www-bd.fnal.gov/cgi-bin/acl.pl: Connection refused");
            }
        });
        Path db = tmp.resolve("GMPSAI.db");
        List<TimelineLogger.Health> seen = new CopyOnWriteArrayList<>();
        TimelineLogger[] holder = new TimelineLogger[1];
        TimelineLogger logger = TimelineLogger.builder(flaky, db).clock(clock).onHealth(seen::add)
                .sleeper(advancing(t -> !t.isBefore(back.plus(Duration.ofMinutes(10))), () -> holder[0].stop())).build();
        holder[0] = logger;

        long logged = logger.run();

        List<Duration> outage = waits.subList(0, refused.get());
        assertThat(outage).startsWith(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(16), Duration.ofSeconds(32), Duration.ofSeconds(60), Duration.ofSeconds(60));
        assertThat(outage).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(Duration.ofSeconds(60)));
        assertThat(refused.get()).as("about one attempt a minute for an hour").isBetween(60, 70);
        assertThat(seen.stream().mapToInt(TimelineLogger.Health::consecutiveFailures).max().orElseThrow()).isEqualTo(refused.get());
        assertThat(logged).as("the supercycles from the recovery to the stop").isBetween(10L, 11L);
        TimelineLogger.Health h = logger.health();
        assertThat(h.consecutiveFailures()).isZero();
        assertThat(h.supercyclesLogged()).isEqualTo(logged);
        assertThat(h.rowsWritten()).isEqualTo(logged * SLOTS);
        assertThat(h.lastError()).hasValueSatisfying(e -> assertThat(e).contains("Connection refused", "acl.pl"));
        assertThat(h.describe()).contains(logged + " supercycles", "0 failures in a row", "Connection refused");

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM TimeLineLogs")).isEqualTo(logged * SLOTS);
            assertThat(count(s, "SELECT COUNT(DISTINCT SC_StartTime) FROM TimeLineLogs")).isEqualTo(logged);
            assertThat(count(s, "SELECT COUNT(*) FROM TimeLineLogs WHERE backend = 'simulated'")).isEqualTo(logged * SLOTS);
            try (ResultSet r = s.executeQuery("SELECT DISTINCT SC_StartTime FROM TimeLineLogs ORDER BY 1")) {
                List<Instant> starts = new ArrayList<>();
                while (r.next()) {
                    starts.add(Instant.parse(r.getString(1)));
                }
                assertThat(starts.get(0)).isEqualTo(back);
                for (int i = 1; i < starts.size(); i++) {
                    assertThat(Duration.between(starts.get(i - 1), starts.get(i))).as("one row set per supercycle").isEqualTo(Duration.ofSeconds(60));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT eventHex, SC_EventTime FROM TimeLineLogs WHERE SCentry_index = 0 LIMIT 1")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("00");
                assertThat(r.getDouble(2)).isZero();
            }
        }
    }

    @Test
    void afterASupercycleTheLoggerSleepsUntilJustIntoTheNextOne() {
        clock.set(T0.plusMillis(12_500));
        TimelineLogger[] holder = new TimelineLogger[1];
        TimelineLogger logger = TimelineLogger.builder(DataLoggerClient.simulated(1, SimulationProfile.booster(), clock), tmp.resolve("GMPSAI.db"))
                .clock(clock).sleeper(advancing(t -> waits.size() == 3, () -> holder[0].stop())).build();
        holder[0] = logger;

        assertThat(logger.run()).isEqualTo(3);
        assertThat(waits).containsExactly(Duration.ofMillis(47_501), Duration.ofSeconds(60), Duration.ofSeconds(60));
        assertThat(logger.health().lastSupercycle()).contains(T0.plusSeconds(120));
    }

    @Test
    void withFiveSecondsOrLessLeftTheNextSupercycleIsLoggedInstead() throws SQLException {
        clock.set(T0.plusSeconds(55));
        Path db = tmp.resolve("GMPSAI.db");
        TimelineLogger logger = TimelineLogger.builder(DataLoggerClient.simulated(1, SimulationProfile.booster(), clock), db).clock(clock)
                .sleeper(advancing(t -> false, () -> { })).build();

        assertThat(logger.logOneSupercycle()).isEqualTo(SLOTS);

        assertThat(waits).containsExactly(Duration.ofMillis(5_001));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT DISTINCT SC_StartTime FROM TimeLineLogs")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("2026-12-03T14:01:00.000Z");
            }
        }
    }

    @Test
    void aSupercycleReadAgainWithOtherLatencyAddsNoRows() {
        Path db = tmp.resolve("GMPSAI.db");
        DataLoggerClient sim = DataLoggerClient.simulated(1, SimulationProfile.booster(), clock);
        AtomicInteger late = new AtomicInteger();
        DataLoggerClient slowAnswers = new FailingUntil(sim, () -> { }) {
            @Override
            public double readReading(DeviceName device) {
                return super.readReading(device) - 0.001 * late.get(); // the reading was taken that long before "now"
            }
        };
        TimelineLogger logger = TimelineLogger.builder(slowAnswers, db).clock(clock).sleeper(advancing(t -> false, () -> { })).build();
        clock.set(T0.plusSeconds(20));
        assertThat(logger.logOneSupercycle()).isEqualTo(SLOTS);
        clock.set(T0.plusSeconds(30));
        late.set(400);
        assertThat(logger.logOneSupercycle()).isZero();
        assertThat(logger.health().rowsWritten()).isEqualTo(SLOTS);
    }

    @Test
    void aTableTheOriginalScriptMadeGetsTheBackendColumnAndAForeignOneStopsTheLogger() throws SQLException {
        Path db = tmp.resolve("GMPSAI.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE TimeLineLogs (SC_StartTime TEXT, SCentry_index INT, eventHex TEXT, SC_EventTime, PRIMARY KEY (SC_StartTime, SCentry_index))");
            s.execute("INSERT INTO TimeLineLogs VALUES ('2020-02-10 14:00:00.000000', 0, '00', 0.0)");
        }
        clock.set(T0.plusSeconds(3));
        DataLoggerClient sim = DataLoggerClient.simulated(1, SimulationProfile.booster(), clock);
        assertThat(TimelineLogger.builder(sim, db).clock(clock).sleeper(advancing(t -> false, () -> { })).build().logOneSupercycle()).isEqualTo(SLOTS);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM TimeLineLogs WHERE backend IS NULL")).isEqualTo(1);
            assertThat(count(s, "SELECT COUNT(*) FROM TimeLineLogs WHERE backend = 'simulated'")).isEqualTo(SLOTS);
        }

        Path other = tmp.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE TimeLineLogs (something TEXT)");
        }
        TimelineLogger foreign = TimelineLogger.builder(sim, other).clock(clock).sleeper(advancing(t -> false, () -> { })).build();
        assertThatThrownBy(foreign::run).isInstanceOf(DataLoggerException.class).hasMessageContaining("TimeLineLogs", "SC_StartTime", other.toString());
        assertThat(waits).as("no retry of a configuration error").isEmpty();

        TimelineLogger nowhere = TimelineLogger.builder(sim, tmp.resolve("missing/GMPSAI.db")).clock(clock).build();
        assertThatThrownBy(nowhere::run).isInstanceOf(DataLoggerException.class).hasMessageContaining("missing").hasMessageContaining("does not exist");
    }

    @Test
    void aSupercycleTheOriginalScriptLoggedKeepsItsKeyAndGetsNoDuplicates() throws SQLException {
        Path db = tmp.resolve("GMPSAI.db");
        // the original's key of the supercycle starting at T0 (08:00 CST), read 0.25 s late: naive local isoformat(" ")
        String original = "2026-12-03 08:00:00.250000";
        assertThat(TimelineLogger.originalKey(T0.plusMillis(250))).isEqualTo(original);
        assertThat(TimelineLogger.originalKey(T0)).isEqualTo("2026-12-03 08:00:00");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE TimeLineLogs (SC_StartTime TEXT, SCentry_index INT, eventHex TEXT, SC_EventTime, PRIMARY KEY (SC_StartTime, SCentry_index))");
            s.execute("INSERT INTO TimeLineLogs VALUES ('" + original + "', 0, '00', 0.0), ('" + original + "', 1, '11', 0.0667)");
            // another supercycle a minute earlier: not this one
            s.execute("INSERT INTO TimeLineLogs VALUES ('2026-12-03 07:59:00', 0, '00', 0.0)");
        }
        DataLoggerClient sim = DataLoggerClient.simulated(1, SimulationProfile.booster(), clock);
        clock.set(T0.plusSeconds(20));
        assertThat(TimelineLogger.builder(sim, db).clock(clock).sleeper(advancing(t -> false, () -> { })).build().logOneSupercycle())
                .isEqualTo(SLOTS - 2);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM TimeLineLogs WHERE SC_StartTime = '" + original + "'")).isEqualTo(SLOTS);
            assertThat(count(s, "SELECT COUNT(*) FROM TimeLineLogs")).isEqualTo(SLOTS + 1);
        }
    }

    @Test
    void aDatabaseThatCannotBeOpenedIsRetriedNotFatal() throws Exception {
        Path db = tmp.resolve("GMPSAI.db");
        java.nio.file.Files.createDirectory(db); // SQLite cannot open a folder: a real failure, as a broken mount gives
        clock.set(T0.plusSeconds(10));
        TimelineLogger[] holder = new TimelineLogger[1];
        Sleeper repairThenStop = d -> {
            waits.add(d);
            clock.advance(d);
            if (waits.size() == 1) {
                try {
                    java.nio.file.Files.delete(db);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            } else {
                holder[0].stop();
            }
        };
        TimelineLogger logger = TimelineLogger.builder(DataLoggerClient.simulated(1, SimulationProfile.booster(), clock), db).clock(clock)
                .sleeper(repairThenStop).build();
        holder[0] = logger;

        logger.run();

        assertThat(waits.get(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(logger.health().lastError()).hasValueSatisfying(e -> assertThat(e).contains(db.toString()));
        assertThat(logger.health().supercyclesLogged()).isEqualTo(1);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM TimeLineLogs")).isEqualTo(SLOTS);
        }
    }

    @Test
    void anInterruptFromElsewhereStopsTheLoopAndKeepsTheFlag() {
        clock.set(T0.plusSeconds(10));
        TimelineLogger logger = TimelineLogger.builder(DataLoggerClient.simulated(1, SimulationProfile.booster(), clock), tmp.resolve("GMPSAI.db"))
                .clock(clock).sleeper(d -> {
                    throw new InterruptedException("SIGTERM");
                }).build();
        try {
            assertThat(logger.run()).isEqualTo(1);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The simulated backend, whose timeline reads first run {@code before} (which may throw). */
    private static class FailingUntil implements DataLoggerClient {
        private final DataLoggerClient inner;
        private final Runnable before;

        FailingUntil(DataLoggerClient inner, Runnable before) {
            this.inner = inner;
            this.before = before;
        }

        @Override
        public TimeSeries fetch(DeviceRequest device, TimeWindow window) {
            return inner.fetch(device, window);
        }

        @Override
        public List<EventOccurrence> eventLog(int event, TimeWindow window) {
            return inner.eventLog(event, window);
        }

        @Override
        public List<TimelineSlot> currentTimeline() {
            before.run();
            return inner.currentTimeline();
        }

        @Override
        public double readReading(DeviceName device) {
            before.run();
            return inner.readReading(device);
        }

        @Override
        public double readSetting(DeviceName device) {
            before.run();
            return inner.readSetting(device);
        }

        @Override
        public String backendName() {
            return inner.backendName();
        }
    }
}
