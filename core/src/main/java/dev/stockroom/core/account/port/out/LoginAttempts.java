package dev.stockroom.core.account.port.out;

import dev.stockroom.core.account.domain.LoginThrottle;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Failed logins counted per login name, shared by every instance of the service. A key is an
 * opaque digest of the normalised login name, never the name itself, and exists whether or not
 * an account has that name.
 *
 * <p>A password is checked only after a {@link #claim} granted the check a place: a key has
 * {@link LoginThrottle#maxFailures()} places, less its failures in the current window, so however
 * many guesses arrive at once no more of them are checked than could fail before the lockout. A
 * granted check is settled by {@link #failed} (a wrong password, the only thing that counts toward
 * the lockout), {@link #succeeded} or {@link #abandoned}, each of which gives its place back.
 */
public interface LoginAttempts {

    /**
     * How long a granted check keeps its place when it is never settled (its instance died
     * mid-check); longer than any check can take.
     */
    Duration CHECK_LEASE = Duration.ofMinutes(1);

    /** The end of the key's lockout when it is locked out at {@code now}; empty otherwise. */
    Optional<Instant> blockedUntil(String key, Instant now);

    /**
     * Asks for a place to check one password for the key, as one atomic step: of concurrent calls
     * for one key no more are granted than the key has places. {@link Claim#blocked} while the key
     * is locked out; {@link Claim#busy} while every place is taken by checks in flight (a settled
     * one frees its place, so the caller may ask again shortly). A claim after the window of the
     * first counted failure, or after a lockout ended, finds the failures forgotten.
     */
    Claim claim(String key, Instant now, LoginThrottle throttle);

    /**
     * A granted check found the password wrong: counts one failure in the current window (a new
     * window starts at this failure when the old one has passed or a lockout has ended) and gives
     * the place back. The failure that reaches {@link LoginThrottle#maxFailures()} locks the key
     * until {@code now} plus {@link LoginThrottle#lockout()}.
     *
     * @return the key's failures with this one counted
     */
    Failures failed(String key, Instant now, LoginThrottle throttle);

    /** A granted check found the password right: forgets the key's failures and any lockout, and gives the place back. */
    void succeeded(String key, Instant now);

    /** A granted check never came to a verdict (no capacity to hash, an error): gives the place back, counts nothing. */
    void abandoned(String key, Instant now);

    /**
     * Forgets every key that no longer matters at {@code now}: no check in flight, not locked out,
     * and its next failure would start a new count under {@code throttle} (its lockout has ended, or
     * it has none and the window of its first failure has passed or it has no failures). Safe to run
     * concurrently with itself and with counting.
     *
     * @return how many keys this call forgot
     */
    int purgeStale(Instant now, LoginThrottle throttle);

    /**
     * The answer to a {@link #claim}.
     *
     * @param outcome      granted, busy or blocked
     * @param blockedUntil the end of the lockout, for {@link Outcome#BLOCKED} only
     */
    record Claim(Outcome outcome, Optional<Instant> blockedUntil) {
        private static final Claim GRANTED = new Claim(Outcome.GRANTED, Optional.empty());
        private static final Claim BUSY = new Claim(Outcome.BUSY, Optional.empty());

        public Claim {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(blockedUntil, "blockedUntil");
            if (blockedUntil.isPresent() != (outcome == Outcome.BLOCKED)) {
                throw new IllegalArgumentException("a lockout end goes with BLOCKED and only with it");
            }
        }

        public static Claim granted() {
            return GRANTED;
        }

        public static Claim busy() {
            return BUSY;
        }

        public static Claim blocked(Instant until) {
            return new Claim(Outcome.BLOCKED, Optional.of(until));
        }

        public enum Outcome { GRANTED, BUSY, BLOCKED }
    }

    /**
     * One key's failures after a failure was counted.
     *
     * @param count        failures in the current window, this one included
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
