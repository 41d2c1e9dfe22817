package org.runops.core.exec;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Long work that SIGTERM or Ctrl-C should stop cleanly: while it runs, a JVM shutdown hook asks it to stop and waits
 * (at most {@code grace}) for it to end, so the JVM does not halt halfway through its bookkeeping. The hook is removed
 * afterwards, so a program that goes on leaks no hook.
 */
public final class ShutdownHooks {
    private ShutdownHooks() {}

    /** Runs {@code work} with a hook named {@code hookName} that calls {@code stop} and waits for {@code work} to return. */
    public static <T> T whileRunning(String hookName, Runnable stop, Duration grace, Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = hook(hookName, stop, grace, finished);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.get();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting and the hook is running: it returns now that the work has finished
            }
        }
    }

    /** The hook: stop, then wait until {@code finished} or {@code grace} has passed. */
    static Thread hook(String hookName, Runnable stop, Duration grace, CountDownLatch finished) {
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(grace, "grace");
        return new Thread(() -> {
            stop.run();
            try {
                finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, Objects.requireNonNull(hookName, "hookName"));
    }
}
