package org.runops.core.root.internal;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.Inflater;

/**
 * What decompression reuses between blocks: an {@link Inflater} (native memory) and output buffers
 * of up to 4 MiB. One user at a time; a {@link Pool} owned by each open file hands them out, and
 * closing the file frees them, so no buffer outlives the file that needed it.
 */
public final class DecodeBuffers implements AutoCloseable {
    /** Blocks up to this size are decoded into the reused buffer rather than a buffer of their own. */
    static final int MAX_OUTPUT = 4 << 20;
    private static final int SINK = 32 * 1024;

    private Inflater inflater;
    private byte[] sink;
    private byte[] output = new byte[0];

    /** A reset inflater. */
    Inflater inflater() {
        if (inflater == null) {
            inflater = new Inflater();
        } else {
            inflater.reset();
        }
        return inflater;
    }

    /** A buffer whose content is thrown away (verifying a block). */
    byte[] sink() {
        if (sink == null) {
            sink = new byte[SINK];
        }
        return sink;
    }

    /** An output buffer of at least {@code n} bytes; larger blocks get a buffer of their own. */
    byte[] output(int n) {
        if (n > MAX_OUTPUT) {
            return new byte[n];
        }
        if (output.length < n) {
            output = new byte[Math.min(MAX_OUTPUT, Math.max(n, output.length * 2))];
        }
        return output;
    }

    @Override
    public void close() {
        if (inflater != null) {
            inflater.end();
            inflater = null;
        }
        sink = null;
        output = new byte[0];
    }

    /** The buffers of one open file: one per thread using it at the same time. */
    public static final class Pool implements AutoCloseable {
        private final ConcurrentLinkedQueue<DecodeBuffers> idle = new ConcurrentLinkedQueue<>();
        private volatile boolean closed;

        /** Buffers for this thread's use; give them back with {@link #release}. */
        public DecodeBuffers acquire() {
            DecodeBuffers b = idle.poll();
            return b != null ? b : new DecodeBuffers();
        }

        public void release(DecodeBuffers buffers) {
            idle.offer(buffers);
            if (closed && idle.remove(buffers)) {
                buffers.close(); // released after the pool closed
            }
        }

        @Override
        public void close() {
            closed = true;
            for (DecodeBuffers b; (b = idle.poll()) != null; ) {
                b.close();
            }
        }
    }
}
