package org.runops.core.root.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** Positional reads from one file; safe for concurrent use (no shared position). */
public final class FileReader {
    private final Path path;
    private final FileChannel channel;
    private final long size;

    public FileReader(Path path, FileChannel channel, long size) {
        this.path = path;
        this.channel = channel;
        this.size = size;
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

    /** Reads into {@code target[0..length)}; returns the number of bytes read (short only at end of file). */
    public int fill(long offset, byte[] target, int length) {
        ByteBuffer buffer = ByteBuffer.wrap(target, 0, length);
        try {
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, offset + buffer.position());
                if (n < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + length + " bytes at " + offset + " of " + path, e);
        }
        return buffer.position();
    }
}
