package dev.stockroom.core.account.application;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.LoginThrottle;
import dev.stockroom.core.account.port.out.LoginAttempts;
import dev.stockroom.core.shared.Overloaded;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Waiting for a place to check a secret (a password, a second-factor code) under a throttling key
 * of {@link LoginAttempts}, and giving a place back that came to no verdict: the same for every
 * check that wrong guesses slow down.
 */
final class CheckPlaces {
    // Longer than any login should queue: under a login flood that also competes with reads, the
    // low-priority hashing threads free places slowly, and polling is not first come, first served.
    private static final Duration CHECK_WAIT = Duration.ofSeconds(30);
    private static final long MAX_CHECK_PAUSE_MILLIS = 25;

    private final LoginAttempts loginAttempts;
    private final LoginThrottle throttle;
    private final Clock clock;

    CheckPlaces(LoginAttempts loginAttempts, LoginThrottle throttle, Clock clock) {
        this.loginAttempts = loginAttempts;
        this.throttle = throttle;
        this.clock = clock;
    }

    /**
     * Waits, briefly, for a place to check a secret for the key: every place taken means that
     * many checks of this key are in flight, and each frees its place within one check. A place
     * that stays taken for {@link #CHECK_WAIT} (checks stuck behind a full hashing queue, or held by
     * an instance that died, until their lease runs out) is answered as a busy service, not as
     * throttling: nothing failed.
     *
     * @param throttledMessage what the caller hears while the key's delay runs
     */
    void await(String key, String throttledMessage) {
        long deadline = System.nanoTime() + CHECK_WAIT.toNanos();
        long pauseMillis = 2;
        while (true) {
            Instant now = clock.instant();
            LoginAttempts.Claim claim = loginAttempts.claim(key, now, throttle);
            switch (claim.outcome()) {
                case GRANTED:
                    return;
                case BLOCKED:
                    throw new AccountFailure.Throttled(
                            throttledMessage,
                            Duration.between(now, claim.blockedUntil().orElseThrow()));
                case BUSY:
                default:
                    break;
            }
            if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pauseMillis) - deadline > 0) {
                throw new Overloaded(
                        "Too many logins for this account at once; try again shortly.", Duration.ofSeconds(1));
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Overloaded("Interrupted while waiting to check the password.", Duration.ofSeconds(1));
            }
            pauseMillis = Math.min(pauseMillis * 2, MAX_CHECK_PAUSE_MILLIS);
        }
    }

    /** Gives the check's place back when it came to no verdict; the original failure, if any, is what the caller hears. */
    void abandon(String key, RuntimeException cause) {
        try {
            loginAttempts.abandoned(key, clock.instant());
        } catch (RuntimeException e) {
            // Its lease frees the place in the end.
            if (cause == null) {
                throw e;
            }
            cause.addSuppressed(e);
        }
    }
}
