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
 * access-token lifetime, cut short by the session's own end). A login also hands out a new
 * {@code deviceToken} for the client to send with its next login (see {@code TrustedDevices}).
 */
public record SessionGrant(
        UserId userId,
        SessionId sessionId,
        SessionKind kind,
        AuthStatus status,
        Role role,
        Optional<String> refreshToken,
        Instant tokenExpiresAt,
        Optional<String> deviceToken) {
    public SessionGrant {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(tokenExpiresAt, "tokenExpiresAt");
        Objects.requireNonNull(deviceToken, "deviceToken");
    }

    /** A grant without a device token. */
    public SessionGrant(
            UserId userId,
            SessionId sessionId,
            SessionKind kind,
            AuthStatus status,
            Role role,
            Optional<String> refreshToken,
            Instant tokenExpiresAt) {
        this(userId, sessionId, kind, status, role, refreshToken, tokenExpiresAt, Optional.empty());
    }

    public SessionGrant withDeviceToken(String token) {
        return new SessionGrant(
                userId, sessionId, kind, status, role, refreshToken, tokenExpiresAt, Optional.of(token));
    }

    /** Never prints the refresh or device token. */
    @Override
    public String toString() {
        return "SessionGrant[userId=" + userId + ", sessionId=" + sessionId + ", kind=" + kind + ", status=" + status
                + "]";
    }
}
