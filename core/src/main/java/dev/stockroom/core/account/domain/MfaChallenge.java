package dev.stockroom.core.account.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The half-finished login of a user with two-factor sign-in on: the password was right, a code is
 * still owed. Stored by the hash of its {@code mfa_token} (random, handed out once), it lives until
 * {@code expiresAt} and takes {@code triesLeft} more codes. {@code deviceHash} is the device token
 * the password step recognised, replaced when the login completes as a plain login replaces it.
 */
public record MfaChallenge(
        String tokenHash,
        UserId user,
        Instant createdAt,
        Instant expiresAt,
        int triesLeft,
        Optional<String> deviceHash) {
    public MfaChallenge {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(deviceHash, "deviceHash");
        if (triesLeft < 0) {
            throw new IllegalArgumentException("triesLeft must not be negative");
        }
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a challenge must expire after it was made");
        }
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
