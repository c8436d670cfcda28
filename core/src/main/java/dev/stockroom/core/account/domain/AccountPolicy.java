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
 * @param loginThrottle       how wrong passwords for one account (or one of its devices) are slowed down
 * @param refreshReuseInterval how long a spent refresh token may come back and still be exchanged
 *                            (for clients with several tabs); zero, the default, ends the session at
 *                            any reuse
 * @param deviceTokenLifetime how long a device token counts after its last login
 * @param auditRetention      how long security events are kept
 */
public record AccountPolicy(Duration codeLifetime, int maxCodeAttempts, Duration resendCooldown,
        Duration accessTokenLifetime, Duration resetTokenLifetime, Duration sessionLifetime,
        int passwordMinLength, int passwordMaxLength, LoginThrottle loginThrottle, Duration refreshReuseInterval,
        Duration deviceTokenLifetime, Duration auditRetention) {

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

    /** The policy's first eight settings; login throttling, refresh reuse, devices and the audit trail take their defaults. */
    public AccountPolicy(Duration codeLifetime, int maxCodeAttempts, Duration resendCooldown,
            Duration accessTokenLifetime, Duration resetTokenLifetime, Duration sessionLifetime,
            int passwordMinLength, int passwordMaxLength) {
        this(codeLifetime, maxCodeAttempts, resendCooldown, accessTokenLifetime, resetTokenLifetime, sessionLifetime,
                passwordMinLength, passwordMaxLength, LoginThrottle.defaults(), Duration.ZERO,
                DEFAULT_DEVICE_TOKEN_LIFETIME, DEFAULT_AUDIT_RETENTION);
    }

    public static AccountPolicy defaults() {
        return new AccountPolicy(Duration.ofMinutes(10), 5, Duration.ofSeconds(60), Duration.ofMinutes(10),
                Duration.ofMinutes(10), Duration.ofDays(30), 12, 128);
    }

    public AccountPolicy withLoginThrottle(LoginThrottle throttle) {
        return new AccountPolicy(codeLifetime, maxCodeAttempts, resendCooldown, accessTokenLifetime,
                resetTokenLifetime, sessionLifetime, passwordMinLength, passwordMaxLength, throttle,
                refreshReuseInterval, deviceTokenLifetime, auditRetention);
    }

    public AccountPolicy withRefreshReuseInterval(Duration interval) {
        return new AccountPolicy(codeLifetime, maxCodeAttempts, resendCooldown, accessTokenLifetime,
                resetTokenLifetime, sessionLifetime, passwordMinLength, passwordMaxLength, loginThrottle, interval,
                deviceTokenLifetime, auditRetention);
    }

    public AccountPolicy withDeviceTokenLifetime(Duration lifetime) {
        return new AccountPolicy(codeLifetime, maxCodeAttempts, resendCooldown, accessTokenLifetime,
                resetTokenLifetime, sessionLifetime, passwordMinLength, passwordMaxLength, loginThrottle,
                refreshReuseInterval, lifetime, auditRetention);
    }

    public AccountPolicy withAuditRetention(Duration retention) {
        return new AccountPolicy(codeLifetime, maxCodeAttempts, resendCooldown, accessTokenLifetime,
                resetTokenLifetime, sessionLifetime, passwordMinLength, passwordMaxLength, loginThrottle,
                refreshReuseInterval, deviceTokenLifetime, retention);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
