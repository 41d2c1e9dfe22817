package org.runops.core.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Whole-file writes that readers never see half done: the bytes go to a temporary file in the same
 * folder, are forced to disk, and the file is renamed over the target. A crash leaves the old file
 * or the new one, never a mix (at worst a stray {@code .tmp-} file beside it).
 */
public final class AtomicFiles {
    /** Fills the file at {@code tmp} (which exists and is empty), e.g. through a library that writes to a path. */
    @FunctionalInterface
    public interface Filler {
        void fill(Path tmp) throws IOException;
    }

    private AtomicFiles() {}

    /** Replaces {@code target} with {@code bytes}, creating its parent folders. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, tmp -> {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
            }
        });
    }

    /** Replaces {@code target} with what {@code filler} writes into a temporary file beside it, creating its parent folders. */
    public static void write(Path target, Filler filler) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, "." + target.getFileName() + ".tmp-", "");
        try {
            filler.fill(tmp);
            force(tmp);
            moveAtomically(tmp, target);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp, e);
            throw e;
        }
    }

    /** Removes the temporary file after a failed write; a failure to remove it is noted on the write's own error, not put in its place. */
    private static void deleteQuietly(Path tmp, Exception writeFailure) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            writeFailure.addSuppressed(e);
        }
    }

    /** Forces a file's bytes to disk. */
    public static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Renames {@code from} over {@code to}; where the file system cannot rename atomically, a plain rename. */
    public static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
