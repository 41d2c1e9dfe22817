package org.runops.strip;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test seam at every write of a pass: the JVM property {@value #CRASH_AT} = {@code point} or
 * {@code point@n} halts the JVM ({@code Runtime.halt}, as a kill -9 would stop it) the n-th time a pass
 * reaches {@code point}; {@value #PAUSE_AT} = {@code point} prints {@code PAUSED point} and sleeps
 * {@value #PAUSE_MILLIS} ms there (long enough for a test to SIGSTOP the JVM). Unset, each check is one
 * string comparison. The points, in the order a run meets them: {@code lease-taken}, {@code analysis-done},
 * {@code retry-recorded}, {@code intent-written}, {@code ledger-written}, {@code history-written},
 * {@code committed} (before the lease is released).
 */
final class CrashPoints {
    static final String CRASH_AT = "runops.strip.crashAt";
    static final String PAUSE_AT = "runops.strip.pauseAt";
    static final int PAUSE_MILLIS = 4000;
    static final int HALT_STATUS = 86;

    private static final String CRASH = System.getProperty(CRASH_AT, "");
    private static final String PAUSE = System.getProperty(PAUSE_AT, "");
    private static final Map<String, AtomicInteger> REACHED = new ConcurrentHashMap<>();

    private CrashPoints() {}

    static void reached(String point) {
        if (!CRASH.isEmpty() && (CRASH.equals(point) || CRASH.startsWith(point + "@"))) {
            int n = CRASH.equals(point) ? 1 : Integer.parseInt(CRASH.substring(point.length() + 1));
            if (REACHED.computeIfAbsent(point, p -> new AtomicInteger()).incrementAndGet() == n) {
                System.out.println("HALT " + point);
                System.out.flush();
                Runtime.getRuntime().halt(HALT_STATUS);
            }
        }
        if (PAUSE.equals(point)) {
            System.out.println("PAUSED " + point);
            System.out.flush();
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
