package dev.stockroom.core.account.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One sign-in: the family of refresh tokens rotated from it and every access token that names it
 * ({@code sid}). Revoking the session ends them all. {@code expiresAt} is the absolute lifetime.
 * {@code origin} is where it was opened from; {@code lastUsedAt} moves at each refresh (access
 * tokens are checked on every request, but writing there on every request would cost a write per
 * read; an access token lives minutes, so the refresh is a close enough measure).
 */
public record Session(
        SessionId id,
        UserId userId,
        SessionKind kind,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        Origin origin,
        Instant lastUsedAt) {

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("expiresAt must be after createdAt");
        }
    }

    /** A session with no known origin, last used when it was opened. */
    public Session(
            SessionId id, UserId userId, SessionKind kind, Instant createdAt, Instant expiresAt, Instant revokedAt) {
        this(id, userId, kind, createdAt, expiresAt, revokedAt, Origin.UNKNOWN, createdAt);
    }

    public static Session open(UserId userId, SessionKind kind, Instant now, Instant expiresAt) {
        return open(userId, kind, now, expiresAt, Origin.UNKNOWN);
    }

    public static Session open(UserId userId, SessionKind kind, Instant now, Instant expiresAt, Origin origin) {
        return new Session(SessionId.random(), userId, kind, now, expiresAt, null, origin, now);
    }

    public boolean isActive(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
