package org.runops.core.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import org.runops.core.RegularFiles;

/**
 * One holder at a time per lock file (e.g. one daemon per host): an OS file lock, released by the
 * kernel when the holder dies, so a crash never leaves it stuck. The file says who holds it.
 */
public final class HostLock implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    HostLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty when another process (or another holder in this JVM) has it. */
    public static Optional<HostLock> tryAcquire(Path file, String holderDescription) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                ch.close();
                return Optional.empty();
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((holderDescription + " pid " + ProcessHandle.current().pid() + " since " + Instant.now() + "\n")
                    .getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(true);
            return Optional.of(new HostLock(file, ch, lock));
        } catch (IOException e) {
            throw new LedgerException("cannot open lock file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Who holds (or last held) the lock, as written in the file; empty when there is no file. */
    public static Optional<String> holder(Path file) {
        try {
            return Files.exists(file) ? Optional.of(RegularFiles.readString(file).trim()) : Optional.empty();
        } catch (IOException e) {
            throw new LedgerException("cannot read who holds " + file + ": " + RegularFiles.reason(e), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Releases the lock and closes the file; the file is closed even when the release fails. */
    @Override
    public void close() {
        try (channel) {
            lock.release();
        } catch (IOException e) {
            throw new LedgerException("cannot release lock " + file + ": " + e.getMessage(), e);
        }
    }
}
