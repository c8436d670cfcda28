package dev.stockroom.core.account.port.in;

import dev.stockroom.core.account.domain.AuthStatus;
import dev.stockroom.core.account.domain.Role;
import dev.stockroom.core.account.domain.SessionId;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.domain.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a successful sign-in hands to the edge: the session an access token must name, and (for
 * a verified login) a new opaque refresh token, shown once and stored only as a hash.
 * {@code tokenExpiresAt} is the latest an access token for this grant may live (the policy's
 * access-token lifetime, cut short by the session's own end).
 */
public record SessionGrant(UserId userId, SessionId sessionId, SessionKind kind, AuthStatus status, Role role,
        Optional<String> refreshToken, Instant tokenExpiresAt) {
    public SessionGrant {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(tokenExpiresAt, "tokenExpiresAt");
    }

    /** Never prints the refresh token. */
    @Override
    public String toString() {
        return "SessionGrant[userId=" + userId + ", sessionId=" + sessionId + ", kind=" + kind + ", status=" + status
                + "]";
    }
}
