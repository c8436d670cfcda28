package dev.stockroom.core.account.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords, RFC 6238 over RFC 4226's HOTP: what authenticator apps compute.
 * Stockroom uses {@link #ALGORITHM} with {@link #DIGITS} digits and {@link #PERIOD_SECONDS}-second
 * steps, and accepts a code of the step before or after the current one, for clocks a little off.
 */
public final class Totp {
    public static final String ALGORITHM = "HmacSHA1";
    public static final int DIGITS = 6;
    public static final long PERIOD_SECONDS = 30;
    /** Steps either side of the current one that are still accepted. */
    public static final int WINDOW = 1;

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {}

    /** The step {@code at} falls in: whole periods since the Unix epoch. */
    public static long stepAt(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), PERIOD_SECONDS);
    }

    /** Stockroom's code for the secret at a step. */
    public static String code(TotpSecret secret, long step) {
        return code(ALGORITHM, secret.bytes(), step, DIGITS);
    }

    /**
     * RFC 6238's {@code generateTOTP}: HMAC of the big-endian step, dynamic truncation, the last
     * {@code digits} decimal digits, zero-padded.
     *
     * @param algorithm a JCA MAC name: {@code HmacSHA1}, {@code HmacSHA256} or {@code HmacSHA512}
     */
    public static String code(String algorithm, byte[] key, long step, int digits) {
        if (digits < 1 || digits >= POWERS_OF_TEN.length) {
            throw new IllegalArgumentException("digits must be 1 to 8: " + digits);
        }
        byte[] hash;
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, "RAW"));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform provides " + algorithm, e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24)
                | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        int otp = binary % POWERS_OF_TEN[digits];
        StringBuilder text = new StringBuilder(Integer.toString(otp));
        while (text.length() < digits) {
            text.insert(0, '0');
        }
        return text.toString();
    }

    /**
     * The step within the window around {@code now} whose code {@code code} is, compared in
     * constant time; empty when it is none of them. Of two matching steps the later is answered.
     */
    public static OptionalLong matchingStep(TotpSecret secret, String code, Instant now) {
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        long current = stepAt(now);
        long matched = Long.MIN_VALUE;
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            if (MessageDigest.isEqual(given, code(secret, step).getBytes(StandardCharsets.US_ASCII))) {
                matched = step;
            }
        }
        return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
    }
}
