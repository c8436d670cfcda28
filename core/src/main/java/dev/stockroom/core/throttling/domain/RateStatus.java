package dev.stockroom.core.throttling.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * Where one subject stands under one policy: its events in the current window and how long until
 * that window ends.
 *
 * @param policy     the policy counted under
 * @param hits       the subject's events in the current window (with this one, after a hit)
 * @param allowed    after a hit: whether that event was within the limit; after a peek: whether
 *                   one more event would be
 * @param resetAfter time until the window ends and the count starts again from zero
 */
public record RateStatus(RatePolicy policy, int hits, boolean allowed, Duration resetAfter) {

    public RateStatus {
        Objects.requireNonNull(policy, "policy");
        if (hits < 0) {
            throw new IllegalArgumentException("hits must not be negative");
        }
        Objects.requireNonNull(resetAfter, "resetAfter");
        if (resetAfter.isNegative()) {
            throw new IllegalArgumentException("resetAfter must not be negative");
        }
    }

    /** Events the subject has left in this window, never below zero. */
    public int remaining() {
        return Math.max(0, policy.limit() - hits);
    }
}
