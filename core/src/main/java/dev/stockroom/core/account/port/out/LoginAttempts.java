package dev.stockroom.core.account.port.out;

import dev.stockroom.core.account.domain.LoginThrottle;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Failed logins counted per login name, shared by every instance of the service. A key is an
 * opaque digest of the normalised login name, never the name itself, and exists whether or not
 * an account has that name.
 */
public interface LoginAttempts {

    /** The end of the key's lockout when it is locked out at {@code now}; empty otherwise. */
    Optional<Instant> blockedUntil(String key, Instant now);

    /**
     * Counts one login attempt as failed, before its password is checked, as one atomic step: of
     * N concurrent calls for one key each counts and each sees a different count, so a burst of
     * guesses cannot get more than the limit past the check between them. A successful login
     * takes its attempt back with {@link #clear}. The attempt that reaches
     * {@link LoginThrottle#maxFailures()} locks the key until {@code now} plus
     * {@link LoginThrottle#lockout()}. An attempt after the window of the first counted one, or
     * after a lockout ended, starts a new count at 1.
     *
     * @return the key's state with this attempt counted
     */
    Failures claimAttempt(String key, Instant now, LoginThrottle throttle);

    /** Forgets the key's failures and any lockout (after a successful login). */
    void clear(String key);

    /**
     * Forgets every key that no longer matters at {@code now}: not locked out, and its next
     * attempt would start a new count under {@code throttle} (its lockout has ended, or it never
     * had one and the window of its first counted attempt has passed). Safe to run concurrently
     * with itself and with counting.
     *
     * @return how many keys this call forgot
     */
    int purgeStale(Instant now, LoginThrottle throttle);

    /**
     * One key's state after an attempt was counted.
     *
     * @param count        failed attempts in the current window, this one included
     * @param blockedUntil the end of the lockout, when the count has reached the limit
     */
    record Failures(int count, Optional<Instant> blockedUntil) {
        public Failures {
            if (count < 1) {
                throw new IllegalArgumentException("count must be at least 1");
            }
            Objects.requireNonNull(blockedUntil, "blockedUntil");
        }
    }
}
