package org.runops.testing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable big-endian byte buffer for writing ROOT records, with back-patching of sizes. */
final class ByteSink {
    private byte[] data = new byte[256];
    private int size;

    public int size() {
        return size;
    }

    public byte[] toArray() {
        return Arrays.copyOf(data, size);
    }

    public ByteSink bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public ByteSink bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, data, size, len);
        size += len;
        return this;
    }

    public ByteSink i8(int v) {
        ensure(1);
        data[size++] = (byte) v;
        return this;
    }

    public ByteSink i16(int v) {
        return i8(v >>> 8).i8(v);
    }

    public ByteSink i32(int v) {
        return i16(v >>> 16).i16(v);
    }

    public ByteSink i64(long v) {
        return i32((int) (v >>> 32)).i32((int) v);
    }

    public ByteSink f32(float v) {
        return i32(Float.floatToIntBits(v));
    }

    public ByteSink f64(double v) {
        return i64(Double.doubleToLongBits(v));
    }

    /** ROOT's TString: length byte (255 then a 4-byte length for long strings), ISO-8859-1 bytes. */
    public ByteSink tstring(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length < 255) {
            i8(b.length);
        } else {
            i8(255).i32(b.length);
        }
        return bytes(b);
    }

    public ByteSink zeros(int n) {
        ensure(n);
        size += n; // the array is zero-filled
        return this;
    }

    /** Overwrites 4 bytes at {@code at} (for sizes known only after the content). */
    public void patchI32(int at, int v) {
        data[at] = (byte) (v >>> 24);
        data[at + 1] = (byte) (v >>> 16);
        data[at + 2] = (byte) (v >>> 8);
        data[at + 3] = (byte) v;
    }

    /** Overwrites {@code b.length} bytes at {@code at}. */
    public void patch(int at, byte[] b) {
        System.arraycopy(b, 0, data, at, b.length);
    }

    /** Starts a streamer version header with a byte count; returns the position to pass to {@link #endVersion}. */
    public int startVersion(int version) {
        int at = size;
        i32(0).i16(version);
        return at;
    }

    /** Fills in the byte count (with ROOT's kByteCountMask bit) of a version header. */
    public void endVersion(int at) {
        patchI32(at, (size - at - 4) | 0x4000_0000);
    }

    private void ensure(int n) {
        if (size + n > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, size + n));
        }
    }
}
