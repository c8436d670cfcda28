package dev.stockroom.core.notification.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A notification waiting in the outbox. {@code attempts} counts failed sends so far;
 * {@code lastError} is the last failure's message (no secrets: the sender's error text only).
 */
public record OutboxMessage(
        UUID id, Notification notification, Instant createdAt, int attempts, Instant nextAttemptAt, String lastError) {
    public OutboxMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(notification, "notification");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    }
}
