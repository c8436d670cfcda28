package dev.stockroom.core.throttling.application;

import dev.stockroom.core.throttling.domain.CounterKey;
import dev.stockroom.core.throttling.domain.FixedWindow;
import dev.stockroom.core.throttling.domain.RatePolicy;
import dev.stockroom.core.throttling.domain.RateStatus;
import dev.stockroom.core.throttling.port.in.RateLimiter;
import dev.stockroom.core.throttling.port.out.RateCounters;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * {@link RateLimiter} on fixed windows aligned to the epoch. Fixed windows rather than sliding
 * ones: one counter per subject and window, one atomic statement per event, and a count any
 * instance can read. The price is the edge of a window: a subject may spend its limit at the end of
 * one window and again at the start of the next, so up to twice the limit within one window's
 * length. For limits meant to stop floods and guessing, that is acceptable.
 */
public final class FixedWindowRateLimiter implements RateLimiter {
    private final RateCounters counters;
    private final Clock clock;

    public FixedWindowRateLimiter(RateCounters counters, Clock clock) {
        this.counters = Objects.requireNonNull(counters, "counters");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RateStatus hit(RatePolicy policy, String subject) {
        Instant now = clock.instant();
        FixedWindow window = policy.windowAt(now);
        int hits = counters.hit(CounterKey.of(policy.name(), subject), window);
        return new RateStatus(policy, hits, hits <= policy.limit(), window.remainingAt(now));
    }

    @Override
    public RateStatus peek(RatePolicy policy, String subject) {
        Instant now = clock.instant();
        FixedWindow window = policy.windowAt(now);
        int hits = counters.peek(CounterKey.of(policy.name(), subject), window);
        return new RateStatus(policy, hits, hits < policy.limit(), window.remainingAt(now));
    }
}
