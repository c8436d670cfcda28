package dev.stockroom.core.throttling.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a count is kept under: a bucket (a {@link RatePolicy#name()}) and the SHA-256 of the
 * subject (a client address, an email address), in lower-case hex. Only {@link #of} makes one from
 * a subject, so a store never sees the address itself.
 *
 * @param bucket the policy's name
 * @param digest 64 lower-case hex digits
 */
public record CounterKey(String bucket, String digest) {
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

    public CounterKey {
        RatePolicy.requireName(bucket);
        Objects.requireNonNull(digest, "digest");
        if (!DIGEST.matcher(digest).matches()) {
            throw new IllegalArgumentException("digest must be 64 lower-case hex digits");
        }
    }

    /** The key of {@code subject} in {@code bucket}: its digest, never the subject itself. */
    public static CounterKey of(String bucket, String subject) {
        Objects.requireNonNull(subject, "subject");
        try {
            byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return new CounterKey(bucket, HexFormat.of().formatHex(sha256));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
