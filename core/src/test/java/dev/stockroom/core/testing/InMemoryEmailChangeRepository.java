package dev.stockroom.core.testing;

import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.account.domain.EmailChangeRequest;
import dev.stockroom.core.account.domain.EmailChangeUndo;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.port.out.EmailChangeRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** {@link EmailChangeRepository} in memory. */
public final class InMemoryEmailChangeRepository implements EmailChangeRepository, InMemoryTransactions.Participant {
    private final Guarded guard;
    private Map<UserId, EmailChangeRequest> requests = new HashMap<>();
    private Map<UUID, EmailChangeUndo> undos = new HashMap<>();

    /** A store of its own, outside any transaction. */
    public InMemoryEmailChangeRepository() {
        this(null);
    }

    /** A store that {@code transactions} rolls back. */
    public InMemoryEmailChangeRepository(InMemoryTransactions transactions) {
        this.guard = new Guarded(transactions, this);
    }

    @Override
    public void replaceRequest(EmailChangeRequest request) {
        Objects.requireNonNull(request, "request");
        guard.run(() -> requests.put(request.userId(), request));
    }

    @Override
    public Optional<EmailChangeRequest> findRequest(UserId userId) {
        return guard.get(() -> Optional.ofNullable(requests.get(userId)));
    }

    @Override
    public boolean removeRequest(UserId userId) {
        return guard.get(() -> requests.remove(userId) != null);
    }

    @Override
    public void addUndo(EmailChangeUndo undo) {
        Objects.requireNonNull(undo, "undo");
        guard.run(() -> {
            if (undos.containsKey(undo.id())) {
                throw new IllegalStateException("undo " + undo.id() + " already stored");
            }
            undos.put(undo.id(), undo);
        });
    }

    @Override
    public List<EmailChangeUndo> findUndosTo(EmailAddress oldEmail) {
        return guard.get(() -> undos.values().stream()
                .filter(u -> u.oldEmail().key().equals(oldEmail.key()))
                .sorted(Comparator.comparing(EmailChangeUndo::createdAt)
                        .reversed()
                        .thenComparing(u -> u.id().toString()))
                .toList());
    }

    @Override
    public boolean claimUndoAttempt(UUID undoId, int maxAttempts) {
        return guard.get(() -> {
            EmailChangeUndo u = undos.get(undoId);
            if (u == null || u.attempts() >= maxAttempts) {
                return false;
            }
            undos.put(
                    undoId,
                    new EmailChangeUndo(
                            u.id(),
                            u.userId(),
                            u.oldEmail(),
                            u.newEmail(),
                            u.codeHash(),
                            u.createdAt(),
                            u.expiresAt(),
                            u.attempts() + 1));
            return true;
        });
    }

    @Override
    public int removeUndosOf(UserId userId) {
        return guard.get(() -> {
            int before = undos.size();
            undos.values().removeIf(u -> u.userId().equals(userId));
            return before - undos.size();
        });
    }

    @Override
    public int purgeExpiredBefore(Instant cutoff) {
        return guard.get(() -> {
            int before = requests.size() + undos.size();
            requests.values().removeIf(r -> !r.expiresAt().isAfter(cutoff));
            undos.values().removeIf(u -> !u.expiresAt().isAfter(cutoff));
            return before - requests.size() - undos.size();
        });
    }

    @Override
    public Runnable snapshot() {
        return guard.get(() -> {
            Map<UserId, EmailChangeRequest> savedRequests = new HashMap<>(requests);
            Map<UUID, EmailChangeUndo> savedUndos = new HashMap<>(undos);
            return () -> guard.run(() -> {
                requests = savedRequests;
                undos = savedUndos;
            });
        });
    }
}
