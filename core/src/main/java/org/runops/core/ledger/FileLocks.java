package org.runops.core.ledger;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.time.Duration;
import org.runops.core.Durations;

/**
 * OS file locks taken with a bounded wait. {@code FileChannel.lock()} waits for ever, and a holder on a
 * stalled host (NFS) would freeze every writer of a shared ledger with it; past the wait the caller
 * gets a {@link LedgerException} naming the file, decides nothing and tries again later.
 */
public final class FileLocks {
    /** How long a writer waits for another process's lock on a ledger file before giving up. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);

    private FileLocks() {}

    /**
     * The exclusive lock of {@code ch} (open on {@code file}), polled every 5 ms for at most {@code wait}.
     *
     * @throws LedgerException when another process holds it that long
     * @throws InterruptedException when interrupted while waiting
     */
    public static FileLock lock(FileChannel ch, Path file, Duration wait) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            FileLock lock = ch.tryLock();
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new LedgerException("waited " + Durations.describe(wait) + " for the lock of " + file
                        + ": another process holds it (on a stalled host?); nothing was written");
            }
            Thread.sleep(5);
        }
    }
}
