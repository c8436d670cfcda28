package dev.stockroom.core.notification.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * What the health check shows of the outbox: messages waiting, messages given up on, and when the
 * oldest waiting one was enqueued.
 */
public record OutboxStats(long pending, long failed, Optional<Instant> oldestPendingSince) {}
