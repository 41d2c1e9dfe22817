package org.runops.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stop request (an interrupt) never costs a ledger line: found by StripDaemonTest on a loaded machine. */
class AppendOnlyFileTest {
    @TempDir
    Path tmp;

    @Test
    void anInterruptedThreadStillAppendsAndKeepsItsInterrupt() throws IOException {
        AppendOnlyFile file = new AppendOnlyFile(tmp.resolve("history.jsonl"));
        Thread.currentThread().interrupt();
        try {
            file.append("{\"run\": 1}");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(Files.readAllLines(tmp.resolve("history.jsonl"))).containsExactly("{\"run\": 1}");
    }

    @Test
    void interruptsArrivingWhileAppendingLoseAndDoubleNothing() throws Exception {
        Path path = tmp.resolve("ledger.txt");
        AppendOnlyFile file = new AppendOnlyFile(path);
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            expected.add("line " + i);
        }
        Thread writer = new Thread(() -> {
            try {
                expected.forEach(file::append);
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                done.set(true);
            }
        });
        writer.start();
        // one interrupt at a time, as a daemon's stop request sends, until the writer is through
        while (!done.get()) {
            writer.interrupt();
            Thread.sleep(0, 200_000);
        }
        writer.join();
        assertThat(failure.get()).isNull();
        assertThat(Files.readAllLines(path)).containsExactlyElementsOf(expected);
    }
}
