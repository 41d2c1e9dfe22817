package org.runops.strip;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.runops.core.Durations;
import org.runops.core.exec.ShutdownHooks;
import org.runops.core.exec.StopSignal;
import org.runops.core.ledger.HistoryLog;
import org.runops.core.ledger.PassRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daemon mode: a pass every {@code frequency} until stopped (the original's README promised hourly
 * passes; its code ran once).
 *
 * <p><b>Schedule</b>: fixed rate on the injected clock. Passes start on a grid anchored at the first
 * one ({@code t0}, {@code t0 + frequency}, ...). A pass that overruns its slot is followed at once by the
 * next, never by a burst of the missed ones, and never two at a time (one thread runs them).
 *
 * <p><b>Failures</b>: a pass that throws any {@link RuntimeException} — the RUN database down, a ledger
 * that cannot be read or written, a storage root that cannot be listed, a bug — is logged with its
 * cause, recorded in {@code history.jsonl} as a {@code FAILED} pass, and tried again after 1 s, 2 s,
 * 4 s, ... at most {@code frequency}; the first good pass resets the back-off and returns to the grid.
 * A {@link StripConfigException} stops the daemon (run() rethrows it): retrying a configuration that
 * cannot work helps nobody. {@link Error}s (out of memory) are not caught.
 *
 * <p><b>Stopping</b>: {@link #stop()} (SIGTERM through {@link #runUntilTerminated}) interrupts the wait
 * at once, or the running analysis (its process tree stopped), whose run's bookkeeping is written
 * before {@link #run()} returns.
 *
 * <pre>{@code
 * new StripDaemon(new StripPass(config, RunDatabase.jdbc(ds), Clock.systemUTC(), ProcessRunner.create()))
 *         .runUntilTerminated(Duration.ofMinutes(1));
 * }</pre>
 */
public final class StripDaemon {
    private static final Logger LOG = LoggerFactory.getLogger(StripDaemon.class);

    /** One pass as the daemon runs it: {@link StripPass} in production, a stand-in in tests. */
    @FunctionalInterface
    public interface Pass {
        PassReport run(BooleanSupplier stopRequested);
    }

    /** How the daemon waits between passes; an interrupt of the waiting thread must end the wait. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;

        /** The thread sleeps. */
        static Sleeper system() {
            return d -> TimeUnit.NANOSECONDS.sleep(d.toNanos());
        }
    }

    private final Pass pass;
    private final String host;
    private final Path ledgerDirectory;
    private final Duration frequency;
    private final Clock clock;
    private final Sleeper sleeper;
    private final StopSignal signal = new StopSignal();
    private Runnable startUp = () -> { };

    /** Passes of {@code pass} every {@code frequency} of its configuration, on its clock, sleeping the thread. */
    public StripDaemon(StripPass pass) {
        this(stop -> pass.run(false, stop), pass.config(), pass.clock(), Sleeper.system());
        this.startUp = pass::orphans;
    }

    /**
     * @param pass    what runs every {@code config.frequency()}
     * @param config  the host, ledger directory (for {@code history.jsonl}) and frequency
     * @param clock   what the schedule is measured on
     * @param sleeper how the daemon waits for the next pass
     */
    public StripDaemon(Pass pass, StripConfig config, Clock clock, Sleeper sleeper) {
        this.pass = Objects.requireNonNull(pass, "pass");
        this.host = config.host();
        this.ledgerDirectory = config.ledgerDirectory();
        this.frequency = config.frequency();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * Runs passes on the calling thread until {@link #stop()} or an interrupt. Returns the number of
     * passes run (failed ones included), with the interrupt status clear after {@link #stop()} and set
     * after an interrupt from elsewhere.
     *
     * @throws StripConfigException when a pass finds that the configuration cannot work
     */
    public int run() {
        signal.enter();
        int passes = 0;
        int failuresInARow = 0;
        Instant anchor = clock.instant();
        try (HistoryLog history = StripLedgers.history(ledgerDirectory)) {
            try {
                startUp.run(); // reports the orphans a killed predecessor left
            } catch (RuntimeException e) {
                LOG.warn("cannot look for orphaned analyses: {}", StopSignal.describe(e));
            }
            while (!signal.stopping()) {
                Instant started = clock.instant();
                passes++;
                PassRecord record;
                try {
                    PassReport report = pass.run(signal::requested);
                    failuresInARow = 0;
                    Instant due = nextOnGrid(anchor, frequency, started);
                    record = new PassRecord(started, finishedAfter(started), host, PassRecord.Outcome.COMPLETED, report.candidates(),
                            counts(report), "", due);
                    LOG.info("pass {}: {} new runs, {}; next pass due {}", passes, report.candidates(), report.counts(), due);
                } catch (StripConfigException e) {
                    LOG.error("pass {}: the configuration cannot work; the daemon stops", passes, e);
                    Instant end = finishedAfter(started);
                    record(history, new PassRecord(started, end, host, PassRecord.Outcome.FAILED, 0, Map.of(), StopSignal.describe(e), end));
                    throw e;
                } catch (RuntimeException e) {
                    failuresInARow++;
                    Instant end = finishedAfter(started);
                    Duration wait = StopSignal.backoff(failuresInARow, frequency);
                    record = new PassRecord(started, end, host, PassRecord.Outcome.FAILED, 0, Map.of(), StopSignal.describe(e), end.plus(wait));
                    LOG.error("pass {} failed ({} in a row); the next one starts in {}: {}", passes, failuresInARow, Durations.describe(wait), StopSignal.describe(e), e);
                }
                record(history, record);
                if (!waitUntil(record.nextPassDue())) {
                    break;
                }
            }
            LOG.info("daemon stopped after {} passes", passes);
            return passes;
        } finally {
            signal.exit();
        }
    }

    /** Asks the daemon to stop: the wait ends at once; a running analysis is interrupted and its run recorded. */
    public void stop() {
        signal.stop();
    }

    /** Waits for {@link #run()} to return after {@link #stop()}. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return signal.awaitStopped(timeout);
    }

    /**
     * {@link #run()} with a shutdown hook: SIGTERM (or Ctrl-C) stops the daemon and waits up to
     * {@code grace} for the current run's bookkeeping before the JVM exits.
     */
    public int runUntilTerminated(Duration grace) {
        return ShutdownHooks.whileRunning("runops-strip-shutdown", () -> {
            LOG.info("termination requested: finishing the current run's bookkeeping");
            stop();
        }, grace, this::run);
    }

    /**
     * The first slot of the grid {@code anchor + k * frequency} after {@code started}: the next pass of
     * one that started then. When it has already gone by (the pass overran), the next pass starts at once.
     */
    static Instant nextOnGrid(Instant anchor, Duration frequency, Instant started) {
        long slots = Math.floorDiv(Duration.between(anchor, started).toNanos(), frequency.toNanos()) + 1;
        return anchor.plus(frequency.multipliedBy(slots));
    }

    /** Sleeps until {@code due} on the clock; false when stopped or interrupted meanwhile. */
    private boolean waitUntil(Instant due) {
        while (!signal.stopping()) {
            Duration left = Duration.between(clock.instant(), due);
            if (left.isZero() || left.isNegative()) {
                return true;
            }
            if (!signal.sleep(left, sleeper::sleep)) {
                return false;
            }
        }
        return false;
    }

    /** Now, or {@code started} when the wall clock stepped back during the pass. */
    private Instant finishedAfter(Instant started) {
        Instant now = clock.instant();
        return now.isBefore(started) ? started : now;
    }

    private void record(HistoryLog history, PassRecord record) {
        try {
            history.append(record);
        } catch (RuntimeException e) {
            // The ledger directory may be what failed; the daemon goes on, and the log has the pass.
            LOG.warn("cannot record the pass in {}: {}", history.file(), StopSignal.describe(e));
        }
    }

    private static Map<String, Long> counts(PassReport report) {
        Map<String, Long> counts = new TreeMap<>();
        report.counts().forEach((decision, n) -> counts.put(String.valueOf(decision), n));
        return counts;
    }
}
