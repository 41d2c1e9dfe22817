package org.runops.core.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ShutdownHooksTest {
    @Test
    void returnsTheWorksResultOrItsExceptionWithoutCallingStop() {
        AtomicInteger stops = new AtomicInteger();
        assertThat(ShutdownHooks.whileRunning("t", stops::incrementAndGet, Duration.ofSeconds(1), () -> 42)).isEqualTo(42);
        assertThatThrownBy(() -> ShutdownHooks.whileRunning("t", stops::incrementAndGet, Duration.ofSeconds(1), () -> {
            throw new IllegalStateException("work failed");
        })).hasMessage("work failed");
        assertThat(stops.get()).isZero();
    }

    @Test
    void theHookStopsTheWorkAndReturnsOnceItHasFinished() throws InterruptedException {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = ShutdownHooks.hook("t-stop", finished::countDown, Duration.ofMinutes(5), finished);
        hook.start();
        hook.join(); // returns only because stop let the work finish, well before the grace

        assertThat(finished.getCount()).isZero();
        assertThat(hook.getName()).isEqualTo("t-stop");
    }

    @Test
    void theHookGivesUpAfterTheGrace() throws InterruptedException {
        AtomicInteger stops = new AtomicInteger();
        Thread hook = ShutdownHooks.hook("t-stop", stops::incrementAndGet, Duration.ZERO, new CountDownLatch(1));
        hook.start();
        hook.join();
        assertThat(stops.get()).isEqualTo(1);
    }
}
