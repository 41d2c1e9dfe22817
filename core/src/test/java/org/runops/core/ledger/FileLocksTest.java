package org.runops.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A lock held by another process (a child JVM) is waited for only so long; FileChannel.lock() waited for ever. */
class FileLocksTest {
    @TempDir
    Path tmp;

    /** Holds the lock of args[0] until killed, after writing "held" to args[1]. */
    public static void main(String[] args) throws Exception {
        try (FileChannel ch = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = ch.lock()) {
            Files.writeString(Path.of(args[1]), "held");
            Thread.sleep(60_000);
        }
    }

    private Process holder(Path file, Path held) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), FileLocksTest.class.getName(),
                file.toString(), held.toString()).inheritIO().start();
        for (int i = 0; i < 200 && !Files.exists(held); i++) {
            Thread.sleep(50);
        }
        assertThat(held).as("the child took the lock").exists();
        return p;
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aLockHeldElsewhereIsGivenUpAfterTheWaitNamingTheFile() throws Exception {
        Path ledger = tmp.resolve("analyzedruns.txt");
        Process p = holder(ledger, tmp.resolve("held"));
        try (FileChannel ch = FileChannel.open(ledger, StandardOpenOption.WRITE)) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> FileLocks.lock(ch, ledger, Duration.ofMillis(300))).isInstanceOf(LedgerException.class)
                    .hasMessageContaining(ledger.toString()).hasMessageContaining("another process holds it");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        } finally {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (FileChannel ch = FileChannel.open(ledger, StandardOpenOption.WRITE);
                FileLock lock = FileLocks.lock(ch, ledger, Duration.ofSeconds(5))) {
            assertThat(lock.isValid()).as("free once the holder is gone").isTrue();
        }
    }
}
