package dev.stockroom.core.account.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * The account rules an operator may tune, as the core sees them. Built by the host (bootstrap
 * reads it from YAML); {@link #defaults()} is what DESIGN.md specifies, and each {@code with…} method
 * returns a copy with one setting changed.
 *
 * @param codeLifetime        how long an emailed code is valid
 * @param maxCodeAttempts     how many tries one code accepts before it is dead
 * @param resendCooldown      the minimum gap between two codes of the same purpose
 * @param accessTokenLifetime lifetime of an access token (minted by the REST adapter)
 * @param resetTokenLifetime  lifetime of the token handed out by forget/verify
 * @param sessionLifetime     absolute lifetime of a login session and its refresh tokens
 * @param passwordMinLength   minimum password length in code points
 * @param passwordMaxLength   maximum password length in code points
 * @param loginThrottle       how wrong passwords for one account (or one of its devices) are slowed down
 * @param refreshReuseInterval how long a spent refresh token may come back and still be exchanged
 *                            (for clients with several tabs); zero, the default, ends the session at
 *                            any reuse
 * @param deviceTokenLifetime how long a device token counts after its last login
 * @param auditRetention      how long security events are kept
 */
public record AccountPolicy(
        Duration codeLifetime,
        int maxCodeAttempts,
        Duration resendCooldown,
        Duration accessTokenLifetime,
        Duration resetTokenLifetime,
        Duration sessionLifetime,
        int passwordMinLength,
        int passwordMaxLength,
        LoginThrottle loginThrottle,
        Duration refreshReuseInterval,
        Duration deviceTokenLifetime,
        Duration auditRetention) {

    public static final Duration DEFAULT_DEVICE_TOKEN_LIFETIME = Duration.ofDays(365);
    public static final Duration DEFAULT_AUDIT_RETENTION = Duration.ofDays(365);
    /** A reuse window longer than this would keep a stolen token usable for too long. */
    public static final Duration MAX_REFRESH_REUSE_INTERVAL = Duration.ofMinutes(5);

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
        Objects.requireNonNull(loginThrottle, "loginThrottle");
        Objects.requireNonNull(refreshReuseInterval, "refreshReuseInterval");
        if (refreshReuseInterval.isNegative() || refreshReuseInterval.compareTo(MAX_REFRESH_REUSE_INTERVAL) > 0) {
            throw new IllegalArgumentException("refreshReuseInterval must be from 0 to " + MAX_REFRESH_REUSE_INTERVAL);
        }
        requirePositive(deviceTokenLifetime, "deviceTokenLifetime");
        requirePositive(auditRetention, "auditRetention");
    }

    public static AccountPolicy defaults() {
        return new AccountPolicy(
                Duration.ofMinutes(10),
                5,
                Duration.ofSeconds(60),
                Duration.ofMinutes(10),
                Duration.ofMinutes(10),
                Duration.ofDays(30),
                12,
                128,
                LoginThrottle.defaults(),
                Duration.ZERO,
                DEFAULT_DEVICE_TOKEN_LIFETIME,
                DEFAULT_AUDIT_RETENTION);
    }

    public AccountPolicy withCodeLifetime(Duration lifetime) {
        return new AccountPolicy(
                lifetime,
                maxCodeAttempts,
                resendCooldown,
                accessTokenLifetime,
                resetTokenLifetime,
                sessionLifetime,
                passwordMinLength,
                passwordMaxLength,
                loginThrottle,
                refreshReuseInterval,
                deviceTokenLifetime,
                auditRetention);
    }

    public AccountPolicy withMaxCodeAttempts(int attempts) {
        return new AccountPolicy(
                codeLifetime,
                attempts,
                resendCooldown,
                accessTokenLifetime,
                resetTokenLifetime,
                sessionLifetime,
                passwordMinLength,
                passwordMaxLength,
                loginThrottle,
                refreshReuseInterval,
                deviceTokenLifetime,
                auditRetention);
    }

    public AccountPolicy withResendCooldown(Duration cooldown) {
        return new AccountPolicy(
                codeLifetime,
                maxCodeAttempts,
                cooldown,
                accessTokenLifetime,
                resetTokenLifetime,
                sessionLifetime,
                passwordMinLength,
                passwordMaxLength,
                loginThrottle,
                refreshReuseInterval,
                deviceTokenLifetime,
                auditRetention);
    }

    public AccountPolicy withAccessTokenLifetime(Duration lifetime) {
        return new AccountPolicy(
                codeLifetime,
                maxCodeAttempts,
                resendCooldown,
                lifetime,
                resetTokenLifetime,
                sessionLifetime,
                passwordMinLength,
                passwordMaxLength,
                loginThrottle,
                refreshReuseInterval,
                deviceTokenLifetime,
                auditRetention);
    }

    public AccountPolicy withResetTokenLifetime(Duration lifetime) {
        return new AccountPolicy(
                codeLifetime,
                maxCodeAttempts,
                resendCooldown,
                accessTokenLifetime,
                lifetime,
                sessionLifetime,
                passwordMinLength,
                passwordMaxLength,
                loginThrottle,
                refreshReuseInterval,
                deviceTokenLifetime,
                auditRetention);
    }

    public AccountPolicy withSessionLifetime(Duration lifetime) {
        return new AccountPolicy(
                codeLifetime,
                maxCodeAttempts,
                resendCooldown,
                accessTokenLifetime,
                resetTokenLifetime,
                lifetime,
                passwordMinLength,
                passwordMaxLength,
                loginThrottle,
                refreshReuseInterval,
                deviceTokenLifetime,
                auditRetention);
    }

    /** Both bounds at once: the maximum is checked against the minimum, so one at a time could fail midway. */
    public AccountPolicy withPasswordLength(int minLength, int maxLength) {
        return new AccountPolicy(
                codeLifetime,
                maxCodeAttempts,
                resendCooldown,
                accessTokenLifetime,
                resetTokenLifetime,
                sessionLifetime,
                minLength,
                maxLength,
                loginThrottle,
                refreshReuseInterval,
                deviceTokenLifetime,
                auditRetention);
    }

    public AccountPolicy withLoginThrottle(LoginThrottle throttle) {
        return new AccountPolicy(
                codeLifetime,
                maxCodeAttempts,
                resendCooldown,
                accessTokenLifetime,
                resetTokenLifetime,
                sessionLifetime,
                passwordMinLength,
                passwordMaxLength,
                throttle,
                refreshReuseInterval,
                deviceTokenLifetime,
                auditRetention);
    }

    public AccountPolicy withRefreshReuseInterval(Duration interval) {
        return new AccountPolicy(
                codeLifetime,
                maxCodeAttempts,
                resendCooldown,
                accessTokenLifetime,
                resetTokenLifetime,
                sessionLifetime,
                passwordMinLength,
                passwordMaxLength,
                loginThrottle,
                interval,
                deviceTokenLifetime,
                auditRetention);
    }

    public AccountPolicy withDeviceTokenLifetime(Duration lifetime) {
        return new AccountPolicy(
                codeLifetime,
                maxCodeAttempts,
                resendCooldown,
                accessTokenLifetime,
                resetTokenLifetime,
                sessionLifetime,
                passwordMinLength,
                passwordMaxLength,
                loginThrottle,
                refreshReuseInterval,
                lifetime,
                auditRetention);
    }

    public AccountPolicy withAuditRetention(Duration retention) {
        return new AccountPolicy(
                codeLifetime,
                maxCodeAttempts,
                resendCooldown,
                accessTokenLifetime,
                resetTokenLifetime,
                sessionLifetime,
                passwordMinLength,
                passwordMaxLength,
                loginThrottle,
                refreshReuseInterval,
                deviceTokenLifetime,
                retention);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
