package dev.stockroom.core.account.application;

import dev.stockroom.core.account.domain.AccountPolicy;
import dev.stockroom.core.account.domain.LoginThrottle;
import dev.stockroom.core.account.port.out.AuditLog;
import dev.stockroom.core.account.port.out.LoginAttempts;
import dev.stockroom.core.account.port.out.OneTimeCodeRepository;
import dev.stockroom.core.account.port.out.SessionRepository;
import dev.stockroom.core.account.port.out.TrustedDevices;
import dev.stockroom.core.throttling.port.out.RateCounters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Deletes account records that can no longer change any answer, so that the tables stop growing
 * with every refresh and every failed login. The host calls {@link #purge()} on a schedule; any
 * number of instances may do so at once. What goes, with {@code cutoff} = now minus
 * {@link #RETENTION}:
 * <ul>
 * <li>refresh tokens spent at or before the cutoff, in live sessions too. A spent token matters
 * only when it comes back: then {@code Authentication.refresh} revokes its session. Until the
 * retention has passed a replay is still caught; after it the token is simply unknown and
 * refused, without revoking the family;</li>
 * <li>sessions that ended at or before the cutoff (revoked then, or past their absolute
 * {@code expiresAt}), with the refresh tokens they still hold. Nothing can revive them, and every
 * access token naming them has long expired;</li>
 * <li>one-time codes used or expired at or before the cutoff, but never one younger than the
 * resend cooldown, which is measured from the current code. A purged code answers "wrong code"
 * where it answered "expired", a day or more later;</li>
 * <li>failed-login counts with no delay running whose failures are forgotten anyway (see
 * {@link LoginAttempts#purgeStale}); these need no retention;</li>
 * <li>device tokens not used for {@link AccountPolicy#deviceTokenLifetime()}, which no longer count;</li>
 * <li>audit events older than {@link AccountPolicy#auditRetention()};</li>
 * <li>when there are {@link RateCounters} (the limits per client address and per email address),
 * the counts of windows that ended more than {@link #RATE_COUNT_GRACE} ago. Nothing reads a
 * window after its end; the grace lets an instance whose clock lags finish counting into it.</li>
 * </ul>
 * Each kind is deleted by its own statement, not in one transaction, so that no purge holds locks
 * on the tables longer than one statement.
 */
public final class AccountHousekeeping {
    /**
     * How long ended sessions, spent refresh tokens and dead codes are kept. A constant rather
     * than a policy setting: a day covers any replay worth detecting, and nobody has needed to
     * tune it.
     */
    static final Duration RETENTION = Duration.ofDays(1);

    static final Duration RATE_COUNT_GRACE = Duration.ofMinutes(5);

    private final SessionRepository sessions;
    private final OneTimeCodeRepository codes;
    private final LoginAttempts loginAttempts;
    private final TrustedDevices devices;
    private final AuditLog audit;
    private final Optional<RateCounters> rateCounters;
    private final LoginThrottle throttle;
    private final Duration codeRetention;
    private final Duration deviceLifetime;
    private final Duration auditRetention;
    private final Clock clock;

    AccountHousekeeping(
            SessionRepository sessions,
            OneTimeCodeRepository codes,
            LoginAttempts loginAttempts,
            TrustedDevices devices,
            AuditLog audit,
            Optional<RateCounters> rateCounters,
            AccountPolicy policy,
            Clock clock) {
        this.sessions = sessions;
        this.codes = codes;
        this.loginAttempts = loginAttempts;
        this.devices = devices;
        this.audit = audit;
        this.rateCounters = rateCounters;
        this.deviceLifetime = policy.deviceTokenLifetime();
        this.auditRetention = policy.auditRetention();
        this.throttle = policy.loginThrottle();
        // A code's end comes after its creation, so keeping it this long after its end keeps it
        // for the whole cooldown that OneTimeCodes measures from its creation.
        this.codeRetention = RETENTION.compareTo(policy.resendCooldown()) >= 0 ? RETENTION : policy.resendCooldown();
        this.clock = clock;
    }

    /** Deletes what can no longer matter now, as the class describes; returns how much of each went. */
    public HousekeepingReport purge() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(RETENTION);
        // Spent tokens first, so that those of ended sessions are counted as tokens too.
        int spentRefreshTokens = sessions.purgeSpentRefreshTokens(cutoff);
        int endedSessions = sessions.purgeEndedSessions(cutoff);
        int deadCodes = codes.purgeEndedBefore(now.minus(codeRetention));
        int staleLoginAttempts = loginAttempts.purgeStale(now, throttle);
        int unusedDevices = devices.purgeUnusedSince(now.minus(deviceLifetime));
        int oldEvents = audit.purgeBefore(now.minus(auditRetention));
        int endedRateCounts = rateCounters
                .map(c -> c.purgeEndedBefore(now.minus(RATE_COUNT_GRACE)))
                .orElse(0);
        return new HousekeepingReport(
                endedSessions,
                spentRefreshTokens,
                deadCodes,
                staleLoginAttempts,
                unusedDevices,
                oldEvents,
                endedRateCounts);
    }
}
