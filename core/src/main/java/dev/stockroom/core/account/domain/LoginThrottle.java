package dev.stockroom.core.account.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How wrong passwords for one key (an account, or one device of it) are slowed down: the first
 * {@code freeFailures} cost nothing; the failure that reaches that count and each one after it
 * make the next check wait, {@code firstDelay} at first and twice as long each time, never longer
 * than {@code maxDelay}. Nothing is ever refused outright: the right password after the wait
 * logs in. The count is forgotten at a right password, or {@code memory} after the last failure.
 *
 * <p>While failures are still free, no more checks run at once than free failures are left, so a
 * burst of concurrent guesses gets no more than a sequence would; once delays apply, one at a time.
 *
 * @param freeFailures failures that cost nothing
 * @param firstDelay   the wait after the failure that used up the free ones
 * @param maxDelay     the longest wait
 * @param memory       how long after its last failure a key's count is kept; longer than {@code maxDelay}
 */
public record LoginThrottle(int freeFailures, Duration firstDelay, Duration maxDelay, Duration memory) {
    public static final int DEFAULT_FREE_FAILURES = 5;
    public static final Duration DEFAULT_FIRST_DELAY = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofMinutes(15);
    public static final Duration DEFAULT_MEMORY = Duration.ofHours(24);

    public LoginThrottle {
        if (freeFailures < 1) {
            throw new IllegalArgumentException("freeFailures must be at least 1");
        }
        requirePositive(firstDelay, "firstDelay");
        requirePositive(maxDelay, "maxDelay");
        requirePositive(memory, "memory");
        if (maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("maxDelay must not be shorter than firstDelay");
        }
        if (memory.compareTo(maxDelay) <= 0) {
            // Otherwise waiting out the longest delay would also wipe the count.
            throw new IllegalArgumentException("memory must be longer than maxDelay");
        }
    }

    public static LoginThrottle defaults() {
        return new LoginThrottle(DEFAULT_FREE_FAILURES, DEFAULT_FIRST_DELAY, DEFAULT_MAX_DELAY, DEFAULT_MEMORY);
    }

    /** How long the next check must wait after the key's {@code failures}-th failure in a row; empty when it need not. */
    public Optional<Duration> delayAfter(int failures) {
        if (failures < freeFailures) {
            return Optional.empty();
        }
        int doublings = failures - freeFailures;
        // 2^40 seconds is past any sane maxDelay; stop doubling before a long overflows.
        if (doublings >= 40) {
            return Optional.of(maxDelay);
        }
        Duration delay;
        try {
            delay = firstDelay.multipliedBy(1L << doublings);
        } catch (ArithmeticException e) {
            return Optional.of(maxDelay);
        }
        return Optional.of(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
    }

    /** How many checks of a key with {@code failures} may run at once. */
    public int places(int failures) {
        return Math.max(1, freeFailures - failures);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
