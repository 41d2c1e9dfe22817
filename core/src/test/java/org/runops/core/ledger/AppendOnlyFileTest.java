package org.runops.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop request (an interrupt) never costs a ledger line: found by StripDaemonTest on a loaded machine.
 * The writer thread and the JVM-wide gate of a file belong to the open appender and go with close().
 */
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

    @Test
    void closeStopsTheWriterThreadAndLeavesTheGate() throws Exception {
        Path path = tmp.resolve("closing-ledger.txt");
        AppendOnlyFile first = new AppendOnlyFile(path);
        AppendOnlyFile second = new AppendOnlyFile(path);
        assertThat(AppendOnlyFile.gateHeld(path)).as("reading or opening holds nothing").isFalse();
        first.append("run1");
        second.append("run2");
        List<Thread> writers = writerThreads("runops-ledger-writer-closing-ledger.txt");
        assertThat(writers).hasSize(2);

        first.close();
        assertThat(AppendOnlyFile.gateHeld(path)).as("the second appender still uses it").isTrue();
        second.close();
        assertThat(AppendOnlyFile.gateHeld(path)).isFalse();
        for (Thread t : writers) {
            t.join(10_000);
            assertThat(t.isAlive()).as(t.getName()).isFalse();
        }
        assertThatThrownBy(() -> first.append("run3")).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(first.read().lines()).containsExactly("run1", "run2");
        first.close(); // twice is harmless
    }

    @Test
    void anInterruptedCloseStillFinishesAndKeepsItsInterrupt() throws IOException {
        AppendOnlyFile file = new AppendOnlyFile(tmp.resolve("h.jsonl"));
        file.append("{}");
        Thread.currentThread().interrupt();
        try {
            file.close();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(AppendOnlyFile.gateHeld(tmp.resolve("h.jsonl"))).isFalse();
        assertThat(Files.readAllLines(tmp.resolve("h.jsonl"))).containsExactly("{}");
    }

    private static List<Thread> writerThreads(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name) && t.isAlive()).toList();
    }
}
