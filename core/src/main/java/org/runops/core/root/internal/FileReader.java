package org.runops.core.root.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import org.runops.core.RegularFiles;
import org.runops.core.root.RootReadException;

/**
 * Positional reads from one regular file; safe for concurrent use (no shared position). A
 * {@link FileChannel} is closed for every thread when one reading thread is interrupted, so the
 * other threads reopen it (the same file: checked by its file key) and go on; the interrupted thread
 * gets a {@link RootReadException} saying so.
 */
public final class FileReader implements AutoCloseable {
    /** How often one read may find the channel closed by other threads' interrupts before giving up. */
    private static final int MAX_REOPENS = 8;

    /** Opens the channel; a seam so tests can put a failing channel under the reader. */
    @FunctionalInterface
    public interface ChannelOpener {
        FileChannel open(Path path) throws IOException;
    }

    public static final ChannelOpener READ_ONLY = p -> FileChannel.open(p, StandardOpenOption.READ);

    private final Path path;
    private final ChannelOpener opener;
    private final Object fileKey;
    private final long size;
    private volatile FileChannel channel;
    private volatile boolean closed;

    private FileReader(Path path, ChannelOpener opener, Object fileKey, FileChannel channel, long size) {
        this.path = path;
        this.opener = opener;
        this.fileKey = fileKey;
        this.channel = channel;
        this.size = size;
    }

    /**
     * Opens {@code path} for reading. Only a regular file is opened: a directory fails every read,
     * and opening a FIFO would block until some writer opens it.
     *
     * @throws RootReadException when the file is missing ({@link RootReadException#missing()}), not a
     *                           regular file, or cannot be opened
     */
    public static FileReader open(Path path, ChannelOpener opener) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(opener, "opener");
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new RootReadException(path + ": cannot open: " + describe(path, e), e);
        }
        if (!attributes.isRegularFile()) {
            // The stat above is the hot path's only check; RegularFiles names what the path is instead.
            throw new RootReadException(path + ": cannot open: " + RegularFiles.problem(path).orElse("not a regular file"));
        }
        FileChannel channel = null;
        try {
            channel = opener.open(path);
            return new FileReader(path, opener, attributes.fileKey(), channel, channel.size());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            closeQuietly(channel);
            throw new RootReadException(path + ": cannot open: " + describe(path, e), e);
        }
    }

    public Path path() {
        return path;
    }

    public long size() {
        return size;
    }

    /** Reads up to {@code length} bytes at {@code offset}, fewer only at the end of the file. */
    public byte[] readUpTo(long offset, int length) {
        long available = Math.max(0, Math.min(length, size - offset));
        byte[] out = new byte[(int) available];
        fill(offset, out, out.length);
        return out;
    }

    /** Reads exactly {@code length} bytes at {@code offset}, or returns null when the file is shorter (ROOT's failed ReadBuffer). */
    public byte[] readFully(long offset, int length) {
        if (offset < 0 || length < 0 || offset + length > size) {
            return null;
        }
        byte[] out = new byte[length];
        return fill(offset, out, length) == length ? out : null;
    }

    /**
     * Reads into {@code target[0..length)}; returns the number of bytes read (short only at end of file).
     *
     * @throws RootReadException on an I/O error, when this thread is interrupted, or after {@link #close()}
     */
    public int fill(long offset, byte[] target, int length) {
        ByteBuffer buffer = ByteBuffer.wrap(target, 0, length);
        int reopens = 0;
        while (buffer.hasRemaining()) {
            FileChannel ch = channel;
            try {
                int n = ch.read(buffer, offset + buffer.position());
                if (n < 0) {
                    break;
                }
            } catch (ClosedByInterruptException e) {
                throw new RootReadException("interrupted while reading " + length + " bytes at " + offset + " of " + path, e);
            } catch (ClosedChannelException e) {
                // Another thread's interrupt closed the channel under this read (or the file was closed).
                if (++reopens > MAX_REOPENS) {
                    throw new RootReadException(path + ": channel closed " + reopens + " times during one read", e);
                }
                reopen(ch, e);
            } catch (IOException e) {
                throw new RootReadException("reading " + length + " bytes at " + offset + " of " + path + ": " + describe(e), e);
            }
        }
        return buffer.position();
    }

    private synchronized void reopen(FileChannel failed, ClosedChannelException why) {
        if (closed) {
            throw new RootReadException(path + ": read after close", why);
        }
        if (channel != failed) {
            return; // another thread reopened it already
        }
        FileChannel fresh = null;
        try {
            Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            if (fileKey != null && !fileKey.equals(key)) {
                throw new RootReadException(path + ": replaced on disk while being read (its channel was closed by an interrupt)", why);
            }
            fresh = opener.open(path);
            channel = fresh;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            closeQuietly(fresh);
            throw new RootReadException(path + ": cannot reopen after another thread's interrupt: " + describe(e), e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            throw new RootReadException(path + ": closing: " + describe(e), e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the open failed already; that is the error worth reporting
            }
        }
    }

    private String describe(Throwable e) {
        return describe(path, e);
    }

    private static String describe(Path path, Throwable e) {
        // NoSuchFileException and friends carry only the path, which the message names already.
        boolean informative = e.getMessage() != null && !e.getMessage().equals(path.toString());
        return e.getClass().getSimpleName() + (informative ? ": " + e.getMessage() : "");
    }
}
