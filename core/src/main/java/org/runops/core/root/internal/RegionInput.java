package org.runops.core.root.internal;

import java.io.InputStream;

/**
 * An input stream over {@code [start, start+length)} of a file, read with positional reads in
 * chunks that start small (a tree header needs a few hundred bytes) and double up to 1 MiB.
 */
final class RegionInput extends InputStream {
    private static final int MAX_CHUNK = 1 << 20;

    private final FileReader file;
    private long next;
    private long remaining;
    private int chunk;
    private byte[] buffer = new byte[0];
    private int pos;
    private int limit;

    RegionInput(FileReader file, long start, long length, int firstChunk) {
        this.file = file;
        this.next = start;
        this.remaining = length;
        this.chunk = firstChunk;
    }

    /** Over bytes already read: nothing more comes from the file. */
    RegionInput(byte[] data, int offset, int length) {
        this.file = null;
        this.buffer = data;
        this.pos = offset;
        this.limit = offset + length;
    }

    /** Whether every remaining byte is already in memory ({@link #array()}, from {@link #arrayOffset()}). */
    boolean inMemory() {
        return remaining == 0;
    }

    byte[] array() {
        return buffer;
    }

    int arrayOffset() {
        return pos;
    }

    /** Bytes already read and not yet handed out. */
    int buffered() {
        return limit - pos;
    }

    /** Consumes {@code n} in-memory bytes. */
    void advance(int n) {
        pos += n;
    }

    /** Bytes not yet handed out. */
    long available64() {
        return remaining + (limit - pos);
    }

    @Override
    public int read() {
        if (pos == limit && !refill()) {
            return -1;
        }
        return buffer[pos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (pos == limit && !refill()) {
            return -1;
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(buffer, pos, b, off, n);
        pos += n;
        return n;
    }

    private boolean refill() {
        if (remaining <= 0) {
            return false;
        }
        int n = (int) Math.min(remaining, chunk);
        if (buffer.length < n) {
            buffer = new byte[n];
        }
        int got = file.fill(next, buffer, n);
        if (got <= 0) {
            remaining = 0;
            return false;
        }
        next += got;
        remaining -= got;
        pos = 0;
        limit = got;
        chunk = Math.min(MAX_CHUNK, chunk * 2);
        return true;
    }
}
