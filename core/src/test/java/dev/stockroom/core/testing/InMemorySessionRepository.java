package dev.stockroom.core.testing;

import dev.stockroom.core.account.domain.RefreshToken;
import dev.stockroom.core.account.domain.Session;
import dev.stockroom.core.account.domain.SessionId;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.port.out.SessionRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** {@link SessionRepository} in memory; revocation and spending are atomic under the store's lock. */
public final class InMemorySessionRepository implements SessionRepository, InMemoryTransactions.Participant {
    private final Guarded guard;
    private Map<SessionId, Session> sessions = new HashMap<>();
    private Map<String, RefreshToken> tokens = new HashMap<>();

    /** A store of its own, outside any transaction. */
    public InMemorySessionRepository() {
        this(null);
    }

    /** A store that {@code transactions} rolls back. */
    public InMemorySessionRepository(InMemoryTransactions transactions) {
        this.guard = new Guarded(transactions, this);
    }

    @Override
    public void add(Session session) {
        Objects.requireNonNull(session, "session");
        guard.run(() -> {
            if (sessions.putIfAbsent(session.id(), session) != null) {
                throw new IllegalStateException("session " + session.id() + " already stored");
            }
        });
    }

    @Override
    public Optional<Session> findById(SessionId id) {
        return guard.get(() -> Optional.ofNullable(sessions.get(id)));
    }

    @Override
    public boolean revoke(SessionId id, Instant now) {
        return guard.get(() -> {
            Session s = sessions.get(id);
            if (s == null || s.revokedAt() != null) {
                return false;
            }
            sessions.put(id, revoked(s, now));
            return true;
        });
    }

    @Override
    public int revokeAllOf(UserId userId, Instant now) {
        return guard.get(() -> {
            List<Session> live = sessions.values().stream()
                    .filter(s -> s.userId().equals(userId) && s.revokedAt() == null)
                    .toList();
            live.forEach(s -> sessions.put(s.id(), revoked(s, now)));
            return live.size();
        });
    }

    @Override
    public void addRefreshToken(RefreshToken token) {
        Objects.requireNonNull(token, "token");
        guard.run(() -> {
            if (tokens.putIfAbsent(token.hash(), token) != null) {
                throw new IllegalStateException("refresh token already stored");
            }
        });
    }

    @Override
    public Optional<RefreshToken> findRefreshToken(String hash) {
        return guard.get(() -> Optional.ofNullable(tokens.get(hash)));
    }

    @Override
    public boolean spendRefreshToken(String hash, Instant now) {
        return guard.get(() -> {
            RefreshToken t = tokens.get(hash);
            if (t == null || t.isSpent()) {
                return false;
            }
            tokens.put(hash, new RefreshToken(t.hash(), t.sessionId(), t.issuedAt(), now));
            return true;
        });
    }

    @Override
    public int purgeSpentRefreshTokens(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return guard.get(() -> removeTokensIf(t -> t.isSpent() && !t.spentAt().isAfter(cutoff)));
    }

    @Override
    public int purgeEndedSessions(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return guard.get(() -> {
            Set<SessionId> ended = sessions.values().stream()
                    .filter(s -> !s.expiresAt().isAfter(cutoff)
                            || (s.revokedAt() != null && !s.revokedAt().isAfter(cutoff)))
                    .map(Session::id)
                    .collect(Collectors.toSet());
            removeTokensIf(t -> ended.contains(t.sessionId()));
            sessions.keySet().removeAll(ended);
            return ended.size();
        });
    }

    private int removeTokensIf(Predicate<RefreshToken> gone) {
        int before = tokens.size();
        tokens.values().removeIf(gone);
        return before - tokens.size();
    }

    @Override
    public List<Session> findActiveOf(UserId userId, SessionKind kind, Instant now) {
        return guard.get(() -> sessions.values().stream()
                .filter(s -> s.userId().equals(userId) && s.kind() == kind && s.isActive(now))
                .sorted(Comparator.comparing(Session::createdAt)
                        .reversed()
                        .thenComparing(s -> s.id().value().toString()))
                .toList());
    }

    @Override
    public void touch(SessionId id, Instant at) {
        guard.run(() -> {
            Session s = sessions.get(id);
            if (s != null && at.isAfter(s.lastUsedAt())) {
                sessions.put(
                        id,
                        new Session(
                                s.id(),
                                s.userId(),
                                s.kind(),
                                s.createdAt(),
                                s.expiresAt(),
                                s.revokedAt(),
                                s.origin(),
                                at));
            }
        });
    }

    private static Session revoked(Session s, Instant now) {
        return new Session(s.id(), s.userId(), s.kind(), s.createdAt(), s.expiresAt(), now, s.origin(), s.lastUsedAt());
    }

    @Override
    public Runnable snapshot() {
        return guard.get(() -> {
            Map<SessionId, Session> savedSessions = new HashMap<>(sessions);
            Map<String, RefreshToken> savedTokens = new HashMap<>(tokens);
            return () -> guard.run(() -> {
                sessions = savedSessions;
                tokens = savedTokens;
            });
        });
    }
}
