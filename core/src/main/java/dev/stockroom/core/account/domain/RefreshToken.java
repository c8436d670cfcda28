package dev.stockroom.core.account.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored refresh token: only its SHA-256 {@code hash} (hex) is kept. {@code spentAt} is set
 * the moment it is exchanged; a second exchange of a spent token revokes its session.
 */
public record RefreshToken(String hash, SessionId sessionId, Instant issuedAt, Instant spentAt) {
    public RefreshToken {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    public boolean isSpent() {
        return spentAt != null;
    }
}
