package org.runops.testing;

import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.zstd.ZstdCompressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import org.runops.core.root.internal.XxHash64;
import org.runops.testing.RootFileWriter.Compression;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * Compresses an object into ROOT's block chain (R__zip): blocks of at most {@code maxBlock}
 * uncompressed bytes, each behind a 9-byte header. Returns null when the result would not be
 * smaller than the object, in which case ROOT stores it raw.
 */
final class BlockCompressor {
    private BlockCompressor() {}

    public static byte[] compress(byte[] object, Compression algorithm, int maxBlock) {
        if (algorithm == Compression.NONE || object.length == 0) {
            return null;
        }
        ByteSink out = new ByteSink();
        for (int from = 0; from < object.length; from += maxBlock) {
            int len = Math.min(maxBlock, object.length - from);
            byte[] payload = payload(object, from, len, algorithm);
            out.bytes(magic(algorithm));
            int c = payload.length;
            out.i8(c).i8(c >>> 8).i8(c >>> 16).i8(len).i8(len >>> 8).i8(len >>> 16);
            out.bytes(payload);
        }
        return out.size() < object.length ? out.toArray() : null;
    }

    private static byte[] magic(Compression algorithm) {
        return switch (algorithm) {
            case ZLIB -> new byte[] {'Z', 'L', 8};
            case LZMA -> new byte[] {'X', 'Z', 0};
            case LZ4 -> new byte[] {'L', '4', 1};
            case ZSTD -> new byte[] {'Z', 'S', 1};
            case NONE -> throw new IllegalArgumentException("no magic for uncompressed data");
        };
    }

    private static byte[] payload(byte[] in, int off, int len, Compression algorithm) {
        switch (algorithm) {
            case ZLIB: {
                Deflater deflater = new Deflater(1);
                try {
                    deflater.setInput(in, off, len);
                    deflater.finish();
                    ByteSink out = new ByteSink();
                    byte[] buf = new byte[8192];
                    while (!deflater.finished()) {
                        int n = deflater.deflate(buf);
                        out.bytes(buf, 0, n);
                    }
                    return out.toArray();
                } finally {
                    deflater.end();
                }
            }
            case LZMA: {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (XZOutputStream xz = new XZOutputStream(out, new LZMA2Options(1))) {
                    xz.write(in, off, len);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return out.toByteArray();
            }
            case LZ4: {
                Lz4Compressor lz4 = new Lz4Compressor();
                byte[] block = new byte[lz4.maxCompressedLength(len)];
                int n = lz4.compress(in, off, len, block, 0, block.length);
                long checksum = XxHash64.hash(block, 0, n);
                return new ByteSink().i64(checksum).bytes(block, 0, n).toArray();
            }
            case ZSTD: {
                ZstdCompressor zstd = new ZstdCompressor();
                byte[] frame = new byte[zstd.maxCompressedLength(len)];
                int n = zstd.compress(in, off, len, frame, 0, frame.length);
                return java.util.Arrays.copyOf(frame, n);
            }
            default:
                throw new IllegalArgumentException("not a compression: " + algorithm);
        }
    }
}
