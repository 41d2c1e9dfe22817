package org.runops.calo.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Payload URLs in the form the CDB stores them (nopayloadclient {@code Payload::getRemoteUrl}):
 * {@code <type>/<md5[0:2]>/<md5[2:4]>/<md5>_<original file name>}, relative to the client's read directories.
 */
public final class PayloadUrls {
    private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");

    private PayloadUrls() {}

    /** The stored URL of {@code fileName} uploaded as {@code payloadType} with checksum {@code md5} (32 lower-case hex digits). */
    public static String stored(String payloadType, String md5, String fileName) {
        if (!MD5.matcher(md5).matches()) {
            throw new IllegalArgumentException("md5 must be 32 lower-case hex digits, got '" + md5 + "'");
        }
        if (fileName.isEmpty() || fileName.contains("/")) {
            throw new IllegalArgumentException("file name must be non-empty without '/', got '" + fileName + "'");
        }
        return payloadType + "/" + md5.substring(0, 2) + "/" + md5.substring(2, 4) + "/" + md5 + "_" + fileName;
    }

    /** The md5 (hex) of {@code text} in UTF-8: a stand-in checksum where there is no payload file to hash. */
    public static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
