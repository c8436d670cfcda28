package dev.stockroom.core.testing;

import dev.stockroom.core.account.domain.LoginThrottle;
import dev.stockroom.core.account.port.out.LoginAttempts;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link LoginAttempts} in memory; counting is atomic under the store's lock. */
public final class InMemoryLoginAttempts implements LoginAttempts, InMemoryTransactions.Participant {
    private final Guarded guard;
    private Map<String, Counter> counters = new HashMap<>();

    /** A store of its own, outside any transaction. */
    public InMemoryLoginAttempts() {
        this(null);
    }

    /** A store that {@code transactions} rolls back. */
    public InMemoryLoginAttempts(InMemoryTransactions transactions) {
        this.guard = new Guarded(transactions, this);
    }

    @Override
    public Optional<Instant> blockedUntil(String key, Instant now) {
        return guard.get(() -> Optional.ofNullable(counters.get(key))
                .map(Counter::blockedUntil)
                .filter(until -> until.isAfter(now)));
    }

    @Override
    public Failures claimAttempt(String key, Instant now, LoginThrottle throttle) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(throttle, "throttle");
        return guard.get(() -> {
            Counter old = counters.get(key);
            boolean fresh = old == null
                    || !old.windowStartedAt().isAfter(now.minus(throttle.window()))
                    || old.blockedUntil() != null && !old.blockedUntil().isAfter(now);
            int count = fresh ? 1 : old.failures() + 1;
            Instant blockedUntil = count >= throttle.maxFailures() ? now.plus(throttle.lockout()) : null;
            counters.put(key, new Counter(count, fresh ? now : old.windowStartedAt(), blockedUntil));
            return new Failures(count, Optional.ofNullable(blockedUntil));
        });
    }

    @Override
    public void clear(String key) {
        guard.run(() -> counters.remove(key));
    }

    @Override
    public int purgeStale(Instant now, LoginThrottle throttle) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(throttle, "throttle");
        return guard.get(() -> {
            int before = counters.size();
            counters.values().removeIf(c -> c.blockedUntil() == null
                    ? !c.windowStartedAt().isAfter(now.minus(throttle.window()))
                    : !c.blockedUntil().isAfter(now));
            return before - counters.size();
        });
    }

    @Override
    public Runnable snapshot() {
        return guard.get(() -> {
            Map<String, Counter> saved = new HashMap<>(counters);
            return () -> guard.run(() -> counters = saved);
        });
    }

    private record Counter(int failures, Instant windowStartedAt, Instant blockedUntil) {
    }
}
