package dev.stockroom.bootstrap.e2e;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Real time, shifted forward on demand: the running service keeps ticking (so the mail relay's
 * backoff elapses as in production), and a test can still jump past a code's expiry.
 */
final class ShiftableClock extends Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    void advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
    }

    @Override
    public Instant instant() {
        // Microseconds, as the databases store them.
        return Instant.now().plus(offset.get()).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Stockroom works in UTC");
    }
}
