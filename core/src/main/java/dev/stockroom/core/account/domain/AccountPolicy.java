package dev.stockroom.core.account.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * The account rules an operator may tune, as the core sees them. Built by the host (bootstrap
 * reads it from YAML); {@link #defaults()} is what DESIGN.md specifies.
 *
 * @param codeLifetime        how long an emailed code is valid
 * @param maxCodeAttempts     how many tries one code accepts before it is dead
 * @param resendCooldown      the minimum gap between two codes of the same purpose
 * @param accessTokenLifetime lifetime of an access token (minted by the REST adapter)
 * @param resetTokenLifetime  lifetime of the token handed out by forget/verify
 * @param sessionLifetime     absolute lifetime of a login session and its refresh tokens
 * @param passwordMinLength   minimum password length in code points
 * @param passwordMaxLength   maximum password length in code points
 */
public record AccountPolicy(Duration codeLifetime, int maxCodeAttempts, Duration resendCooldown,
        Duration accessTokenLifetime, Duration resetTokenLifetime, Duration sessionLifetime,
        int passwordMinLength, int passwordMaxLength) {

    public AccountPolicy {
        requirePositive(codeLifetime, "codeLifetime");
        requirePositive(accessTokenLifetime, "accessTokenLifetime");
        requirePositive(resetTokenLifetime, "resetTokenLifetime");
        requirePositive(sessionLifetime, "sessionLifetime");
        Objects.requireNonNull(resendCooldown, "resendCooldown");
        if (resendCooldown.isNegative()) {
            throw new IllegalArgumentException("resendCooldown must not be negative");
        }
        if (maxCodeAttempts < 1) {
            throw new IllegalArgumentException("maxCodeAttempts must be at least 1");
        }
        if (passwordMinLength < 8) {
            throw new IllegalArgumentException("passwordMinLength must be at least 8");
        }
        if (passwordMaxLength < passwordMinLength || passwordMaxLength > 4096) {
            throw new IllegalArgumentException("passwordMaxLength must be between passwordMinLength and 4096");
        }
    }

    public static AccountPolicy defaults() {
        return new AccountPolicy(Duration.ofMinutes(10), 5, Duration.ofSeconds(60), Duration.ofMinutes(10),
                Duration.ofMinutes(10), Duration.ofDays(30), 12, 128);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
