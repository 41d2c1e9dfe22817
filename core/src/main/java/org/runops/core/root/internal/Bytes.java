package org.runops.core.root.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.runops.core.root.RootFormatException;

/**
 * A big-endian cursor over bytes read from a file. Every read is bounds-checked and fails with the
 * file and absolute byte offset, never with an index exception.
 */
public final class Bytes {
    private final Path file;
    private final byte[] data;
    private final int limit;
    private final long fileOffset;
    private int pos;

    /** {@code data[0..limit)} holds the file's bytes starting at {@code fileOffset}. */
    public Bytes(Path file, byte[] data, int limit, long fileOffset) {
        this.file = file;
        this.data = data;
        this.limit = limit;
        this.fileOffset = fileOffset;
    }

    public Bytes(Path file, byte[] data, long fileOffset) {
        this(file, data, data.length, fileOffset);
    }

    public int position() {
        return pos;
    }

    public void position(int newPosition) {
        if (newPosition < 0 || newPosition > limit) {
            throw underflow(newPosition - pos, "seek");
        }
        pos = newPosition;
    }

    public int remaining() {
        return limit - pos;
    }

    /** Absolute file offset of the cursor. */
    public long fileOffset() {
        return fileOffset + pos;
    }

    public Path file() {
        return file;
    }

    public void skip(int n) {
        require(n, "bytes");
        pos += n;
    }

    public byte i8() {
        require(1, "byte");
        return data[pos++];
    }

    public int u8() {
        return i8() & 0xFF;
    }

    public short i16() {
        require(2, "short");
        short v = (short) (((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF));
        pos += 2;
        return v;
    }

    public int i32() {
        require(4, "int");
        int v = ((data[pos] & 0xFF) << 24) | ((data[pos + 1] & 0xFF) << 16) | ((data[pos + 2] & 0xFF) << 8)
                | (data[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    public long u32() {
        return i32() & 0xFFFF_FFFFL;
    }

    public long i64() {
        long hi = u32();
        return (hi << 32) | u32();
    }

    public double f64() {
        return Double.longBitsToDouble(i64());
    }

    /** ROOT's TString: a length byte (255 means a 4-byte length follows), then ISO-8859-1 bytes. */
    public String tstring() {
        int n = u8();
        if (n == 255) {
            int big = i32();
            if (big < 0) {
                throw RootFormatException.at(file, fileOffset() - 4, "negative string length " + big);
            }
            n = big;
        }
        require(n, "string of " + n + " bytes");
        String s = new String(data, pos, n, StandardCharsets.ISO_8859_1);
        pos += n;
        return s;
    }

    private void require(int n, String what) {
        if (n < 0 || n > limit - pos) {
            throw underflow(n, what);
        }
    }

    private RootFormatException underflow(int n, String what) {
        return new Underflow(file, fileOffset + pos, "cannot read " + what + ": only " + (limit - pos)
                + " of the " + n + " bytes needed are there");
    }

    /** Running out of bytes: the caller may read more and retry. */
    public static final class Underflow extends RootFormatException {
        private static final long serialVersionUID = 1L;

        Underflow(Path file, long offset, String what) {
            super(file + " @" + offset + ": " + what);
        }
    }
}
