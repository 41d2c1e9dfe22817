package org.runops.dqm.internal;

import java.nio.charset.StandardCharsets;
import java.util.function.IntPredicate;

/** Percent-encoding of UTF-8 text with a caller's set of ASCII characters kept as they are (URLs and cache file names). */
final class PercentEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {}

    /** {@code text} with every UTF-8 byte outside {@code safe} (tested on ASCII characters only) written {@code %XX}. */
    static String encode(String text, IntPredicate safe) {
        int i = 0;
        while (i < text.length() && text.charAt(i) < 0x80 && safe.test(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(utf8.length * 3);
        for (byte b : utf8) {
            int c = b & 0xFF;
            if (c < 0x80 && safe.test(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }
}
