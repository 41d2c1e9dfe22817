package org.runops.core.http;

import java.time.Duration;

/** Pauses between attempts; injectable so tests record the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** {@link Thread#sleep}. */
    static Sleeper system() {
        return d -> {
            if (!d.isNegative() && !d.isZero()) {
                Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
            }
        };
    }
}
