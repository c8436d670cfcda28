package dev.stockroom.core.account.port.in;

import java.util.Objects;

/**
 * A new pending TOTP secret, in Base32 for typing and as an {@code otpauth://} URI for a QR code;
 * shown once, at set-up.
 */
public record TotpEnrolment(String secret, String otpauthUri) {
    public TotpEnrolment {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(otpauthUri, "otpauthUri");
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "TotpEnrolment[***]";
    }
}
