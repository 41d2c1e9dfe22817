package org.runops.datalogger.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.runops.core.RegularFiles;
import org.runops.core.ledger.AtomicFiles;
import org.runops.datalogger.DataLoggerException;

/**
 * Recorded ACL answers on disk: one file per ACL command, {@code <slug>-<hash>.acl.txt}, where the
 * slug is the command with every character outside {@code A-Z a-z 0-9 . _ -} turned into {@code _}
 * (runs collapsed, at most 160 characters, for people listing the folder) and the hash the first 16
 * hex digits of the SHA-256 of the command's UTF-8 bytes (which makes the name unique). The file holds
 * the answer's body byte for byte, HTML and all. Files are written atomically; the last answer to a
 * command wins (so a recorded {@code read} or {@code tlg_info} is the latest one).
 */
final class AclRecordings {
    static final String SUFFIX = ".acl.txt";
    private static final int MAX_SLUG = 160;

    private AclRecordings() {}

    /** The file that holds the answer to {@code command} in {@code directory}. */
    static Path file(Path directory, String command) {
        String slug = command.replaceAll("[^A-Za-z0-9._-]+", "_");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG);
        }
        return directory.resolve(slug + "-" + sha256(command).substring(0, 16) + SUFFIX);
    }

    static void save(Path directory, String command, byte[] body) {
        Path file = file(directory, command);
        try {
            AtomicFiles.write(file, body);
        } catch (IOException e) {
            throw new DataLoggerException("cannot record the ACL answer to " + command + " in " + file + ": " + RegularFiles.reason(e), e);
        }
    }

    static byte[] load(Path directory, String command) {
        Path file = file(directory, command);
        try {
            return RegularFiles.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataLoggerException("no recorded answer to ACL command " + command + ": looked for " + file, e);
        } catch (IOException e) {
            throw new DataLoggerException("cannot read the recorded answer to ACL command " + command + " from " + file + ": "
                    + RegularFiles.reason(e), e);
        }
    }

    static void requireDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new DataLoggerException("recorded ACL answers folder " + directory + " does not exist or is not a folder");
        }
    }

    private static String sha256(String command) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(command.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
