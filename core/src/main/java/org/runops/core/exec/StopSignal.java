package org.runops.core.exec;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.runops.core.http.Sleeper;

/**
 * How a service loop that runs on its caller's thread (a daemon, a logger) is told to stop:
 * {@link #stop()} sets a flag and interrupts the loop's thread, so a wait or a blocking call ends at
 * once. The loop calls {@link #enter()} first and {@link #exit()} in a {@code finally}; exit clears the
 * interrupt that {@code stop()} sent, so a stopped loop returns with the interrupt status clear and one
 * interrupted from elsewhere returns with it still set, for its caller to see.
 */
public final class StopSignal {
    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private Thread worker; // guarded by this

    /** The calling thread is now the loop's: {@link #stop()} interrupts it. */
    public synchronized void enter() {
        worker = Thread.currentThread();
    }

    /** The loop has returned (call in a {@code finally}). */
    public void exit() {
        synchronized (this) {
            worker = null;
            if (requested.get()) {
                Thread.interrupted(); // the interrupt stop() sent, if nothing consumed it
            }
        }
        finished.countDown();
    }

    /** Asks the loop to return: its current wait ends at once. */
    public void stop() {
        requested.set(true);
        synchronized (this) {
            if (worker != null) {
                worker.interrupt();
            }
        }
    }

    /** Whether {@link #stop()} was called. */
    public boolean requested() {
        return requested.get();
    }

    /** Whether the loop should end: {@link #stop()} was called or its thread was interrupted. */
    public boolean stopping() {
        return requested.get() || Thread.currentThread().isInterrupted();
    }

    /** Whether a loop is between {@link #enter()} and {@link #exit()}. */
    public synchronized boolean running() {
        return worker != null;
    }

    /** Waits up to {@code timeout} for the loop to {@link #exit()}; true when it did. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Waits {@code duration} with {@code sleeper}; false when the loop should end instead. An interrupt
     * that did not come from {@link #stop()} is kept for the caller.
     */
    public boolean sleep(Duration duration, Sleeper sleeper) {
        if (stopping()) {
            return false;
        }
        try {
            sleeper.sleep(duration);
            return !stopping();
        } catch (InterruptedException e) {
            if (!requested.get()) {
                Thread.currentThread().interrupt(); // not ours: keep it for the caller
            }
            return false;
        }
    }

    /** 1 s, 2 s, 4 s, ... after consecutive failures ({@code failuresInARow} ≥ 1), at most {@code cap}. */
    public static Duration backoff(int failuresInARow, Duration cap) {
        if (failuresInARow < 1) {
            throw new IllegalArgumentException("failuresInARow must be at least 1, got " + failuresInARow);
        }
        if (failuresInARow > 40) { // 2^40 s is far beyond any cap
            return cap;
        }
        Duration wait = Duration.ofSeconds(1L << (failuresInARow - 1));
        return wait.compareTo(cap) < 0 ? wait : cap;
    }

    /** The exception and its causes in one line, for logs and records. */
    public static String describe(Throwable e) {
        StringBuilder s = new StringBuilder();
        Throwable t = e;
        for (int depth = 0; t != null && depth < 5; depth++, t = t.getCause() == t ? null : t.getCause()) {
            s.append(depth == 0 ? "" : "; caused by ").append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return s.toString();
    }
}
