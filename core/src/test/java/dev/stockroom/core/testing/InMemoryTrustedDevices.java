package dev.stockroom.core.testing;

import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.port.out.TrustedDevices;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link TrustedDevices} in memory. */
public final class InMemoryTrustedDevices implements TrustedDevices, InMemoryTransactions.Participant {
    private final Guarded guard;
    private Map<String, Device> devices = new HashMap<>();

    /** A store of its own, outside any transaction. */
    public InMemoryTrustedDevices() {
        this(null);
    }

    /** A store that {@code transactions} rolls back. */
    public InMemoryTrustedDevices(InMemoryTransactions transactions) {
        this.guard = new Guarded(transactions, this);
    }

    @Override
    public void add(String hash, UserId user, Instant now) {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(now, "now");
        guard.run(() -> {
            if (devices.putIfAbsent(hash, new Device(user, now)) != null) {
                throw new IllegalStateException("device token already stored");
            }
        });
    }

    @Override
    public Optional<UserId> ownerOf(String hash, Instant usedSince) {
        return guard.get(() -> Optional.ofNullable(devices.get(hash))
                .filter(d -> !d.lastUsedAt().isBefore(usedSince))
                .map(Device::user));
    }

    @Override
    public boolean remove(String hash) {
        return guard.get(() -> devices.remove(hash) != null);
    }

    @Override
    public List<String> hashesOf(UserId user) {
        return guard.get(() -> devices.entrySet().stream()
                .filter(e -> e.getValue().user().equals(user))
                .map(Map.Entry::getKey)
                .sorted()
                .toList());
    }

    @Override
    public int keepNewest(UserId user, int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative");
        }
        return guard.get(() -> {
            List<String> older = devices.entrySet().stream()
                    .filter(e -> e.getValue().user().equals(user))
                    .sorted(java.util.Comparator.<Map.Entry<String, Device>, Instant>comparing(
                                    e -> e.getValue().lastUsedAt())
                            .thenComparing(Map.Entry::getKey)
                            .reversed())
                    .skip(max)
                    .map(Map.Entry::getKey)
                    .toList();
            older.forEach(devices::remove);
            return older.size();
        });
    }

    @Override
    public int removeAllOf(UserId user) {
        return guard.get(() -> {
            int before = devices.size();
            devices.values().removeIf(d -> d.user().equals(user));
            return before - devices.size();
        });
    }

    @Override
    public int purgeUnusedSince(Instant cutoff) {
        return guard.get(() -> {
            int before = devices.size();
            devices.values().removeIf(d -> d.lastUsedAt().isBefore(cutoff));
            return before - devices.size();
        });
    }

    @Override
    public Runnable snapshot() {
        return guard.get(() -> {
            Map<String, Device> saved = new HashMap<>(devices);
            return () -> guard.run(() -> devices = saved);
        });
    }

    private record Device(UserId user, Instant lastUsedAt) {}
}
