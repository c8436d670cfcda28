package dev.stockroom.core.account.port.out;

import dev.stockroom.core.account.domain.RefreshToken;
import dev.stockroom.core.account.domain.Session;
import dev.stockroom.core.account.domain.SessionId;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

public interface SessionRepository {

    void add(Session session);

    Optional<Session> findById(SessionId id);

    /**
     * The session with the user it belongs to: the check behind every authenticated request. This
     * default looks up each in its own store; an adapter that keeps both in one database (and is
     * given that database's {@code users}) answers in one round trip.
     *
     * @param users the store of the session's user
     */
    default Optional<SessionOwner> findWithOwner(SessionId id, UserRepository users) {
        return findById(id)
                .flatMap(session -> users.findById(session.userId()).map(user -> new SessionOwner(session, user)));
    }

    /** The user's sessions of {@code kind} that are live at {@code now}, newest first. */
    List<Session> findActiveOf(UserId userId, SessionKind kind, Instant now);

    /** Moves the session's last use to {@code at} (never back). */
    void touch(SessionId id, Instant at);

    /** Revokes one session (no-op when already revoked); true when this call revoked it. */
    boolean revoke(SessionId id, Instant now);

    /** Revokes every session of the user; returns how many this call revoked. */
    int revokeAllOf(UserId userId, Instant now);

    void addRefreshToken(RefreshToken token);

    Optional<RefreshToken> findRefreshToken(String hash);

    /**
     * Marks an unspent token spent, as one conditional update: of several concurrent calls with
     * the same hash exactly one returns true.
     */
    boolean spendRefreshToken(String hash, Instant now);

    /**
     * Deletes the refresh tokens spent at or before {@code cutoff}, in live sessions too; an
     * unspent token is never touched by this. Safe to run concurrently with itself and with
     * spending.
     *
     * @return how many tokens this call deleted
     */
    int purgeSpentRefreshTokens(Instant cutoff);

    /**
     * Deletes the sessions that ended at or before {@code cutoff} (revoked then, or expiring then),
     * together with every refresh token they still hold. Safe to run concurrently with itself.
     *
     * @return how many sessions this call deleted
     */
    int purgeEndedSessions(Instant cutoff);

    /** A session and the user it belongs to. */
    record SessionOwner(Session session, User user) {
        public SessionOwner {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(user, "user");
            if (!session.userId().equals(user.id())) {
                throw new IllegalArgumentException("the session belongs to another user");
            }
        }
    }
}
