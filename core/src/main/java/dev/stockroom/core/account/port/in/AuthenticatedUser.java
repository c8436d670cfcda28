package dev.stockroom.core.account.port.in;

import dev.stockroom.core.account.domain.AuthStatus;
import dev.stockroom.core.account.domain.Role;
import dev.stockroom.core.account.domain.SessionId;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.domain.Username;
import dev.stockroom.core.shared.LanguageTag;
import java.util.Objects;

/**
 * Who is calling, as confirmed against the session store by {@link Authentication#authenticate}:
 * the status, role and language are the stored ones, not what a token claimed.
 */
public record AuthenticatedUser(
        UserId userId,
        SessionId sessionId,
        SessionKind kind,
        Username username,
        AuthStatus status,
        Role role,
        LanguageTag locale) {
    public AuthenticatedUser {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(locale, "locale");
    }

    /** A caller writing English. */
    public AuthenticatedUser(
            UserId userId, SessionId sessionId, SessionKind kind, Username username, AuthStatus status, Role role) {
        this(userId, sessionId, kind, username, status, role, LanguageTag.ENGLISH);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
