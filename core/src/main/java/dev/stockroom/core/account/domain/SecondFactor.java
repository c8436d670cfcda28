package dev.stockroom.core.account.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's TOTP factor as stored: pending from set-up until a first code confirms it, enabled
 * from then on. {@code lastUsedStep} is the latest time step whose code was accepted (0 while none
 * was), so that no code is accepted twice, even inside its window.
 */
public record SecondFactor(
        UserId user, TotpSecret secret, Instant createdAt, Optional<Instant> enabledAt, long lastUsedStep) {
    public SecondFactor {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(enabledAt, "enabledAt");
        if (lastUsedStep < 0) {
            throw new IllegalArgumentException("lastUsedStep must not be negative");
        }
    }

    /** Set up, not yet confirmed. */
    public static SecondFactor pending(UserId user, TotpSecret secret, Instant now) {
        return new SecondFactor(user, secret, now, Optional.empty(), 0);
    }

    public boolean isEnabled() {
        return enabledAt.isPresent();
    }
}
