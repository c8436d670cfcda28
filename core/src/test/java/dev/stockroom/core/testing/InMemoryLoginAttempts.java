package dev.stockroom.core.testing;

import dev.stockroom.core.account.domain.LoginThrottle;
import dev.stockroom.core.account.port.out.LoginAttempts;
import java.time.Instant;
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
            Counter c = counters.getOrDefault(key, new Counter(0, now, null, 0, null));
            if (c.blockedUntil() != null && c.blockedUntil().isAfter(now)) {
                return Claim.blocked(c.blockedUntil());
            }
            Counter current = c.stale(now, throttle) ? c.forgetFailures(now) : c;
            int inFlight = current.inFlight(now);
            if (current.failures() + inFlight >= throttle.maxFailures()) {
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
            Counter c = counters.getOrDefault(key, new Counter(0, now, null, 0, null));
            Counter current = c.stale(now, throttle) ? c.forgetFailures(now) : c;
            int count = current.failures() + 1;
            Instant windowStart = current.failures() == 0 ? now : current.windowStartedAt();
            Instant blockedUntil = count >= throttle.maxFailures() ? now.plus(throttle.lockout()) : null;
            counters.put(key, new Counter(count, windowStart, blockedUntil, current.released(), current.inFlightUntil()));
            return new Failures(count, Optional.ofNullable(blockedUntil));
        });
    }

    @Override
    public void succeeded(String key, Instant now) {
        guard.run(() -> {
            Counter c = counters.get(key);
            if (c != null) {
                counters.put(key, new Counter(0, now, null, c.released(), c.inFlightUntil()));
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
    public int purgeStale(Instant now, LoginThrottle throttle) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(throttle, "throttle");
        return guard.get(() -> {
            int before = counters.size();
            counters.values().removeIf(c -> c.inFlight(now) == 0 && (c.blockedUntil() == null
                    ? !c.windowStartedAt().isAfter(now.minus(throttle.window()))
                    : !c.blockedUntil().isAfter(now)));
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

    /**
     * Failures since {@code windowStartedAt} (with none, when the count was last reset), and checks
     * in flight until {@code inFlightUntil}.
     */
    private record Counter(int failures, Instant windowStartedAt, Instant blockedUntil, int inFlight,
            Instant inFlightUntil) {

        /** The failures no longer count: the window of the first has passed, or the lockout has ended. */
        boolean stale(Instant now, LoginThrottle throttle) {
            return !windowStartedAt.isAfter(now.minus(throttle.window()))
                    || blockedUntil != null && !blockedUntil.isAfter(now);
        }

        Counter forgetFailures(Instant now) {
            return new Counter(0, now, null, inFlight, inFlightUntil);
        }

        /** Checks in flight at {@code now}: none once the lease of the latest has run out. */
        int inFlight(Instant now) {
            return inFlightUntil == null || !inFlightUntil.isAfter(now) ? 0 : inFlight;
        }

        int released() {
            return Math.max(inFlight - 1, 0);
        }

        Counter withInFlight(int count, Instant until) {
            return new Counter(failures, windowStartedAt, blockedUntil, count, until);
        }
    }
}
