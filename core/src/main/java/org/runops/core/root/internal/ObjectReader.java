package org.runops.core.root.internal;

import io.airlift.compress.zstd.ZstdDecompressor;
import io.airlift.compress.zstd.ZstdInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.runops.core.root.RootFormatException;
import org.runops.core.root.RootReadException;
import org.tukaani.xz.SingleXZInputStream;

/**
 * Reads a stored object as TKey::ReadObj does: raw when {@code ObjLen <= Nbytes - KeyLen}, else a
 * chain of compressed blocks, each with a 9-byte header (2-byte algorithm magic, method, compressed
 * and uncompressed sizes as little-endian 24-bit numbers). The algorithm is taken from each block's
 * magic, never from the file header.
 */
public final class ObjectReader {
    private static final int HEADER = 9;
    private static final int MAX_BLOCK = 0xFFFFFF;
    /** LZMA presets up to 9 need a 64 MiB dictionary; refuse anything beyond that. */
    private static final int XZ_MEMORY_LIMIT_KIB = 80 * 1024;

    private ObjectReader() {}

    /**
     * The first {@code min(want, objLen)} uncompressed bytes of the object stored at
     * {@code [dataStart, dataStart+stored)}. Decompresses only as far as needed.
     */
    public static byte[] prefix(FileReader file, DecodeBuffers buffers, long dataStart, int stored, int objLen, int want) {
        checkLengths(file, dataStart, stored, objLen);
        int n = Math.min(want, objLen);
        if (objLen <= stored) {
            byte[] raw = file.readFully(dataStart, n);
            if (raw == null) {
                throw RootFormatException.at(file.path(), dataStart, "object runs past the end of the file");
            }
            return raw;
        }
        byte[] out = new byte[n];
        RegionInput in = new RegionInput(file, dataStart, stored, Math.max(1024, Math.min(stored, 4096)));
        int produced = 0;
        int objectLeft = objLen;
        long offset = dataStart;
        while (produced < n) {
            Block block = Block.read(file.path(), in, offset, objectLeft);
            int got = block.decodePrefix(in, buffers, out, produced, n - produced);
            produced += got;
            if (got < Math.min(block.uncompressed, n - produced + got)) {
                throw RootFormatException.at(file.path(), offset, "block gave " + got + " bytes, header says " + block.uncompressed);
            }
            objectLeft -= block.uncompressed;
            offset += HEADER + block.compressed;
        }
        return out;
    }

    /**
     * Decompresses every block of the object, discarding the output: what ROOT's ReadObjWithBuffer
     * does before it can stream the object, so a corrupt block fails here as it fails there.
     */
    public static void verify(FileReader file, DecodeBuffers buffers, long dataStart, int stored, int objLen) {
        checkLengths(file, dataStart, stored, objLen);
        if (objLen <= stored) {
            return;
        }
        verifyBlocks(file.path(), buffers, new RegionInput(file, dataStart, stored, 64 * 1024), dataStart, objLen);
    }

    /**
     * {@link #verify} for an object whose record is already in memory: {@code record[dataOffset..]}
     * holds its {@code stored} bytes, {@code fileOffset} is where they sit in the file (for messages).
     */
    public static void verify(java.nio.file.Path file, DecodeBuffers buffers, byte[] record, int dataOffset, int stored, int objLen, long fileOffset) {
        if (stored < 0 || objLen < 0 || dataOffset < 0 || dataOffset + stored > record.length) {
            throw RootFormatException.at(file, fileOffset, "object of " + stored + " bytes does not fit its record");
        }
        if (objLen <= stored) {
            return;
        }
        verifyBlocks(file, buffers, new RegionInput(record, dataOffset, stored), fileOffset, objLen);
    }

    private static void verifyBlocks(java.nio.file.Path file, DecodeBuffers buffers, RegionInput in, long offset, int objLen) {
        int objectLeft = objLen;
        while (objectLeft > 0) {
            Block block = Block.read(file, in, offset, objectLeft);
            block.decodeAll(in, buffers);
            objectLeft -= block.uncompressed;
            offset += HEADER + block.compressed;
        }
    }

    private static void checkLengths(FileReader file, long dataStart, int stored, int objLen) {
        if (stored < 0 || objLen < 0) {
            throw RootFormatException.at(file.path(), dataStart, "negative object size (stored " + stored + ", ObjLen " + objLen + ")");
        }
        if (dataStart < 0 || dataStart + stored > file.size()) {
            throw RootFormatException.at(file.path(), dataStart, "object of " + stored + " bytes runs past the end of the file ("
                    + file.size() + " bytes)");
        }
    }

    /** One compressed block's header. */
    private static final class Block {
        final java.nio.file.Path file;
        final long offset;
        final String magic;
        final int compressed;
        final int uncompressed;

        private Block(java.nio.file.Path file, long offset, String magic, int compressed, int uncompressed) {
            this.file = file;
            this.offset = offset;
            this.magic = magic;
            this.compressed = compressed;
            this.uncompressed = uncompressed;
        }

        static Block read(java.nio.file.Path file, RegionInput in, long offset, int objectLeft) {
            byte[] h = new byte[HEADER];
            if (readN(in, h, HEADER) < HEADER) {
                throw RootFormatException.at(file, offset, "compressed object ends inside a block header ("
                        + objectLeft + " uncompressed bytes still expected)");
            }
            String magic = new String(new char[] {(char) (h[0] & 0xFF), (char) (h[1] & 0xFF)});
            int c = (h[3] & 0xFF) | ((h[4] & 0xFF) << 8) | ((h[5] & 0xFF) << 16);
            int u = (h[6] & 0xFF) | ((h[7] & 0xFF) << 8) | ((h[8] & 0xFF) << 16);
            if (!magic.equals("ZL") && !magic.equals("XZ") && !magic.equals("L4") && !magic.equals("ZS")) {
                String known = magic.equals("CS") ? " (ROOT's old private deflate, not supported)" : "";
                throw RootFormatException.at(file, offset, "unsupported compression algorithm '" + printable(magic) + "'" + known);
            }
            if (c <= 0 || c > in.available64()) {
                throw RootFormatException.at(file, offset, magic + " block says " + c + " compressed bytes but only "
                        + in.available64() + " are stored");
            }
            if (u <= 0 || u > MAX_BLOCK || u > objectLeft) {
                throw RootFormatException.at(file, offset, magic + " block says " + u + " uncompressed bytes but "
                        + objectLeft + " remain of the object");
            }
            return new Block(file, offset, magic, c, u);
        }

        /** Decodes up to {@code max} bytes into {@code out[at..]}; consumes the whole block unless it stops early. */
        int decodePrefix(RegionInput in, DecodeBuffers buffers, byte[] out, int at, int max) {
            int limit = Math.min(max, uncompressed);
            if (magic.equals("ZS") && in.buffered() >= compressed && uncompressed <= DecodeBuffers.MAX_OUTPUT) {
                return zstdFromMemory(in, buffers, out, at, limit);
            }
            BoundedInput block = new BoundedInput(in, compressed);
            try {
                int got = switch (magic) {
                    case "ZL" -> inflate(block, buffers, out, at, limit, false);
                    case "XZ" -> drain(new SingleXZInputStream(block, XZ_MEMORY_LIMIT_KIB), out, at, limit, false);
                    case "ZS" -> drain(new ZstdInputStream(block), out, at, limit, false);
                    default -> lz4(block, out, at, limit);
                };
                if (got == uncompressed) {
                    block.drain(); // the next block starts after this one's compressed bytes
                }
                return got;
            } catch (RootReadException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw failure(e);
            }
        }

        void decodeAll(RegionInput in, DecodeBuffers buffers) {
            if (in.inMemory() && !magic.equals("XZ")) {
                decodeAllInMemory(in, buffers);
                return;
            }
            BoundedInput block = new BoundedInput(in, compressed);
            try {
                int got;
                switch (magic) {
                    case "ZL":
                        got = inflate(block, buffers, null, 0, uncompressed, true);
                        break;
                    case "XZ":
                        got = drain(new SingleXZInputStream(block, XZ_MEMORY_LIMIT_KIB), null, 0, uncompressed, true);
                        break;
                    case "ZS":
                        got = drain(new ZstdInputStream(block), null, 0, uncompressed, true);
                        break;
                    default:
                        got = lz4(block, new byte[uncompressed], 0, uncompressed);
                        break;
                }
                if (got != uncompressed) {
                    throw new IllegalStateException("block decompressed to " + got + " bytes, header says " + uncompressed);
                }
            } catch (RootReadException e) {
                throw e; // the disk failed, not the data
            } catch (IOException | RuntimeException e) {
                throw failure(e);
            }
        }

        /**
         * A ZSTD block already read whole: the array API into a reused buffer beats setting up a
         * stream (its window allocation costs more than decoding a tree header).
         */
        private int zstdFromMemory(RegionInput in, DecodeBuffers buffers, byte[] out, int at, int limit) {
            byte[] data = in.array();
            int off = in.arrayOffset();
            in.advance(compressed);
            try {
                byte[] scratch = buffers.output(uncompressed);
                int got = new ZstdDecompressor().decompress(data, off, compressed, scratch, 0, uncompressed);
                if (got != uncompressed) {
                    throw new IllegalStateException("block decompressed to " + got + " bytes, header says " + uncompressed);
                }
                System.arraycopy(scratch, 0, out, at, limit);
                return limit;
            } catch (RuntimeException e) {
                throw failure(e);
            }
        }

        /** The whole block is in memory: decode it with the array APIs, no stream set-up. */
        private void decodeAllInMemory(RegionInput in, DecodeBuffers buffers) {
            byte[] data = in.array();
            int off = in.arrayOffset();
            in.advance(compressed);
            try {
                int got;
                switch (magic) {
                    case "ZL": {
                        Inflater inflater = buffers.inflater();
                        inflater.setInput(data, off, compressed);
                        byte[] sink = buffers.sink();
                        got = 0;
                        while (!inflater.finished()) {
                            int n = inflater.inflate(sink);
                            if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                                throw new IllegalStateException("zlib stream ends after " + got + " of " + uncompressed + " bytes");
                            }
                            got += n;
                            if (got > uncompressed) {
                                break;
                            }
                        }
                        break;
                    }
                    case "ZS":
                        got = new ZstdDecompressor().decompress(data, off, compressed, buffers.output(uncompressed), 0, uncompressed);
                        break;
                    default: {
                        if (compressed < 8) {
                            throw new IllegalStateException("LZ4 block shorter than its checksum");
                        }
                        long expected = beLong(java.util.Arrays.copyOfRange(data, off, off + 8));
                        long actual = XxHash64.hash(data, off + 8, compressed - 8);
                        if (expected != actual) {
                            throw new IllegalStateException(String.format(Locale.ROOT, "LZ4 checksum mismatch: stored %016x, computed %016x", expected, actual));
                        }
                        got = Lz4Block.decode(data, off + 8, compressed - 8, buffers.output(uncompressed), uncompressed, true);
                        break;
                    }
                }
                if (got != uncompressed) {
                    throw new IllegalStateException("block decompressed to " + got + " bytes, header says " + uncompressed);
                }
            } catch (DataFormatException e) {
                throw failure(new IllegalStateException("zlib data error: " + e.getMessage(), e));
            } catch (RuntimeException e) {
                throw failure(e);
            }
        }

        private int inflate(BoundedInput in, DecodeBuffers buffers, byte[] out, int at, int limit, boolean all) throws IOException {
            Inflater inflater = buffers.inflater();
            try {
                byte[] input = new byte[all ? 8192 : 512];
                byte[] sink = out != null ? out : new byte[8192];
                int produced = 0;
                while (produced < limit) {
                    if (inflater.needsInput()) {
                        int n = in.read(input, 0, input.length);
                        if (n < 0) {
                            throw new IllegalStateException("zlib stream ends after " + produced + " of " + uncompressed + " bytes");
                        }
                        inflater.setInput(input, 0, n);
                    }
                    int n = out != null
                            ? inflater.inflate(sink, at + produced, limit - produced)
                            : inflater.inflate(sink, 0, Math.min(sink.length, limit - produced));
                    produced += n;
                    if (n == 0 && (inflater.finished() || inflater.needsDictionary())) {
                        break;
                    }
                }
                if (all) {
                    // Read on to the end of the stream so the adler32 trailer is checked too.
                    byte[] extra = new byte[1];
                    while (!inflater.finished()) {
                        if (inflater.needsInput()) {
                            int n = in.read(input, 0, input.length);
                            if (n < 0) {
                                throw new IllegalStateException("zlib stream ends before its checksum");
                            }
                            inflater.setInput(input, 0, n);
                        }
                        if (inflater.inflate(extra) > 0) {
                            throw new IllegalStateException("block holds more than the " + uncompressed + " bytes its header says");
                        }
                        if (inflater.needsDictionary()) {
                            throw new IllegalStateException("zlib stream needs a preset dictionary");
                        }
                    }
                    in.drain();
                }
                return produced;
            } catch (DataFormatException e) {
                throw new IllegalStateException("zlib data error: " + e.getMessage(), e);
            }
        }

        private int drain(InputStream decoded, byte[] out, int at, int limit, boolean all) throws IOException {
            byte[] sink = out != null ? out : new byte[8192];
            int produced = 0;
            while (produced < limit) {
                int n = out != null
                        ? decoded.read(sink, at + produced, limit - produced)
                        : decoded.read(sink, 0, Math.min(sink.length, limit - produced));
                if (n < 0) {
                    break;
                }
                produced += n;
            }
            if (all) {
                in(decoded);
            }
            return produced;
        }

        private void in(InputStream decoded) throws IOException {
            if (decoded.read() >= 0) {
                throw new IllegalStateException("block holds more than the " + uncompressed + " bytes its header says");
            }
        }

        private int lz4(BoundedInput in, byte[] out, int at, int limit) throws IOException {
            byte[] checksum = new byte[8];
            if (readN(in, checksum, 8) < 8) {
                throw new IllegalStateException("LZ4 block shorter than its checksum");
            }
            int payload = compressed - 8;
            boolean whole = limit == uncompressed;
            int take = whole ? payload : Math.min(payload, Math.max(1024, limit));
            byte[] data = new byte[payload];
            int have = readN(in, data, take);
            byte[] target = at == 0 ? out : new byte[limit];
            while (true) {
                boolean complete = have == payload;
                int n = Lz4Block.decode(data, 0, have, target, limit, complete);
                if (n != Lz4Block.NEED_INPUT) {
                    if (complete) {
                        long expected = beLong(checksum);
                        long actual = XxHash64.hash(data, 0, payload);
                        if (expected != actual) {
                            throw new IllegalStateException(String.format(Locale.ROOT, "LZ4 checksum mismatch: stored %016x, computed %016x", expected, actual));
                        }
                    }
                    if (target != out) {
                        System.arraycopy(target, 0, out, at, n);
                    }
                    return n;
                }
                int more = Math.min(payload - have, Math.max(have, 1024));
                have += readN(in, data, have, more);
            }
        }

        private RootFormatException failure(Exception e) {
            String what = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            return new RootFormatException(file + " @" + offset + ": cannot decompress " + magic + " block ("
                    + compressed + " -> " + uncompressed + " bytes): " + what, e);
        }
    }

    private static long beLong(byte[] b) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[i] & 0xFF);
        }
        return v;
    }

    private static String printable(String magic) {
        StringBuilder s = new StringBuilder();
        for (char c : magic.toCharArray()) {
            s.append(c >= 32 && c < 127 ? String.valueOf(c) : String.format(Locale.ROOT, "\\x%02x", (int) c));
        }
        return s.toString();
    }

    private static int readN(InputStream in, byte[] b, int n) {
        return readN(in, b, 0, n);
    }

    private static int readN(InputStream in, byte[] b, int off, int n) {
        try {
            int total = 0;
            while (total < n) {
                int r = in.read(b, off + total, n - total);
                if (r < 0) {
                    break;
                }
                total += r;
            }
            return total;
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The compressed bytes of one block; draining it positions the region at the next block. */
    private static final class BoundedInput extends InputStream {
        private final InputStream in;
        private int left;

        BoundedInput(InputStream in, int length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        void drain() throws IOException {
            byte[] skip = new byte[4096];
            while (left > 0 && read(skip, 0, skip.length) > 0) {
                // discard
            }
        }
    }
}
