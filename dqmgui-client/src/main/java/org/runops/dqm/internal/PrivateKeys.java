package org.runops.dqm.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import java.util.Locale;
import org.runops.dqm.DqmException;

/**
 * Private keys from PEM without BouncyCastle: PKCS#8 ({@code BEGIN PRIVATE KEY}) as is, PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}, what OpenSSL 1.x writes) and SEC1 ({@code BEGIN EC PRIVATE KEY})
 * wrapped into PKCS#8 by hand. Encrypted keys are refused with the commands that decrypt them.
 */
public final class PrivateKeys {
    /** rsaEncryption, 1.2.840.113549.1.1.1. */
    private static final byte[] RSA_OID = {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x01, 0x01};
    /** id-ecPublicKey, 1.2.840.10045.2.1. */
    private static final byte[] EC_OID = {0x06, 0x07, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01};
    private static final byte[] VERSION_0 = {Der.INTEGER, 0x01, 0x00};
    private static final byte[] DER_NULL = {Der.NULL, 0x00};
    private static final List<String> PKCS8_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS", "DSA");

    private PrivateKeys() {}

    /** True for the labels of private-key blocks, encrypted or not. */
    public static boolean isKey(PemBlock block) {
        return block.label().endsWith("PRIVATE KEY");
    }

    /** The key in {@code block}; {@code source} (the file) is named in every error. */
    public static PrivateKey read(PemBlock block, String source) {
        String procType = block.headers().getOrDefault("Proc-Type", "");
        if (block.label().equals("ENCRYPTED PRIVATE KEY") || procType.toUpperCase(Locale.ROOT).contains("ENCRYPTED")) {
            throw encrypted(source);
        }
        return switch (block.label()) {
            case "PRIVATE KEY" -> pkcs8(block.der(), source, PKCS8_ALGORITHMS);
            case "RSA PRIVATE KEY" -> pkcs8(wrap(RSA_OID, DER_NULL, block.der()), source, List.of("RSA"));
            case "EC PRIVATE KEY" -> pkcs8(wrap(EC_OID, curve(block.der(), source), block.der()), source, List.of("EC"));
            default -> throw new DqmException(source + ": a '" + block.label() + "' block is not a supported private key"
                    + " (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
        };
    }

    /** The refusal for an encrypted key, with the ways out. */
    private static DqmException encrypted(String source) {
        return new DqmException(source + ": the private key is encrypted (protected by a passphrase), and a client"
                + " certificate key must be readable without one. Write an unencrypted copy readable only by you:"
                + " 'openssl pkey -in " + source + " -out userkey.nopass.pem && chmod 600 userkey.nopass.pem'"
                + " (OpenSSL 1.x: 'openssl rsa -in … -out …'), or use the PKCS#12 file (--pkcs12) with its password"
                + " in an environment variable");
    }

    /** PKCS#8 PrivateKeyInfo: {@code SEQUENCE {INTEGER 0, SEQUENCE {algorithm OID, parameters}, OCTET STRING key}}. */
    private static byte[] wrap(byte[] algorithm, byte[] parameters, byte[] key) {
        return Der.tlv(Der.SEQUENCE, VERSION_0, Der.tlv(Der.SEQUENCE, algorithm, parameters), Der.tlv(Der.OCTET_STRING, key));
    }

    private static byte[] curve(byte[] sec1, String source) {
        byte[] curve;
        try {
            curve = Der.sec1Curve(sec1);
        } catch (IllegalArgumentException e) {
            throw new DqmException(source + ": the EC PRIVATE KEY is not a SEC1 key: " + e.getMessage(), e);
        }
        if (curve == null) {
            throw new DqmException(source + ": the EC PRIVATE KEY does not name its curve; convert it with"
                    + " 'openssl pkey -in " + source + " -out key.pk8.pem'");
        }
        return curve;
    }

    private static PrivateKey pkcs8(byte[] der, String source, List<String> algorithms) {
        GeneralSecurityException last = null;
        for (String algorithm : algorithms) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                last = e instanceof GeneralSecurityException g ? g : new GeneralSecurityException(e.getMessage(), e);
            }
        }
        throw new DqmException(source + ": cannot read the private key (tried " + String.join(", ", algorithms) + "): "
                + (last == null ? "" : last.getMessage()), last);
    }
}
