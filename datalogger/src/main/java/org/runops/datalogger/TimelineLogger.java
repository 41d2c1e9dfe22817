package org.runops.datalogger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.runops.core.Durations;
import org.runops.core.exec.StopSignal;
import org.runops.core.http.Sleeper;
import org.runops.datalogger.internal.SqliteFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Timeline_Logger, supervised: logs the Timeline Generator's supercycles into the SQLite table
 * {@code TimeLineLogs} of {@code GMPSAI.db}, one transaction per supercycle, until stopped.
 *
 * <p><b>One supercycle</b> (spec §2.5): read {@code G:SCTIME}'s setting (the supercycle length {@code L})
 * and reading (seconds {@code t} into it); the supercycle started at {@code now − t} and has {@code L − t}
 * left. With more than 5 s left the current timeline is read and its slots inserted as rows
 * {@code (SC_StartTime, SCentry_index, eventHex, SC_EventTime, backend)}; then the logger sleeps until
 * 1 ms into the next supercycle. {@code SC_StartTime} is the UTC start, ISO-8601 to the millisecond
 * ({@code 2026-12-03T14:00:00.000Z}); a supercycle already logged under a start within 1 s (two readings
 * differ by their latency) keeps its first key, also when the original script wrote it in its own form
 * (see {@link #existingKey}), and inserts are {@code INSERT OR IGNORE}, so logging a supercycle again never
 * duplicates rows. {@code backend} says where the rows came from ("acl",
 * "simulated", ...), so simulated rows never pass for real ones; a table made by the original script
 * gets that column added (its rows keep NULL).
 *
 * <p><b>Supervision</b> (instead of the original's planned cron restart): any failure — server down, a
 * strange answer, the database locked — is logged with its cause and tried again after 1 s, 2 s, 4 s ...
 * at most {@code maxBackoff} (60 s by default); the first success resets that. Only {@link #stop()} /
 * {@link #close()}, an interrupt, or a configuration that cannot work (the database folder missing, a
 * {@code TimeLineLogs} table without the original columns) end {@link #run()}. {@link #health()} tells
 * how it is going at any time.
 */
public final class TimelineLogger implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TimelineLogger.class);
    /** The supercycle clock: reading = seconds into the current supercycle, setting = its length. */
    public static final DeviceName SCTIME = DeviceName.of("G:SCTIME");
    /** A supercycle with this little left is not logged: the timeline read might already show the next one. */
    static final Duration MIN_LEFT = Duration.ofSeconds(5);
    /** Two starts closer than this are one supercycle read twice. */
    private static final Duration SAME_SUPERCYCLE = Duration.ofSeconds(1);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ORIGINAL_START = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);
    static final String TABLE = "TimeLineLogs";
    private static final String DDL = "CREATE TABLE IF NOT EXISTS TimeLineLogs (SC_StartTime TEXT, SCentry_index INT, eventHex TEXT,"
            + " SC_EventTime REAL, backend TEXT, PRIMARY KEY (SC_StartTime, SCentry_index))";
    private static final List<String> ORIGINAL_COLUMNS = List.of("SC_StartTime", "SCentry_index", "eventHex", "SC_EventTime");

    /**
     * How the logger is doing.
     *
     * @param lastSuccess         when a supercycle was last logged (or skipped for the 5-s rule) without error
     * @param lastSupercycle      the start of the last supercycle written
     * @param consecutiveFailures failed attempts since the last success
     * @param supercyclesLogged   supercycles written since start
     * @param rowsWritten         rows inserted since start (rows already there not counted)
     * @param lastError           the last failure, with its cause
     */
    public record Health(Optional<Instant> lastSuccess, Optional<Instant> lastSupercycle, int consecutiveFailures, long supercyclesLogged,
            long rowsWritten, Optional<String> lastError) {
        public Health {
            Objects.requireNonNull(lastSuccess, "lastSuccess");
            Objects.requireNonNull(lastSupercycle, "lastSupercycle");
            Objects.requireNonNull(lastError, "lastError");
        }

        /** One line for logs and the command line. */
        public String describe() {
            return String.format(Locale.ROOT, "timeline: %d supercycles, %d rows; last supercycle %s; last success %s; %d failures in a row%s",
                    supercyclesLogged, rowsWritten, lastSupercycle.map(Instant::toString).orElse("none"),
                    lastSuccess.map(Instant::toString).orElse("never"), consecutiveFailures, lastError.map(e -> "; last error: " + e).orElse(""));
        }
    }

    private final DataLoggerClient client;
    private final Path db;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration maxBackoff;
    private final Consumer<Health> onHealth;
    private final StopSignal signal = new StopSignal();
    private volatile Health health = new Health(Optional.empty(), Optional.empty(), 0, 0, 0, Optional.empty());
    private boolean schemaChecked; // touched by the logging thread only

    private TimelineLogger(Builder b) {
        this.client = b.client;
        this.db = b.db;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.maxBackoff = b.maxBackoff;
        this.onHealth = b.onHealth;
    }

    /** A logger of {@code client}'s timeline into {@code db}, on the system clock, sleeping the thread, backoff capped at 60 s. */
    public static Builder builder(DataLoggerClient client, Path db) {
        return new Builder(client, db);
    }

    /** Wiring of a {@link TimelineLogger}. */
    public static final class Builder {
        private final DataLoggerClient client;
        private final Path db;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private Duration maxBackoff = Duration.ofSeconds(60);
        private Consumer<Health> onHealth = h -> { };

        private Builder(DataLoggerClient client, Path db) {
            this.client = Objects.requireNonNull(client, "client");
            this.db = Objects.requireNonNull(db, "db");
        }

        /** What {@code now} is when the supercycle start is computed from {@code G:SCTIME}. */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** How the logger waits for the next supercycle or attempt; an interrupt must end the wait. */
        public Builder sleeper(Sleeper value) {
            sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /** The longest wait between failed attempts. */
        public Builder maxBackoff(Duration value) {
            if (value.compareTo(FIRST_BACKOFF) < 0) {
                throw new IllegalArgumentException("maxBackoff must be at least " + FIRST_BACKOFF + ": " + value);
            }
            maxBackoff = value;
            return this;
        }

        /** Called with the new health after every attempt (on the logging thread). */
        public Builder onHealth(Consumer<Health> value) {
            onHealth = Objects.requireNonNull(value, "onHealth");
            return this;
        }

        public TimelineLogger build() {
            return new TimelineLogger(this);
        }
    }

    public Health health() {
        return health;
    }

    /**
     * Logs supercycles on the calling thread until {@link #stop()} or an interrupt; returns the supercycles
     * logged. The interrupt status is clear after {@link #stop()} and set after an interrupt from elsewhere.
     *
     * @throws DataLoggerException when the configuration cannot work (the database folder is missing, the
     *                             table lacks the original columns)
     */
    public long run() {
        signal.enter();
        try {
            checkFolder();
            while (!signal.stopping()) {
                Duration wait;
                try {
                    wait = attempt().untilNext();
                } catch (ConfigurationException e) {
                    LOG.error("timeline logger stops: {}", e.getMessage());
                    throw e;
                } catch (RuntimeException e) {
                    wait = failed(e);
                }
                if (!sleep(wait)) {
                    break;
                }
            }
            LOG.info("timeline logger stopped: {}", health.describe());
            return health.supercyclesLogged();
        } finally {
            signal.exit();
        }
    }

    /**
     * Logs one supercycle and returns the rows it inserted: the current one, or the next one when fewer than
     * 5 s are left of the current one. No retry: a failure throws (for cron and tests).
     */
    public int logOneSupercycle() {
        checkFolder();
        Step step = attempt();
        if (!step.logged()) {
            if (!sleep(step.untilNext())) {
                throw new DataLoggerException("timeline logging into " + db + " interrupted while waiting for the next supercycle");
            }
            step = attempt();
        }
        if (!step.logged()) {
            throw new DataLoggerException("G:SCTIME from " + client.backendName() + " left 5 s or less of two supercycles in a row; nothing logged");
        }
        return step.rows();
    }

    /** Asks {@link #run()} to return: the current wait ends at once. */
    public void stop() {
        signal.stop();
    }

    /** {@link #stop()}, then waits up to 10 s for {@link #run()} to return when it is running. */
    @Override
    public void close() {
        stop();
        if (!signal.running()) {
            return;
        }
        try {
            signal.awaitStopped(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One attempt's outcome: whether it wrote a supercycle, the rows it inserted, how long until the next supercycle. */
    private record Step(boolean logged, int rows, Duration untilNext) {}

    private Step attempt() {
        double length = client.readSetting(SCTIME);
        double into = client.readReading(SCTIME);
        Instant now = clock.instant();
        if (!(length > 0) || !(into >= 0) || into > length + 1 || Double.isInfinite(length)) {
            throw new DataLoggerException(client.backendName() + ": G:SCTIME reads " + into + " s into a supercycle of " + length
                    + " s; expected 0 <= reading <= setting");
        }
        Instant start = now.minusNanos(Math.round(into * 1e9));
        Duration left = Duration.ofNanos(Math.round((length - into) * 1e9));
        Duration untilNext = left.plusMillis(1);
        if (left.compareTo(MIN_LEFT) <= 0) {
            LOG.debug("supercycle {} has only {} left: waiting for the next one", START.format(start), Durations.describe(left));
            succeeded(Optional.empty(), 0);
            return new Step(false, 0, untilNext);
        }
        List<TimelineSlot> slots = client.currentTimeline();
        int rows = write(start, slots);
        succeeded(Optional.of(start), rows);
        LOG.info("supercycle {}: {} slots, {} new rows", START.format(start), slots.size(), rows);
        return new Step(true, rows, untilNext);
    }

    private int write(Instant start, List<TimelineSlot> slots) {
        try (Connection c = SqliteFiles.open(db)) {
            c.setAutoCommit(false);
            try {
                ensureSchema(c);
                String key = existingKey(c, start).orElse(START.format(start));
                int inserted = 0;
                try (PreparedStatement insert = c.prepareStatement("INSERT OR IGNORE INTO " + TABLE
                        + " (SC_StartTime, SCentry_index, eventHex, SC_EventTime, backend) VALUES (?, ?, ?, ?, ?)")) {
                    for (TimelineSlot s : slots) {
                        insert.setString(1, key);
                        insert.setInt(2, s.index());
                        insert.setString(3, String.format(Locale.ROOT, "%02X", s.event()));
                        insert.setDouble(4, s.offsetSeconds());
                        insert.setString(5, client.backendName());
                        inserted += insert.executeUpdate();
                    }
                }
                c.commit();
                return inserted;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DataLoggerException("cannot write the timeline of supercycle " + START.format(start) + " into " + db + ": " + e.getMessage(), e);
        }
    }

    /** Creates the table, or checks one the original script made and adds the {@code backend} column to it. */
    private void ensureSchema(Connection c) throws SQLException {
        if (schemaChecked) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute(DDL);
            Set<String> columns = new HashSet<>();
            try (ResultSet r = s.executeQuery("PRAGMA table_info(" + TABLE + ")")) {
                while (r.next()) {
                    columns.add(r.getString("name"));
                }
            }
            if (!columns.containsAll(ORIGINAL_COLUMNS)) {
                throw new ConfigurationException("table " + TABLE + " in " + db + " has columns " + columns + ", expected " + ORIGINAL_COLUMNS
                        + " (the Timeline_Logger layout)");
            }
            if (!columns.contains("backend")) {
                s.execute("ALTER TABLE " + TABLE + " ADD COLUMN backend TEXT");
            }
        }
        schemaChecked = true;
    }

    /**
     * The key of a supercycle already logged with a start within 1 s of {@code start}: one of ours (ISO UTC)
     * or one the original script wrote. That one stored its naive local {@code datetime.now() − t} through
     * pandas and sqlite3, i.e. Python's {@code isoformat(" ")}: {@code 2020-02-10 08:00:00.250000} (the
     * fraction left out when zero), the wall time of the machine it ran on, taken here as Fermilab's. Both
     * forms sort as text in time order, so a text range finds them. In the hour a DST change repeats, the
     * original's keys are ambiguous; a match there may be the supercycle an hour away, which then gets no
     * rows of its own.
     */
    private static Optional<String> existingKey(Connection c, Instant start) throws SQLException {
        Instant from = start.minus(SAME_SUPERCYCLE);
        Instant to = start.plus(SAME_SUPERCYCLE);
        Optional<String> ours = keyBetween(c, START.format(from), START.format(to));
        return ours.isPresent() ? ours : keyBetween(c, originalKey(from), originalKey(to));
    }

    private static Optional<String> keyBetween(Connection c, String from, String to) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT SC_StartTime FROM " + TABLE + " WHERE SC_StartTime BETWEEN ? AND ? LIMIT 1")) {
            q.setString(1, from);
            q.setString(2, to);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    /** {@code t} as the original script's key: Fermilab wall time in Python's {@code datetime.isoformat(" ")}. */
    static String originalKey(Instant t) {
        LocalDateTime wall = LocalDateTime.ofInstant(t, DataLoggerClient.FERMILAB_ZONE);
        int micros = wall.getNano() / 1000;
        return ORIGINAL_START.format(wall) + (micros == 0 ? "" : String.format(Locale.ROOT, ".%06d", micros));
    }

    private void checkFolder() {
        Path folder = db.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new ConfigurationException("cannot log the timeline into " + db + ": folder " + folder + " does not exist");
        }
    }

    private void succeeded(Optional<Instant> supercycle, int rows) {
        Health h = health;
        publish(new Health(Optional.of(clock.instant()), supercycle.or(h::lastSupercycle), 0,
                h.supercyclesLogged() + (supercycle.isPresent() ? 1 : 0), h.rowsWritten() + rows, h.lastError()));
    }

    private Duration failed(RuntimeException e) {
        Health h = health;
        int failures = h.consecutiveFailures() + 1;
        Duration wait = backoff(failures);
        String why = StopSignal.describe(e);
        if (failures == 1) {
            LOG.error("timeline attempt failed; next attempt in {}: {}", Durations.describe(wait), why, e);
        } else { // an outage of an hour should not fill the log with the same stack trace
            LOG.warn("timeline attempt failed ({} in a row); next attempt in {}: {}", failures, Durations.describe(wait), why);
        }
        publish(new Health(h.lastSuccess(), h.lastSupercycle(), failures, h.supercyclesLogged(), h.rowsWritten(), Optional.of(why)));
        return wait;
    }

    private void publish(Health h) {
        health = h;
        onHealth.accept(h);
    }

    /** 1 s, 2 s, 4 s, ... after consecutive failures, at most {@code maxBackoff}. */
    Duration backoff(int failuresInARow) {
        return StopSignal.backoff(failuresInARow, maxBackoff);
    }

    /** Waits {@code d}; false when stopped or interrupted meanwhile. */
    private boolean sleep(Duration d) {
        return signal.sleep(d, sleeper);
    }

    /** A configuration that retrying cannot fix: {@link #run()} stops with it. */
    private static final class ConfigurationException extends DataLoggerException {
        private static final long serialVersionUID = 1L;

        ConfigurationException(String message) {
            super(message);
        }
    }
}
