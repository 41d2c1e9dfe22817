package org.runops.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;

/**
 * Opens only regular files. Opening a FIFO for reading blocks until a writer appears — forever, in a
 * cron job — and a device or a directory is no better, so every file runops reads is checked first,
 * from its attributes and without opening it (symbolic links are followed to what they name). What
 * is not a regular file is a {@link FileSystemException} naming the file and what it is, which every
 * reader already reports as a problem of that file.
 */
public final class RegularFiles {
    private static final int TYPE_MASK = 0170000;

    private RegularFiles() {}

    /**
     * Whether an expected output file is there, the one rule of every "file exists and is not empty" check:
     * {@code PRESENT}, {@code ABSENT_OR_EMPTY} (absent, empty, or a directory or special file where a file was
     * expected), or {@code UNREADABLE} when it cannot be looked at (permission denied, a symbolic-link loop, an
     * I/O error): neither there nor missing, so a caller that condemns missing files must not condemn it.
     *
     * @param kind   the answer
     * @param detail "" when present; otherwise what was found ("absent", "empty", "is a directory, not a regular
     *               file") or why it could not be looked at
     */
    public record Presence(Kind kind, String detail) {
        /** The three answers. */
        public enum Kind { PRESENT, ABSENT_OR_EMPTY, UNREADABLE }

        public Presence {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Whether {@code file} exists as a regular file holding at least one byte (symbolic links followed); see {@link Presence}. */
    public static Presence presence(Path file) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return new Presence(Presence.Kind.ABSENT_OR_EMPTY, "absent");
        } catch (IOException e) {
            return new Presence(Presence.Kind.UNREADABLE, reason(e));
        } catch (SecurityException e) {
            return new Presence(Presence.Kind.UNREADABLE, "not allowed: " + e.getMessage());
        }
        if (!a.isRegularFile()) {
            return new Presence(Presence.Kind.ABSENT_OR_EMPTY, "is " + (a.isDirectory() ? "a directory" : special(file)) + ", not a regular file");
        }
        return a.size() > 0 ? new Presence(Presence.Kind.PRESENT, "") : new Presence(Presence.Kind.ABSENT_OR_EMPTY, "empty");
    }

    /** Why {@code file} cannot be read as a file ("is a FIFO (named pipe)", "does not exist", ...); empty when it can. */
    public static Optional<String> problem(Path file) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return Optional.of("does not exist");
        } catch (IOException e) {
            return Optional.of("cannot be examined: " + e.getMessage());
        }
        if (a.isRegularFile()) {
            return Optional.empty();
        }
        return Optional.of("is " + (a.isDirectory() ? "a directory" : special(file)) + ", not a regular file");
    }

    /** Throws a {@link FileSystemException} naming {@code file} unless it is a regular file. */
    public static void require(Path file) throws FileSystemException {
        Optional<String> problem = problem(file);
        if (problem.isPresent()) {
            if (problem.get().equals("does not exist")) {
                throw new NoSuchFileException(file.toString());
            }
            throw new FileSystemException(file.toString(), null, problem.get());
        }
    }

    /** A read-only channel on {@code file}, which must be a regular file. */
    public static FileChannel openChannel(Path file) throws IOException {
        require(file);
        return FileChannel.open(file, StandardOpenOption.READ);
    }

    /** An input stream on {@code file}, which must be a regular file. */
    public static InputStream newInputStream(Path file) throws IOException {
        return Channels.newInputStream(openChannel(file));
    }

    /** The whole content of {@code file}, which must be a regular file. */
    public static byte[] readAllBytes(Path file) throws IOException {
        require(file);
        return Files.readAllBytes(file);
    }

    /** The whole content of {@code file}, which must be a regular file, as UTF-8; malformed bytes fail ({@link CharacterCodingException}). */
    public static String readString(Path file) throws IOException {
        require(file);
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /**
     * A UTF-8 reader on {@code file}, which must be a regular file. Malformed bytes fail the read with a
     * {@link CharacterCodingException} rather than turning into U+FFFD, so binary junk is an error, not text.
     */
    public static BufferedReader newBufferedReader(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(newInputStream(file), StandardCharsets.UTF_8.newDecoder()), 1 << 16);
    }

    /**
     * Why reading {@code file} failed, for a message that already names it: "does not exist", "is a FIFO
     * (named pipe), not a regular file", "is not UTF-8 text", or the system's reason.
     */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "does not exist";
        }
        if (e instanceof CharacterCodingException) {
            return "is not UTF-8 text (" + e.getClass().getSimpleName() + ")";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f) {
            return f.getReason() != null ? f.getReason() : f.getClass().getSimpleName(); // its message is only the file name
        }
        return String.valueOf(e.getMessage() != null ? e.getMessage() : e);
    }

    private static String special(Path file) {
        try {
            int mode = (Integer) Files.getAttribute(file, "unix:mode");
            return switch (mode & TYPE_MASK) {
                case 0010000 -> "a FIFO (named pipe)";
                case 0140000 -> "a socket";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file"; // no unix view on this file system: the kind is unknown, the refusal is not
        }
    }
}
