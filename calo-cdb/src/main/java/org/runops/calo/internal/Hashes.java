package org.runops.calo.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short content hashes for plan ids and per-run fingerprints: the first 16 hex digits of a SHA-256. */
public final class Hashes {
    private Hashes() {}

    /** The hash of {@code text} (its UTF-8 bytes). */
    public static String of(CharSequence text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
