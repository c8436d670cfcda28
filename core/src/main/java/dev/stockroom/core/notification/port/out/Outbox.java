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
     * future) for {@code claimer} and hides them from other claimers until {@code leaseUntil}; a
     * claimer that dies lets them come back after the lease. Safe to call from several instances
     * at once: one message is claimed by one caller, and a message claimed again after its lease
     * belongs to the new claimer alone.
     *
     * <p>A claim is a lease, not a lock: every later step names the claimer and is one atomic
     * conditional update that does nothing (and answers false) once the message belongs to
     * someone else, so a claimer whose lease ran out can neither send (see {@link #renew}),
     * mark, nor take back what another claimer now holds.
     */
    List<OutboxMessage> claimDue(Instant now, int limit, Instant leaseUntil, UUID claimer);

    /** A claim by a claimer of its own, for callers that never mark what they claim. */
    default List<OutboxMessage> claimDue(Instant now, int limit, Instant leaseUntil) {
        return claimDue(now, limit, leaseUntil, UUID.randomUUID());
    }

    /**
     * Extends {@code claimer}'s lease on a message to {@code leaseUntil}, if the claimer still holds
     * it: the message is pending, claimed by {@code claimer}, and its lease has not run out at
     * {@code now}. The relay calls it just before each send, so the lease outlives the send; false
     * means "do not send it", since another claimer may have it.
     */
    boolean renew(UUID id, UUID claimer, Instant now, Instant leaseUntil);

    /**
     * The message was delivered: it leaves the queue and its values (a code, perhaps) are gone.
     * Only while {@code claimer} holds the claim: false, and nothing changes, if it does not.
     */
    boolean markSent(UUID id, UUID claimer, Instant now);

    /** A send failed; try again at {@code nextAttemptAt}. Only by the message's claimer. */
    boolean markRetry(UUID id, UUID claimer, int attempts, String error, Instant nextAttemptAt);

    /**
     * A send failed for the last time; the message stays, visible as failed, and is not retried.
     * Only by the message's claimer.
     */
    boolean markFailed(UUID id, UUID claimer, int attempts, String error, Instant now);

    /**
     * Gives an unsent message back without counting an attempt: it is due again at {@code dueAt}
     * ({@code now} for "at once", when a relay stops) for any claimer. Only by its claimer.
     */
    boolean release(UUID id, UUID claimer, Instant dueAt);

    OutboxStats stats();
}
