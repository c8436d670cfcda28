package dev.stockroom.core.testing;

import dev.stockroom.core.account.domain.AuditEvent;
import dev.stockroom.core.account.domain.AuditQuery;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.port.out.AuditLog;
import dev.stockroom.core.shared.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** {@link AuditLog} in memory. */
public final class InMemoryAuditLog implements AuditLog, InMemoryTransactions.Participant {
    private static final Comparator<AuditEvent> NEWEST_FIRST =
            Comparator.comparing(AuditEvent::at).reversed().thenComparing(e -> e.id().toString());

    private final Guarded guard;
    private List<AuditEvent> events = new ArrayList<>();

    /** A store of its own, outside any transaction. */
    public InMemoryAuditLog() {
        this(null);
    }

    /** A store that {@code transactions} rolls back. */
    public InMemoryAuditLog(InMemoryTransactions transactions) {
        this.guard = new Guarded(transactions, this);
    }

    @Override
    public void append(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        guard.run(() -> events.add(event));
    }

    @Override
    public Page<AuditEvent> find(AuditQuery query) {
        return guard.get(() -> {
            List<AuditEvent> matching = events.stream()
                    .filter(e -> query.user()
                            .map(u -> e.userId().equals(java.util.Optional.of(u)))
                            .orElse(true))
                    .filter(e -> query.kind().map(k -> e.kind() == k).orElse(true))
                    .filter(e -> query.since().map(t -> !e.at().isBefore(t)).orElse(true))
                    .filter(e -> query.until().map(e.at()::isBefore).orElse(true))
                    .sorted(NEWEST_FIRST)
                    .toList();
            return query.page()
                    .of(
                            matching.stream()
                                    .skip(query.page().offset())
                                    .limit(query.page().pageSize())
                                    .toList(),
                            matching.size());
        });
    }

    @Override
    public int forgetPersonalDataOf(UserId user) {
        return guard.get(() -> {
            int changed = 0;
            for (int i = 0; i < events.size(); i++) {
                AuditEvent e = events.get(i);
                if (e.userId().filter(user::equals).isPresent()) {
                    events.set(
                            i,
                            new AuditEvent(
                                    e.id(),
                                    e.at(),
                                    e.kind(),
                                    e.userId(),
                                    java.util.Optional.empty(),
                                    e.actor(),
                                    dev.stockroom.core.account.domain.Origin.UNKNOWN,
                                    e.sessionId(),
                                    e.detail()));
                    changed++;
                }
            }
            return changed;
        });
    }

    @Override
    public List<AuditEvent> latestOf(UserId user, int limit) {
        return guard.get(() -> events.stream()
                .filter(e -> e.userId().filter(user::equals).isPresent())
                .sorted(NEWEST_FIRST)
                .limit(limit)
                .toList());
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        return guard.get(() -> {
            int before = events.size();
            events.removeIf(e -> e.at().isBefore(cutoff));
            return before - events.size();
        });
    }

    /** Every event, oldest first, for tests. */
    public List<AuditEvent> all() {
        return guard.get(() -> List.copyOf(events));
    }

    @Override
    public Runnable snapshot() {
        return guard.get(() -> {
            List<AuditEvent> saved = new ArrayList<>(events);
            return () -> guard.run(() -> events = saved);
        });
    }
}
