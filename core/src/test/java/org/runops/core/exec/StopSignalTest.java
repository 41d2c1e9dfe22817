package org.runops.core.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.runops.core.http.Sleeper;

class StopSignalTest {

    @Test
    void backoffDoublesFromOneSecondUpToTheCap() {
        Duration h = Duration.ofHours(1);
        assertThat(StopSignal.backoff(1, h)).isEqualTo(Duration.ofSeconds(1));
        assertThat(StopSignal.backoff(4, h)).isEqualTo(Duration.ofSeconds(8));
        assertThat(StopSignal.backoff(13, h)).isEqualTo(h);
        assertThat(StopSignal.backoff(1000, h)).isEqualTo(h);
        assertThat(StopSignal.backoff(1, Duration.ofMillis(300))).isEqualTo(Duration.ofMillis(300));
        assertThatThrownBy(() -> StopSignal.backoff(0, h)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void describeNamesTheExceptionAndItsCauses() {
        RuntimeException e = new UncheckedIOException("cannot read ledger", new IOException("disk full"));
        assertThat(StopSignal.describe(e)).isEqualTo("UncheckedIOException: cannot read ledger; caused by IOException: disk full");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void stopEndsTheLoopsWaitAtOnceAndLeavesItsThreadUninterrupted() throws Exception {
        StopSignal signal = new StopSignal();
        CountDownLatch waiting = new CountDownLatch(1);
        Sleeper longSleep = d -> {
            waiting.countDown();
            Thread.sleep(60_000);
        };
        CompletableFuture<Boolean[]> loop = CompletableFuture.supplyAsync(() -> {
            signal.enter();
            boolean slept;
            try {
                slept = signal.sleep(Duration.ofMinutes(1), longSleep);
            } finally {
                signal.exit();
            }
            return new Boolean[] {slept, Thread.currentThread().isInterrupted()};
        });
        waiting.await();
        assertThat(signal.running()).isTrue();
        signal.stop();
        assertThat(signal.awaitStopped(Duration.ofSeconds(10))).isTrue();
        assertThat(loop.get()).containsExactly(false, false);
        assertThat(signal.running()).isFalse();
        assertThat(signal.requested()).isTrue();
    }

    @Test
    void anInterruptFromElsewhereEndsTheSleepAndIsKeptForTheCaller() {
        StopSignal signal = new StopSignal();
        Thread.currentThread().interrupt();
        try {
            assertThat(signal.stopping()).isTrue();
            assertThat(signal.sleep(Duration.ofSeconds(1), d -> Thread.sleep(1000))).isFalse();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(signal.sleep(Duration.ofMillis(1), d -> {
            throw new InterruptedException("from elsewhere");
        })).isFalse();
        assertThat(Thread.interrupted()).as("kept for the caller").isTrue();
    }
}
