package dev.stockroom.core.account.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's wish to move to {@code newEmail}, waiting for the {@link CodePurpose#CHANGE_EMAIL} code
 * mailed there. At most one per user: a new request replaces it. It changes nothing until the code
 * is verified, and is dead after {@code expiresAt} (the code's lifetime).
 */
public record EmailChangeRequest(UserId userId, EmailAddress newEmail, Instant requestedAt, Instant expiresAt) {
    public EmailChangeRequest {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(newEmail, "newEmail");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
