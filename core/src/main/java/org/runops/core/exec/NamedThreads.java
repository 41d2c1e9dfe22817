package org.runops.core.exec;

import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread factories for runops' worker pools. */
public final class NamedThreads {
    private NamedThreads() {}

    /**
     * Daemon threads named {@code <prefix>-1}, {@code <prefix>-2}, ...: named so a thread dump tells whose they
     * are, daemons so a pool nobody shut down never keeps the JVM alive.
     */
    public static ThreadFactory daemon(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
