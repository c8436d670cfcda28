package dev.stockroom.core.notification.application;

import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.notification.domain.NotificationKind;
import dev.stockroom.core.notification.domain.OutboxMessage;
import dev.stockroom.core.notification.domain.OutboxStats;
import dev.stockroom.core.notification.port.out.Outbox;
import dev.stockroom.core.throttling.domain.RatePolicy;
import dev.stockroom.core.throttling.domain.RateStatus;
import dev.stockroom.core.throttling.port.in.RateLimiter;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An {@link Outbox} that queues at most {@code mailsOfOneKind} notifications of one kind to one
 * recipient per window and silently drops the rest: whoever asked gets the same answer either way,
 * so the cap tells nobody whether an address has an account, and nobody can flood an inbox through
 * the service. Each mail is counted by the enqueue itself, in the caller's transaction, so a change
 * that rolls back costs its recipient nothing. Recipients are counted without regard to case, as
 * addresses are unique; the count's key is a digest of the address.
 */
public final class CappedOutbox implements Outbox {
    /** DESIGN.md's cap: five mails of one kind to one address an hour. */
    public static final int DEFAULT_MAILS_OF_ONE_KIND = 5;

    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

    private static final System.Logger LOG = System.getLogger(CappedOutbox.class.getName());

    private final Outbox outbox;
    private final RateLimiter limiter;
    private final Map<NotificationKind, RatePolicy> policies = new EnumMap<>(NotificationKind.class);

    public CappedOutbox(Outbox outbox, RateLimiter limiter, int mailsOfOneKind, Duration window) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        for (NotificationKind kind : NotificationKind.values()) {
            policies.put(kind, new RatePolicy(bucket(kind), mailsOfOneKind, window));
        }
    }

    /** The bucket mails of {@code kind} are counted under: {@code mail-password-reset-code}, say. */
    static String bucket(NotificationKind kind) {
        return "mail-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public void enqueue(Notification notification, Instant now) {
        RatePolicy policy = policies.get(notification.kind());
        RateStatus status = limiter.hit(policy, subject(notification.recipient()));
        if (status.allowed()) {
            outbox.enqueue(notification, now);
        } else if (status.hits() == policy.limit() + 1) {
            // Once per recipient and window, not per dropped mail: a flood must not become a log flood.
            LOG.log(
                    Level.INFO,
                    "Mail cap reached: further " + notification.kind() + " mail to one recipient is "
                            + "dropped for " + status.resetAfter().toSeconds() + " s (" + policy.limit() + " per "
                            + policy.window().toSeconds() + " s)");
        }
    }

    @Override
    public boolean accepts(NotificationKind kind, String recipient) {
        return outbox.accepts(kind, recipient)
                && limiter.peek(policies.get(kind), subject(recipient)).allowed();
    }

    private static String subject(String recipient) {
        return recipient.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public List<OutboxMessage> claimDue(Instant now, int limit, Instant leaseUntil, UUID claimer) {
        return outbox.claimDue(now, limit, leaseUntil, claimer);
    }

    @Override
    public boolean renew(UUID id, UUID claimer, Instant now, Instant leaseUntil) {
        return outbox.renew(id, claimer, now, leaseUntil);
    }

    @Override
    public boolean markSent(UUID id, UUID claimer, Instant now) {
        return outbox.markSent(id, claimer, now);
    }

    @Override
    public boolean markRetry(UUID id, UUID claimer, int attempts, String error, Instant nextAttemptAt) {
        return outbox.markRetry(id, claimer, attempts, error, nextAttemptAt);
    }

    @Override
    public boolean markFailed(UUID id, UUID claimer, int attempts, String error, Instant now) {
        return outbox.markFailed(id, claimer, attempts, error, now);
    }

    @Override
    public boolean release(UUID id, UUID claimer, Instant dueAt) {
        return outbox.release(id, claimer, dueAt);
    }

    @Override
    public OutboxStats stats() {
        return outbox.stats();
    }
}
