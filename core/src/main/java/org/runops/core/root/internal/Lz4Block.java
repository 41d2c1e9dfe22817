package org.runops.core.root.internal;

/**
 * A raw LZ4 block decoder that can stop once enough output is there: reading a tree's entry count
 * needs only the first few hundred bytes of a block that may hold 16 MB.
 */
final class Lz4Block {
    /** Signals that the input ended inside a sequence (more compressed bytes are needed). */
    static final int NEED_INPUT = -1;

    private Lz4Block() {}

    /**
     * Decodes {@code in[inOff..inOff+inLen)} into {@code out[0..outLimit)}.
     *
     * @param inputComplete whether {@code in} holds the whole block (else running out means NEED_INPUT)
     * @return bytes written, or {@link #NEED_INPUT}
     * @throws IllegalStateException on malformed data (offset 0 or before the start, output overflow)
     */
    static int decode(byte[] in, int inOff, int inLen, byte[] out, int outLimit, boolean inputComplete) {
        int ip = inOff;
        int inEnd = inOff + inLen;
        int op = 0;
        while (op < outLimit) {
            if (ip >= inEnd) {
                if (inputComplete) {
                    return op;
                }
                return NEED_INPUT;
            }
            int token = in[ip++] & 0xFF;
            int literals = token >>> 4;
            if (literals == 15) {
                int b;
                do {
                    if (ip >= inEnd) {
                        return inputComplete ? fail("literal length runs past the block") : NEED_INPUT;
                    }
                    b = in[ip++] & 0xFF;
                    literals += b;
                } while (b == 255);
            }
            int copy = Math.min(literals, outLimit - op);
            if (ip + copy > inEnd) {
                return inputComplete ? fail("literals run past the block") : NEED_INPUT;
            }
            System.arraycopy(in, ip, out, op, copy);
            ip += literals;
            op += copy;
            if (op >= outLimit) {
                return op;
            }
            if (ip >= inEnd) {
                // The last sequence of a block has literals only.
                return inputComplete ? op : NEED_INPUT;
            }
            if (ip + 2 > inEnd) {
                return inputComplete ? fail("match offset runs past the block") : NEED_INPUT;
            }
            int offset = (in[ip] & 0xFF) | ((in[ip + 1] & 0xFF) << 8);
            ip += 2;
            if (offset == 0 || offset > op) {
                return fail("match offset " + offset + " at output position " + op);
            }
            int match = token & 15;
            if (match == 15) {
                int b;
                do {
                    if (ip >= inEnd) {
                        return inputComplete ? fail("match length runs past the block") : NEED_INPUT;
                    }
                    b = in[ip++] & 0xFF;
                    match += b;
                } while (b == 255);
            }
            match += 4;
            int end = Math.min(op + match, outLimit);
            for (int from = op - offset; op < end; op++, from++) {
                out[op] = out[from];
            }
        }
        return op;
    }

    private static int fail(String what) {
        throw new IllegalStateException("malformed LZ4 block: " + what);
    }
}
