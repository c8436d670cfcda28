package dev.stockroom.core.notification.application;

import dev.stockroom.core.notification.domain.OutboxMessage;
import dev.stockroom.core.notification.domain.OutboxStats;
import dev.stockroom.core.notification.port.out.MailSender;
import dev.stockroom.core.notification.port.out.Outbox;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Moves mail from the outbox to the {@link MailSender}, outside any request and any transaction.
 * Each message is claimed under a lease, so several instances can relay at once; a failed send is
 * retried with exponential backoff and, after {@link #MAX_ATTEMPTS}, kept as failed where the
 * health check sees it. Delivery is at least once: a relay that dies between sending and marking
 * lets the message come back when its lease ends. The host calls {@link #relayDue()} on a
 * schedule.
 */
public final class MailRelay {
    static final int BATCH_SIZE = 20;
    static final Duration LEASE = Duration.ofSeconds(60);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(10);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(15);
    static final int MAX_ATTEMPTS = 10;
    private static final int MAX_ERROR_LENGTH = 500;
    private static final System.Logger LOG = System.getLogger(MailRelay.class.getName());

    private final Outbox outbox;
    private final MailSender sender;
    private final Clock clock;

    public MailRelay(Outbox outbox, MailSender sender, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Sends one batch of due messages; returns how many were delivered. */
    public int relayDue() {
        Instant now = clock.instant();
        List<OutboxMessage> due = outbox.claimDue(now, BATCH_SIZE, now.plus(LEASE));
        int delivered = 0;
        for (OutboxMessage message : due) {
            if (deliver(message)) {
                delivered++;
            }
        }
        return delivered;
    }

    public OutboxStats stats() {
        return outbox.stats();
    }

    private boolean deliver(OutboxMessage message) {
        try {
            sender.send(message.notification());
        } catch (RuntimeException e) {
            // Whatever the sender throws, one bad message must not stop the batch.
            failed(message, describe(e));
            return false;
        }
        outbox.markSent(message.id(), clock.instant());
        return true;
    }

    private void failed(OutboxMessage message, String error) {
        int attempts = message.attempts() + 1;
        Instant now = clock.instant();
        if (attempts >= MAX_ATTEMPTS) {
            outbox.markFailed(message.id(), attempts, error, now);
            LOG.log(Level.ERROR, "Gave up on {0} mail {1} after {2} attempts: {3}",
                    message.notification().kind(), message.id(), attempts, error);
            return;
        }
        Duration wait = backoff(attempts);
        outbox.markRetry(message.id(), attempts, error, now.plus(wait));
        LOG.log(Level.WARNING, "Could not send {0} mail {1} (attempt {2}); retrying in {3} s: {4}",
                message.notification().kind(), message.id(), attempts, wait.toSeconds(), error);
    }

    /** 10 s, 20 s, 40 s… after the first, second, third failure, never more than 15 minutes. */
    static Duration backoff(int failedAttempts) {
        int doublings = Math.min(failedAttempts - 1, 16);
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << doublings);
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    // The sender's own error text (never the mail's contents), cut to fit a database column.
    private static String describe(RuntimeException e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }
}
