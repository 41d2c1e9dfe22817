package org.runops.datalogger.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.runops.core.RegularFiles;
import org.runops.datalogger.DataLoggerException;

/**
 * Writes a file that readers never see half done: the writer fills a temporary file in the target's
 * folder, which is forced to disk and renamed over the target. A crash leaves at worst a stray
 * {@code .<name>.tmp-*} file beside it, never a partial target.
 */
public final class AtomicFileWrite {
    /** Fills the file at {@code tmp} (which exists and is empty). */
    @FunctionalInterface
    public interface Filler {
        void fill(Path tmp) throws IOException;
    }

    private AtomicFileWrite() {}

    public static void write(Path target, Filler filler) {
        Path parent = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempFile(parent, "." + target.getFileName() + ".tmp-", "");
            filler.fill(tmp);
            force(tmp);
            moveAtomically(tmp, target);
        } catch (IOException e) {
            throw new DataLoggerException("cannot write " + target + ": " + RegularFiles.reason(e), e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** Forces a file's bytes to disk. */
    public static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Renames {@code from} over {@code to}; where the file system cannot rename atomically, a plain rename. */
    static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp == null) {
            return;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // a stray temporary file is harmless; the target is what matters
        }
    }
}
