package dev.stockroom.core.shared;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently a {@link Transactions} implementation repeats a unit of work that
 * lost a {@link Conflict}: at most {@code attempts} runs in all, and before run {@code n + 1} a
 * pause drawn evenly from the upper half of {@code firstPause × 2^(n-1)}, capped at
 * {@code maxPause}. The randomness keeps two units that conflicted from meeting again in step.
 */
public record ConflictRetry(int attempts, Duration firstPause, Duration maxPause) {

    /** 4 runs; pauses of 5–10, 10–20 and 20–40 ms, so a unit gives up after 35 to 70 ms of pauses. */
    public static final ConflictRetry DEFAULT = new ConflictRetry(4, Duration.ofMillis(10), Duration.ofMillis(50));

    /** Runs once: a conflict becomes {@link Overloaded} at once. */
    public static final ConflictRetry NEVER = new ConflictRetry(1, Duration.ZERO, Duration.ZERO);

    public ConflictRetry {
        Objects.requireNonNull(firstPause, "firstPause");
        Objects.requireNonNull(maxPause, "maxPause");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        if (firstPause.isNegative() || maxPause.compareTo(firstPause) < 0) {
            throw new IllegalArgumentException("need 0 <= firstPause <= maxPause");
        }
    }

    /** The pause before the next run, after {@code failedAttempts} runs (at least 1) lost. */
    public Duration pauseAfter(int failedAttempts) {
        long ceiling = firstPause.toNanos();
        for (int i = 1; i < failedAttempts && ceiling < maxPause.toNanos(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, maxPause.toNanos());
        if (ceiling == 0) {
            return Duration.ZERO;
        }
        long floor = ceiling / 2;
        return Duration.ofNanos(floor + ThreadLocalRandom.current().nextLong(ceiling - floor + 1));
    }

    /** What a unit hears when it gives up: the store was too busy with conflicting work. */
    public static Overloaded gaveUp() {
        return new Overloaded(
                "Too many concurrent changes to the same data; try again shortly.", Duration.ofSeconds(1));
    }
}
