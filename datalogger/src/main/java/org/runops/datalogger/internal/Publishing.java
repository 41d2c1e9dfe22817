package org.runops.datalogger.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.runops.core.RegularFiles;
import org.runops.core.ledger.AtomicFiles;
import org.runops.datalogger.DataLoggerException;

/**
 * Moves a finished draft to its final place so that the final name only ever holds a whole file: one
 * atomic rename on the same file system; across file systems a copy to {@code .<name>.part} beside the
 * target, forced to disk, checked against the draft (size and SHA-256), renamed atomically over the
 * target, and only then the draft deleted. A crash at any point leaves the draft (so a rerun can
 * publish it) and at most the {@code .part} copy, which the next publish of that name overwrites; a
 * draft whose target already holds the same bytes (killed between rename and delete) is just deleted.
 */
public final class Publishing {
    private Publishing() {}

    public static void publish(Path draft, Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            if (Files.isRegularFile(target) && sameContent(draft, target)) {
                Files.delete(draft); // published before, killed before the draft was deleted
                return;
            }
            try {
                Files.move(draft, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException crossFileSystems) {
                copyAcross(draft, target);
            }
        } catch (IOException e) {
            throw new DataLoggerException("cannot publish " + draft + " as " + target + ": " + RegularFiles.reason(e), e);
        }
    }

    /** The cross-file-system path of {@link #publish}: copy, force, verify, rename, delete the draft. */
    static void copyAcross(Path draft, Path target) throws IOException {
        Path part = partFile(target);
        Files.copy(draft, part, StandardCopyOption.REPLACE_EXISTING);
        AtomicFiles.force(part);
        if (!sameContent(draft, part)) {
            long partSize = Files.size(part);
            Files.deleteIfExists(part);
            throw new DataLoggerException("copy of " + draft + " to " + part + " does not match the draft (" + partSize + " of "
                    + Files.size(draft) + " bytes, or different SHA-256); the draft is kept, " + target + " is not written");
        }
        AtomicFiles.moveAtomically(part, target);
        Files.delete(draft);
    }

    /** Where the cross-file-system copy of {@code target} is made: a hidden name beside it. */
    public static Path partFile(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".part");
    }

    /** Same size and SHA-256. */
    private static boolean sameContent(Path a, Path b) throws IOException {
        return Files.size(a) == Files.size(b) && Arrays.equals(sha256(a), sha256(b));
    }

    private static byte[] sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(RegularFiles.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return digest.digest();
    }
}
