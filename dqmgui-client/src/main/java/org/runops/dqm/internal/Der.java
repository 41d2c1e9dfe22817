package org.runops.dqm.internal;

import java.io.ByteArrayOutputStream;

/**
 * The few DER operations needed to turn PKCS#1 (RSA) and SEC1 (EC) private keys into the PKCS#8 form the
 * JDK's key factories read: build a tag-length-value, and find the curve of a SEC1 key.
 */
final class Der {
    static final int SEQUENCE = 0x30;
    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    private static final int CONTEXT_0 = 0xA0;

    private Der() {}

    /** Tag, length and {@code content} concatenated. */
    static byte[] tlv(int tag, byte[]... content) {
        int length = 0;
        for (byte[] c : content) {
            length += c.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 6);
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length < 0x100 ? 1 : length < 0x10000 ? 2 : length < 0x1000000 ? 3 : 4;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        for (byte[] c : content) {
            out.writeBytes(c);
        }
        return out.toByteArray();
    }

    /**
     * The curve OID (as a whole TLV) in the {@code [0] parameters} of a SEC1 {@code ECPrivateKey}
     * ({@code SEQUENCE {INTEGER 1, OCTET STRING key, [0] OID curve, [1] public key}}), or null.
     *
     * @throws IllegalArgumentException when {@code sec1} is not such a structure
     */
    static byte[] sec1Curve(byte[] sec1) {
        int[] outer = header(sec1, 0, SEQUENCE);
        int at = outer[0];
        int end = outer[0] + outer[1];
        if (end != sec1.length) {
            throw new IllegalArgumentException("trailing bytes after the EC key");
        }
        int[] version = header(sec1, at, INTEGER);
        at = version[0] + version[1];
        int[] key = header(sec1, at, OCTET_STRING);
        at = key[0] + key[1];
        if (at >= end || (sec1[at] & 0xFF) != CONTEXT_0) {
            return null;
        }
        int[] params = header(sec1, at, CONTEXT_0);
        int[] oid = header(sec1, params[0], OID);
        byte[] tlv = new byte[oid[0] + oid[1] - params[0]];
        System.arraycopy(sec1, params[0], tlv, 0, tlv.length);
        return tlv;
    }

    /** {content start, content length} of the element at {@code at}, which must have tag {@code tag}. */
    private static int[] header(byte[] b, int at, int tag) {
        if (at + 2 > b.length || (b[at] & 0xFF) != tag) {
            throw new IllegalArgumentException("expected DER tag 0x" + Integer.toHexString(tag) + " at byte " + at);
        }
        int first = b[at + 1] & 0xFF;
        int start = at + 2;
        long length = first;
        if (first >= 0x80) {
            int bytes = first & 0x7F;
            if (bytes == 0 || bytes > 4 || start + bytes > b.length) {
                throw new IllegalArgumentException("bad DER length at byte " + (at + 1));
            }
            length = 0;
            for (int i = 0; i < bytes; i++) {
                length = (length << 8) | (b[start + i] & 0xFF);
            }
            start += bytes;
        }
        if (start + length > b.length) {
            throw new IllegalArgumentException("DER element at byte " + at + " runs past the end");
        }
        return new int[] {start, (int) length};
    }
}
