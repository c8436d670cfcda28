package dev.stockroom.core.account.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in lower-case hex: how refresh tokens and one-time codes are stored. */
final class Digests {
    private Digests() {}

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    /** Compares two digests in constant time. */
    static boolean sameDigest(String hexA, String hexB) {
        return MessageDigest.isEqual(
                hexA.getBytes(StandardCharsets.US_ASCII), hexB.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
