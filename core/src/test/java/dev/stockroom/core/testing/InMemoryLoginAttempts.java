package dev.stockroom.core.testing;

import dev.stockroom.core.account.domain.LoginThrottle;
import dev.stockroom.core.account.port.out.LoginAttempts;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link LoginAttempts} in memory; every step is atomic under the store's lock. */
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
    public Claim claim(String key, Instant now, LoginThrottle throttle) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(throttle, "throttle");
        return guard.get(() -> {
            Counter c = counters.getOrDefault(key, Counter.NONE);
            if (c.blockedUntil() != null && c.blockedUntil().isAfter(now)) {
                return Claim.blocked(c.blockedUntil());
            }
            Counter current = c.forgotten(now, throttle) ? c.forgetFailures() : c;
            int inFlight = current.inFlight(now);
            if (inFlight >= throttle.places(current.failures())) {
                return Claim.busy();
            }
            counters.put(key, current.withInFlight(inFlight + 1, now.plus(CHECK_LEASE)));
            return Claim.granted();
        });
    }

    @Override
    public Failures failed(String key, Instant now, LoginThrottle throttle) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(throttle, "throttle");
        return guard.get(() -> {
            Counter c = counters.getOrDefault(key, Counter.NONE);
            Counter current = c.forgotten(now, throttle) ? c.forgetFailures() : c;
            int count = current.failures() + 1;
            Instant blockedUntil = throttle.delayAfter(count).map(now::plus).orElse(null);
            counters.put(key, new Counter(count, now, blockedUntil, current.released(), current.inFlightUntil()));
            return new Failures(count, Optional.ofNullable(blockedUntil));
        });
    }

    @Override
    public void succeeded(String key, Instant now) {
        guard.run(() -> {
            Counter c = counters.get(key);
            if (c != null) {
                counters.put(key, new Counter(0, null, null, c.released(), c.inFlightUntil()));
            }
        });
    }

    @Override
    public void abandoned(String key, Instant now) {
        guard.run(() -> {
            Counter c = counters.get(key);
            if (c != null) {
                counters.put(key, c.withInFlight(c.released(), c.inFlightUntil()));
            }
        });
    }

    @Override
    public void forget(Collection<String> keys) {
        guard.run(() -> keys.forEach(key -> counters.computeIfPresent(key, (k, c) -> c.forgetFailures())));
    }

    @Override
    public int purgeStale(Instant now, LoginThrottle throttle) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(throttle, "throttle");
        return guard.get(() -> {
            int before = counters.size();
            counters.values()
                    .removeIf(c -> c.inFlight(now) == 0
                            && (c.blockedUntil() == null || !c.blockedUntil().isAfter(now))
                            && (c.failures() == 0 || c.forgotten(now, throttle)));
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

    /** Failures in a row, the last at {@code lastFailureAt}, and checks in flight until {@code inFlightUntil}. */
    private record Counter(
            int failures, Instant lastFailureAt, Instant blockedUntil, int inFlight, Instant inFlightUntil) {
        static final Counter NONE = new Counter(0, null, null, 0, null);

        /** The failures no longer count: the last was longer ago than the throttle remembers. */
        boolean forgotten(Instant now, LoginThrottle throttle) {
            return lastFailureAt != null && !lastFailureAt.isAfter(now.minus(throttle.memory()));
        }

        Counter forgetFailures() {
            return new Counter(0, null, null, inFlight, inFlightUntil);
        }

        /** Checks in flight at {@code now}: none once the lease of the latest has run out. */
        int inFlight(Instant now) {
            return inFlightUntil == null || !inFlightUntil.isAfter(now) ? 0 : inFlight;
        }

        int released() {
            return Math.max(inFlight - 1, 0);
        }

        Counter withInFlight(int count, Instant until) {
            return new Counter(failures, lastFailureAt, blockedUntil, count, until);
        }
    }
}
