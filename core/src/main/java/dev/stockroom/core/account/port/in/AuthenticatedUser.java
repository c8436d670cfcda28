package dev.stockroom.core.account.port.in;

import dev.stockroom.core.account.domain.AuthStatus;
import dev.stockroom.core.account.domain.Role;
import dev.stockroom.core.account.domain.SessionId;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.domain.Username;
import java.util.Objects;

/**
 * Who is calling, as confirmed against the session store by {@link Authentication#authenticate}:
 * the status and role are the stored ones, not what a token claimed.
 */
public record AuthenticatedUser(
        UserId userId, SessionId sessionId, SessionKind kind, Username username, AuthStatus status, Role role) {
    public AuthenticatedUser {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(role, "role");
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
