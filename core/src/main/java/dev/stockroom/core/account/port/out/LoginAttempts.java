package dev.stockroom.core.account.port.out;

import dev.stockroom.core.account.domain.LoginThrottle;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * Wrong passwords counted per key, shared by every instance of the service. A key is an opaque
 * digest (of an account, of one device token of an account, or of a login name that is no
 * account), never a name itself, and is counted the same way whether or not an account is behind it.
 *
 * <p>A password is checked only after a {@link #claim} granted the check a place: a key has
 * {@link LoginThrottle#places(int)} places for its failure count, so however many guesses arrive at
 * once no more of them are checked than a sequence of guesses would get. A granted check is settled
 * by {@link #failed} (a wrong password, the only thing that counts), {@link #succeeded} or
 * {@link #abandoned}, each of which gives its place back.
 */
public interface LoginAttempts {

    /**
     * How long a granted check keeps its place when it is never settled (its instance died
     * mid-check); longer than any check can take.
     */
    Duration CHECK_LEASE = Duration.ofMinutes(1);

    /** The end of the key's current delay when a check must still wait at {@code now}; empty otherwise. */
    Optional<Instant> blockedUntil(String key, Instant now);

    /**
     * Asks for a place to check one password for the key, as one atomic step: of concurrent calls
     * for one key no more are granted than the key has places. {@link Claim#blocked} while the key's
     * delay runs; {@link Claim#busy} while every place is taken by checks in flight (a settled one
     * frees its place, so the caller may ask again shortly). A claim {@link LoginThrottle#memory()}
     * or longer after the key's last failure finds its failures forgotten.
     */
    Claim claim(String key, Instant now, LoginThrottle throttle);

    /**
     * A granted check found the password wrong: counts one failure (the count starts again at one
     * when the last failure is {@link LoginThrottle#memory()} or longer ago) and gives the place
     * back. From the failure that uses up the free ones, each sets a delay
     * ({@link LoginThrottle#delayAfter(int)}) before the key's next check.
     *
     * @return the key's failures with this one counted
     */
    Failures failed(String key, Instant now, LoginThrottle throttle);

    /** A granted check found the password right: forgets the key's failures and any delay, and gives the place back. */
    void succeeded(String key, Instant now);

    /** A granted check never came to a verdict (no capacity to hash, an error): gives the place back, counts nothing. */
    void abandoned(String key, Instant now);

    /** Forgets the keys' failures and delays, as an admin's unlock does; checks in flight keep their places. */
    void forget(Collection<String> keys);

    /**
     * Forgets every key that no longer matters at {@code now}: no check in flight, no delay
     * running, and its last failure {@link LoginThrottle#memory()} or longer ago (or no failures).
     * Safe to run concurrently with itself and with counting.
     *
     * @return how many keys this call forgot
     */
    int purgeStale(Instant now, LoginThrottle throttle);

    /**
     * The answer to a {@link #claim}.
     *
     * @param outcome      granted, busy or blocked
     * @param blockedUntil the end of the delay, for {@link Outcome#BLOCKED} only
     */
    record Claim(Outcome outcome, Optional<Instant> blockedUntil) {
        private static final Claim GRANTED = new Claim(Outcome.GRANTED, Optional.empty());
        private static final Claim BUSY = new Claim(Outcome.BUSY, Optional.empty());

        public Claim {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(blockedUntil, "blockedUntil");
            if (blockedUntil.isPresent() != (outcome == Outcome.BLOCKED)) {
                throw new IllegalArgumentException("a delay's end goes with BLOCKED and only with it");
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

        public enum Outcome {
            GRANTED,
            BUSY,
            BLOCKED
        }
    }

    /**
     * One key's failures after a failure was counted.
     *
     * @param count        failures in a row, this one included
     * @param blockedUntil the end of the delay before the next check, once the free failures are used up
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
