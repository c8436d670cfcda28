package dev.stockroom.adapters.rest.security;

import java.util.Arrays;
import java.util.Objects;

/**
 * What the JWT codec needs: the HS256 key (at least 256 bits), and the issuer and audience written
 * into and required of every token.
 */
@SuppressWarnings("ArrayRecordComponent") // the key is copied in and out; equals, hashCode and toString are below
public record TokenSettings(byte[] key, String issuer, String audience) {
    public static final int MIN_KEY_BYTES = 32;

    public TokenSettings {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(
                    "The JWT key must be at least 256 bits (32 bytes); it has " + key.length * 8 + " bits.");
        }
        key = key.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenSettings other
                && Arrays.equals(key, other.key)
                && issuer.equals(other.issuer)
                && audience.equals(other.audience);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(key), issuer, audience);
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "TokenSettings[issuer=" + issuer + ", audience=" + audience + "]";
    }
}
