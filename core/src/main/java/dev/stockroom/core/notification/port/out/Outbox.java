package dev.stockroom.core.notification.port.out;

import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.notification.domain.NotificationKind;
import dev.stockroom.core.notification.domain.OutboxMessage;
import dev.stockroom.core.notification.domain.OutboxStats;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Durable queue of mail to send. {@link #enqueue} joins the caller's transaction, so a
 * notification exists exactly when the change that caused it committed.
 */
public interface Outbox {

    void enqueue(Notification notification, Instant now);

    /**
     * Whether {@link #enqueue} would queue a notification of {@code kind} to {@code recipient} now
     * rather than drop it. A plain outbox queues everything; one that caps the mail to an address
     * (core's {@code CappedOutbox}) answers false once the cap is reached. A use case whose only
     * purpose is the mail, such as issuing a code that replaces the previous one, asks first and
     * does nothing when the answer is no.
     */
    default boolean accepts(NotificationKind kind, String recipient) {
        return true;
    }

    /**
     * Claims up to {@code limit} messages due at {@code now} (pending, next attempt not in the
     * future) and hides them from other claimers until {@code leaseUntil}; a claimer that dies
     * lets them come back after the lease. Safe to call from several instances at once: one
     * message is claimed by one caller.
     */
    List<OutboxMessage> claimDue(Instant now, int limit, Instant leaseUntil);

    /** The message was delivered: it leaves the queue and its values (a code, perhaps) are gone. */
    void markSent(UUID id, Instant now);

    /** A send failed; try again at {@code nextAttemptAt}. */
    void markRetry(UUID id, int attempts, String error, Instant nextAttemptAt);

    /** A send failed for the last time; the message stays, visible as failed, and is not retried. */
    void markFailed(UUID id, int attempts, String error, Instant now);

    OutboxStats stats();
}
