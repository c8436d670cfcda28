package dev.stockroom.core.account.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One sign-in: the family of refresh tokens rotated from it and every access token that names it
 * ({@code sid}). Revoking the session ends them all. {@code expiresAt} is the absolute lifetime.
 */
public record Session(SessionId id, UserId userId, SessionKind kind, Instant createdAt, Instant expiresAt,
        Instant revokedAt) {

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("expiresAt must be after createdAt");
        }
    }

    public static Session open(UserId userId, SessionKind kind, Instant now, Instant expiresAt) {
        return new Session(SessionId.random(), userId, kind, now, expiresAt, null);
    }

    public boolean isActive(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
