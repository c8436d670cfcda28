package dev.stockroom.core.account.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A six-digit code sent by mail, bound to one user and one purpose. Only {@code codeHash} is
 * stored. {@code attempts} counts every try (right or wrong); a code accepts at most the policy's
 * number of tries, is single use ({@code usedAt}) and expires at {@code expiresAt}.
 */
public record OneTimeCode(
        UUID id,
        UserId userId,
        CodePurpose purpose,
        String codeHash,
        Instant createdAt,
        Instant expiresAt,
        int attempts,
        Instant usedAt) {

    public OneTimeCode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(purpose, "purpose");
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

    public boolean isUsed() {
        return usedAt != null;
    }
}
