package dev.stockroom.core.account.domain;

import dev.stockroom.core.shared.InvalidValue;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * A TOTP key as authenticator apps take it: Base32 text, upper case, no padding. New secrets are
 * {@link #BYTES} random bytes, the length RFC 4226 recommends for HMAC-SHA-1.
 */
public record TotpSecret(String base32) {
    public static final int BYTES = 20;
    private static final int MIN_BYTES = 10;
    /** As long as an HMAC-SHA-1 key usefully gets (its block size); a store sizes its column by it. */
    public static final int MAX_BASE32_LENGTH = 103;

    public TotpSecret {
        Objects.requireNonNull(base32, "base32");
        if (base32.length() > MAX_BASE32_LENGTH
                || !base32.matches("[A-Z2-7]+")
                || Base32.decode(base32).length < MIN_BYTES) {
            throw new InvalidValue(
                    "A TOTP secret is " + MIN_BYTES + " to 64 bytes in upper-case Base32 without padding.");
        }
    }

    public static TotpSecret generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new TotpSecret(Base32.encode(bytes));
    }

    public byte[] bytes() {
        return Base32.decode(base32);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "TotpSecret[***]";
    }
}
