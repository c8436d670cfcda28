package dev.stockroom.adapters.rest.throttling;

import dev.stockroom.core.throttling.domain.RatePolicy;
import java.time.Duration;

/**
 * The endpoints limited per client address, each with its policy's name (the name the
 * {@code RateLimit-Policy} header announces) and the default limit. Every request to one counts,
 * except at login, where only a failed login (401) counts: a login from a full address is refused
 * before its password is checked, but an office of people typing their password right is never
 * slowed down by it.
 */
public enum AddressLimit {
    /** DESIGN.md's 100 failed logins an hour. */
    LOGIN_FAILURES("login", "/users/login", 100, Duration.ofHours(1)),
    /** DESIGN.md's 20 registrations an hour. */
    REGISTRATION("register", "/users/register", 20, Duration.ofHours(1)),
    /** Each may send a mail: about as many as registrations. */
    PASSWORD_FORGET("forget", "/users/password/forget", 20, Duration.ofHours(1)),
    /** Needs a NEW account's token and has its own minute of cooldown; a few per registration. */
    RESEND_CODE("resend", "/users/resend/code", 30, Duration.ofHours(1)),
    /** Guesses at a code, which dies after 5 wrong ones; room for typos of a registering office. */
    VERIFY("verify", "/users/verify", 60, Duration.ofHours(1)),
    /** Guesses at a reset code; as for verify. */
    PASSWORD_FORGET_VERIFY("forget-verify", "/users/password/forget/verify", 60, Duration.ofHours(1)),
    /**
     * Every client refreshes about once per access token (10 minutes), and refresh tokens cannot be
     * guessed: this only stops a flood, and lets a thousand clients behind one address through.
     */
    TOKEN_REFRESH("refresh", "/users/token/refresh", 1000, Duration.ofMinutes(10));

    private final String policyName;
    private final String path;
    private final int defaultLimit;
    private final Duration defaultWindow;

    AddressLimit(String policyName, String path, int defaultLimit, Duration defaultWindow) {
        this.policyName = policyName;
        this.path = path;
        this.defaultLimit = defaultLimit;
        this.defaultWindow = defaultWindow;
    }

    /** The policy's name, counted under and announced in the headers: {@code login}, {@code register}... */
    public String policyName() {
        return policyName;
    }

    /** The {@code POST} endpoint limited, as declared (without the trailing slash the API also takes). */
    public String path() {
        return path;
    }

    /** Whether only failed answers (401) count, rather than every request. */
    public boolean countsFailuresOnly() {
        return this == LOGIN_FAILURES;
    }

    /** This endpoint's policy with {@code limit} per {@code window}. */
    public RatePolicy policy(int limit, Duration window) {
        return new RatePolicy(policyName, limit, window);
    }

    public RatePolicy defaultPolicy() {
        return policy(defaultLimit, defaultWindow);
    }
}
