package dev.stockroom.core.account.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The way back from an email change, mailed to the address being left: whoever reads that address
 * can, until {@code expiresAt}, cancel the change (or revert it, once made) with the code whose
 * hash this holds. Kept apart from {@link OneTimeCode}s because one user may hold several (each
 * change mails its own to the address it leaves, and a later change must not cancel the way back
 * from an earlier one). {@code attempts} counts every try, as for a code.
 */
public record EmailChangeUndo(
        UUID id,
        UserId userId,
        EmailAddress oldEmail,
        EmailAddress newEmail,
        String codeHash,
        Instant createdAt,
        Instant expiresAt,
        int attempts) {

    public EmailChangeUndo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(oldEmail, "oldEmail");
        Objects.requireNonNull(newEmail, "newEmail");
        Objects.requireNonNull(codeHash, "codeHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be >= 0");
        }
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Never prints the code's hash. */
    @Override
    public String toString() {
        return "EmailChangeUndo[id=" + id + ", userId=" + userId + "]";
    }
}
