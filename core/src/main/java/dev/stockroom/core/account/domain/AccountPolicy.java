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
 * @param maxLoginFailures    failed logins for one login name that start a lockout
 * @param loginFailureWindow  how long failed logins keep counting after the first of them
 * @param loginLockout        how long a login name is refused once it reached the limit
 */
public record AccountPolicy(Duration codeLifetime, int maxCodeAttempts, Duration resendCooldown,
        Duration accessTokenLifetime, Duration resetTokenLifetime, Duration sessionLifetime,
        int passwordMinLength, int passwordMaxLength,
        int maxLoginFailures, Duration loginFailureWindow, Duration loginLockout) {

    public static final int DEFAULT_MAX_LOGIN_FAILURES = 10;
    public static final Duration DEFAULT_LOGIN_FAILURE_WINDOW = Duration.ofMinutes(15);
    public static final Duration DEFAULT_LOGIN_LOCKOUT = Duration.ofMinutes(15);

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
        if (maxLoginFailures < 1) {
            throw new IllegalArgumentException("maxLoginFailures must be at least 1");
        }
        requirePositive(loginFailureWindow, "loginFailureWindow");
        requirePositive(loginLockout, "loginLockout");
    }

    /** The policy before login throttling was configurable: the login limits take their defaults. */
    public AccountPolicy(Duration codeLifetime, int maxCodeAttempts, Duration resendCooldown,
            Duration accessTokenLifetime, Duration resetTokenLifetime, Duration sessionLifetime,
            int passwordMinLength, int passwordMaxLength) {
        this(codeLifetime, maxCodeAttempts, resendCooldown, accessTokenLifetime, resetTokenLifetime, sessionLifetime,
                passwordMinLength, passwordMaxLength, DEFAULT_MAX_LOGIN_FAILURES, DEFAULT_LOGIN_FAILURE_WINDOW,
                DEFAULT_LOGIN_LOCKOUT);
    }

    public static AccountPolicy defaults() {
        return new AccountPolicy(Duration.ofMinutes(10), 5, Duration.ofSeconds(60), Duration.ofMinutes(10),
                Duration.ofMinutes(10), Duration.ofDays(30), 12, 128);
    }

    /** The login limits as the {@code LoginAttempts} port takes them. */
    public LoginThrottle loginThrottle() {
        return new LoginThrottle(maxLoginFailures, loginFailureWindow, loginLockout);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
