package dev.stockroom.core.testing;

import dev.stockroom.core.throttling.domain.CounterKey;
import dev.stockroom.core.throttling.domain.FixedWindow;
import dev.stockroom.core.throttling.port.out.RateCounters;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** {@link RateCounters} in memory; every step is atomic under the store's lock. */
public final class InMemoryRateCounters implements RateCounters, InMemoryTransactions.Participant {
    private final Guarded guard;
    private Map<Slot, Count> counts = new HashMap<>();

    /** A store of its own, outside any transaction. */
    public InMemoryRateCounters() {
        this(null);
    }

    /** A store that {@code transactions} rolls back. */
    public InMemoryRateCounters(InMemoryTransactions transactions) {
        this.guard = new Guarded(transactions, this);
    }

    @Override
    public int hit(CounterKey key, FixedWindow window) {
        Slot slot = new Slot(Objects.requireNonNull(key, "key"), window.start());
        return guard.get(() -> counts.merge(
                        slot, new Count(1, window.end()), (old, one) -> new Count(old.hits() + 1, old.end()))
                .hits());
    }

    @Override
    public int peek(CounterKey key, FixedWindow window) {
        Slot slot = new Slot(Objects.requireNonNull(key, "key"), window.start());
        return guard.get(() -> {
            Count count = counts.get(slot);
            return count == null ? 0 : count.hits();
        });
    }

    @Override
    public int purgeEndedBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return guard.get(() -> {
            int before = counts.size();
            counts.values().removeIf(count -> !count.end().isAfter(cutoff));
            return before - counts.size();
        });
    }

    /** How many counts the store holds, for tests of housekeeping. */
    public int size() {
        return guard.get(counts::size);
    }

    @Override
    public Runnable snapshot() {
        return guard.get(() -> {
            Map<Slot, Count> saved = new HashMap<>(counts);
            return () -> guard.run(() -> counts = saved);
        });
    }

    private record Slot(CounterKey key, Instant windowStart) {}

    private record Count(int hits, Instant end) {}
}
