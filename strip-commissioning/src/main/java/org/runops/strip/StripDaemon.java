package org.runops.strip;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daemon mode: one pass every {@code frequency} until stopped (the original's README promised hourly
 * passes; its code ran once). A failed pass (DB down) is logged and the next one retries. On SIGTERM
 * the running analysis is interrupted (its process tree stopped), that run's bookkeeping is written,
 * and the daemon exits.
 */
public final class StripDaemon {
    private static final Logger LOG = LoggerFactory.getLogger(StripDaemon.class);

    private final StripPass pass;
    private final Duration frequency;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile Thread worker;

    public StripDaemon(StripPass pass, Duration frequency) {
        this.pass = pass;
        this.frequency = frequency;
    }

    /** Runs passes on the calling thread until {@link #stop()} or an interrupt; returns the number of passes. */
    public int run() {
        worker = Thread.currentThread();
        int passes = 0;
        try {
            while (!stop.get() && !Thread.currentThread().isInterrupted()) {
                try {
                    PassReport report = pass.run(false, stop::get);
                    passes++;
                    LOG.info("pass {}: {} new runs, {}", passes, report.candidates(), report.counts());
                } catch (RunDatabaseException e) {
                    LOG.error("pass failed, nothing recorded; the next pass retries: {}", e.getMessage());
                }
                if (stop.get() || Thread.currentThread().isInterrupted()) {
                    break;
                }
                try {
                    Thread.sleep(frequency.toMillis());
                } catch (InterruptedException e) {
                    break;
                }
            }
            LOG.info("daemon stopped after {} passes", passes);
            return passes;
        } finally {
            finished.countDown();
        }
    }

    /** Asks the daemon to stop: the running analysis is interrupted and its run recorded. */
    public void stop() {
        stop.set(true);
        Thread t = worker;
        if (t != null) {
            t.interrupt();
        }
    }

    /** Waits for {@link #run()} to return after {@link #stop()}. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * {@link #run()} with a shutdown hook: SIGTERM (or Ctrl-C) stops the daemon and waits up to
     * {@code grace} for the current run's bookkeeping before the JVM exits.
     */
    public int runUntilTerminated(Duration grace) {
        Thread hook = new Thread(() -> {
            LOG.info("termination requested: finishing the current run's bookkeeping");
            stop();
            try {
                awaitStopped(grace);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "runops-strip-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return run();
    }
}
