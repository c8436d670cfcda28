package dev.stockroom.core.testing;

import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.notification.domain.OutboxMessage;
import dev.stockroom.core.notification.domain.OutboxStats;
import dev.stockroom.core.notification.port.out.Outbox;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link Outbox} in memory. Sent messages are dropped, failed ones kept; {@link #pending()} lets
 * a test read what a use case enqueued (the code of a verification mail, for one).
 */
public final class InMemoryOutbox implements Outbox, InMemoryTransactions.Participant {
    private final Guarded guard;
    private Map<UUID, Entry> entries = new LinkedHashMap<>();

    /** A store of its own, outside any transaction. */
    public InMemoryOutbox() {
        this(null);
    }

    /** A store that {@code transactions} rolls back. */
    public InMemoryOutbox(InMemoryTransactions transactions) {
        this.guard = new Guarded(transactions, this);
    }

    @Override
    public void enqueue(Notification notification, Instant now) {
        Objects.requireNonNull(notification, "notification");
        Objects.requireNonNull(now, "now");
        OutboxMessage message = new OutboxMessage(UUID.randomUUID(), notification, now, 0, now, null);
        guard.run(() -> entries.put(message.id(), new Entry(message, false, null, null)));
    }

    @Override
    public List<OutboxMessage> claimDue(Instant now, int limit, Instant leaseUntil, UUID claimer) {
        return guard.get(() -> {
            List<Entry> due = entries.values().stream()
                    .filter(e -> !e.failed() && !e.message().nextAttemptAt().isAfter(now))
                    .filter(e -> e.leasedUntil() == null || !e.leasedUntil().isAfter(now))
                    .sorted(Comparator.comparing((Entry e) -> e.message().nextAttemptAt())
                            .thenComparing(e -> e.message().createdAt()))
                    .limit(limit)
                    .toList();
            due.forEach(e -> entries.put(e.message().id(), new Entry(e.message(), false, leaseUntil, claimer)));
            return due.stream().map(Entry::message).toList();
        });
    }

    @Override
    public boolean renew(UUID id, UUID claimer, Instant now, Instant leaseUntil) {
        return guard.get(() -> {
            Entry e = entries.get(id);
            if (!heldBy(e, claimer) || !e.leasedUntil().isAfter(now)) {
                return false;
            }
            entries.put(id, new Entry(e.message(), false, leaseUntil, claimer));
            return true;
        });
    }

    @Override
    public boolean markSent(UUID id, UUID claimer, Instant now) {
        return guard.get(() -> heldBy(entries.get(id), claimer) && entries.remove(id) != null);
    }

    @Override
    public boolean markRetry(UUID id, UUID claimer, int attempts, String error, Instant nextAttemptAt) {
        return guard.get(() -> {
            Entry e = entries.get(id);
            if (!heldBy(e, claimer)) {
                return false;
            }
            entries.put(id, new Entry(withAttempt(e.message(), attempts, error, nextAttemptAt), false, null, null));
            return true;
        });
    }

    @Override
    public boolean markFailed(UUID id, UUID claimer, int attempts, String error, Instant now) {
        return guard.get(() -> {
            Entry e = entries.get(id);
            if (!heldBy(e, claimer)) {
                return false;
            }
            entries.put(
                    id,
                    new Entry(
                            withAttempt(
                                    e.message(), attempts, error, e.message().nextAttemptAt()),
                            true,
                            null,
                            null));
            return true;
        });
    }

    @Override
    public boolean release(UUID id, UUID claimer, Instant dueAt) {
        return guard.get(() -> {
            Entry e = entries.get(id);
            if (!heldBy(e, claimer)) {
                return false;
            }
            OutboxMessage m = e.message();
            entries.put(
                    id,
                    new Entry(
                            new OutboxMessage(
                                    m.id(), m.notification(), m.createdAt(), m.attempts(), dueAt, m.lastError()),
                            false,
                            null,
                            null));
            return true;
        });
    }

    private static boolean heldBy(Entry e, UUID claimer) {
        return e != null && !e.failed() && claimer.equals(e.claimer());
    }

    @Override
    public OutboxStats stats() {
        return guard.get(() -> {
            List<OutboxMessage> pending = select(false);
            Optional<Instant> oldest =
                    pending.stream().map(OutboxMessage::createdAt).min(Comparator.naturalOrder());
            return new OutboxStats(pending.size(), select(true).size(), oldest);
        });
    }

    /** Messages waiting to be sent (claimed or not), oldest first. */
    public List<OutboxMessage> pending() {
        return guard.get(() -> select(false));
    }

    /** Messages the relay gave up on. */
    public List<OutboxMessage> failed() {
        return guard.get(() -> select(true));
    }

    private List<OutboxMessage> select(boolean failed) {
        return entries.values().stream()
                .filter(e -> e.failed() == failed)
                .map(Entry::message)
                .toList();
    }

    private static OutboxMessage withAttempt(OutboxMessage m, int attempts, String error, Instant nextAttemptAt) {
        return new OutboxMessage(m.id(), m.notification(), m.createdAt(), attempts, nextAttemptAt, error);
    }

    @Override
    public Runnable snapshot() {
        return guard.get(() -> {
            Map<UUID, Entry> saved = new LinkedHashMap<>(entries);
            return () -> guard.run(() -> entries = saved);
        });
    }

    private record Entry(OutboxMessage message, boolean failed, Instant leasedUntil, UUID claimer) {}
}
