package dev.stockroom.core.notification.application;

import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.notification.domain.OutboxMessage;
import dev.stockroom.core.notification.domain.OutboxStats;
import dev.stockroom.core.notification.port.out.MailSender;
import dev.stockroom.core.notification.port.out.Outbox;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Moves mail from the outbox to the {@link MailSender}, outside any request and any transaction.
 * The host calls {@link #relayDue()} on a schedule and {@link #stop(Duration)} when it shuts down.
 *
 * <p><b>Once across relays.</b> Each relay has a claimer id of its own. It claims a batch under a
 * lease and, just before each send, renews that message's lease with a conditional update that
 * fails if the lease ran out or another relay holds the message; only then does it send, and
 * only its claim can mark the message sent. So a message is sent by one relay at a time, and a
 * second send happens only when a relay dies (or loses the database) between sending and marking:
 * such a resend carries the same Message-ID ({@link MailSender#send(UUID, Notification)}).
 * A send must finish within {@link #LEASE}; the SMTP adapter's timeouts are far shorter.
 *
 * <p><b>Fast.</b> With a parallelism above one, the messages of a batch are sent by that many
 * threads at once (the SMTP adapter keeps one reused connection per thread), one recipient's
 * messages one after another in the order they were claimed, so that a newer code never arrives
 * before the one it replaced. A send that fails
 * because the server is unreachable or timed out stops the batch: the messages not yet tried go
 * back untouched, due when the relay's pause of {@link #FIRST_BACKOFF} ends, so a hung server
 * costs one timeout per connection, not one per message.
 *
 * <p>A failed send is retried with exponential backoff and, after {@link #MAX_ATTEMPTS}, kept as
 * failed where the health check sees it.
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
    private final int parallelism;
    private final int batchSize;
    private final UUID claimer = UUID.randomUUID();
    private final ExecutorService senders;
    private volatile boolean stopped;
    private volatile Instant pausedUntil = Instant.MIN;

    /** A relay that sends one message at a time on the calling thread. */
    public MailRelay(Outbox outbox, MailSender sender, Clock clock) {
        this(outbox, sender, clock, 1);
    }

    /** @param parallelism how many messages are sent at once, each on a thread of the relay's own */
    public MailRelay(Outbox outbox, MailSender sender, Clock clock, int parallelism) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (parallelism < 1 || parallelism > 256) {
            throw new IllegalArgumentException("Mail parallelism must be 1 to 256: " + parallelism);
        }
        this.parallelism = parallelism;
        this.batchSize = Math.max(BATCH_SIZE, parallelism * 4);
        this.senders = parallelism == 1
                ? null
                : Executors.newFixedThreadPool(parallelism, new ThreadFactory() {
                    private final AtomicInteger count = new AtomicInteger();

                    @Override
                    public Thread newThread(Runnable r) {
                        Thread t = new Thread(r, "stockroom-mail-sender-" + count.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    }
                });
    }

    /**
     * Sends one batch of due messages; returns how many were delivered. Does nothing once stopped,
     * or while the relay pauses after finding the server unavailable.
     */
    public int relayDue() {
        Instant now = clock.instant();
        if (stopped || now.isBefore(pausedUntil)) {
            return 0;
        }
        List<OutboxMessage> due = outbox.claimDue(now, batchSize, now.plus(LEASE), claimer);
        if (due.isEmpty()) {
            return 0;
        }
        AtomicBoolean abandon = new AtomicBoolean();
        AtomicInteger delivered = new AtomicInteger();
        if (senders == null) {
            for (OutboxMessage message : due) {
                handle(message, abandon, delivered);
            }
            return delivered.get();
        }
        // In parallel across recipients, in order for each: a second code sent while the first is
        // still on its way must not arrive first, or its reader would type the one that no longer works.
        Map<String, List<OutboxMessage>> byRecipient = new LinkedHashMap<>();
        for (OutboxMessage message : due) {
            byRecipient
                    .computeIfAbsent(
                            message.notification().recipient().toLowerCase(Locale.ROOT), r -> new ArrayList<>())
                    .add(message);
        }
        List<Future<?>> sends = new ArrayList<>(byRecipient.size());
        for (List<OutboxMessage> inOrder : byRecipient.values()) {
            try {
                sends.add(senders.submit(() -> inOrder.forEach(message -> handle(message, abandon, delivered))));
            } catch (RejectedExecutionException stopping) {
                inOrder.forEach(message -> handle(message, abandon, delivered)); // stopped: gives them back
            }
        }
        boolean interrupted = false;
        for (Future<?> send : sends) {
            while (true) {
                try {
                    send.get();
                    break;
                } catch (InterruptedException e) {
                    // The host is stopping: let the sends finish and the rest be given back.
                    interrupted = true;
                    stopped = true;
                } catch (ExecutionException e) {
                    LOG.log(Level.ERROR, "Mail relay task failed", e.getCause());
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return delivered.get();
    }

    /**
     * Stops claiming: the current batch finishes the sends under way, gives back the messages it
     * has not started (due at once, for another relay) and no later {@link #relayDue()} claims
     * anything. Waits at most {@code timeout} for the sends under way.
     */
    public void stop(Duration timeout) throws InterruptedException {
        stopped = true;
        if (senders != null) {
            senders.shutdown();
            if (!senders.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                senders.shutdownNow();
            }
        }
    }

    /** Whether {@link #stop} was called. */
    public boolean stopped() {
        return stopped;
    }

    /** How many messages this relay sends at once. */
    public int parallelism() {
        return parallelism;
    }

    public OutboxStats stats() {
        return outbox.stats();
    }

    private void handle(OutboxMessage message, AtomicBoolean abandon, AtomicInteger delivered) {
        try {
            if (stopped) {
                outbox.release(message.id(), claimer, clock.instant());
                return;
            }
            if (abandon.get()) {
                outbox.release(message.id(), claimer, pausedUntil);
                return;
            }
            if (deliver(message, abandon)) {
                delivered.incrementAndGet();
            }
        } catch (RuntimeException e) {
            // The database failed us; the lease brings the message back.
            LOG.log(Level.WARNING, "Mail relay could not handle mail {0}: {1}", message.id(), e.toString());
        }
    }

    private boolean deliver(OutboxMessage message, AtomicBoolean abandon) {
        Instant now = clock.instant();
        // The lease must outlive the send: renew it now, or leave the message to whoever has it.
        if (!outbox.renew(message.id(), claimer, now, now.plus(LEASE))) {
            LOG.log(Level.INFO, "Mail {0} is no longer this relay''s to send; skipped", message.id());
            return false;
        }
        try {
            sender.send(message.id(), message.notification());
        } catch (MailSender.DeliveryFailed e) {
            if (e.serverUnavailable()) {
                pausedUntil = clock.instant().plus(FIRST_BACKOFF);
                abandon.set(true);
            }
            failed(message, describe(e));
            return false;
        } catch (RuntimeException e) {
            // Whatever the sender throws, one bad message must not stop the batch.
            failed(message, describe(e));
            return false;
        }
        if (!outbox.markSent(message.id(), claimer, clock.instant())) {
            LOG.log(Level.WARNING, "Mail {0} was sent, but its claim had passed to another relay", message.id());
        }
        return true;
    }

    private void failed(OutboxMessage message, String error) {
        int attempts = message.attempts() + 1;
        Instant now = clock.instant();
        if (attempts >= MAX_ATTEMPTS) {
            outbox.markFailed(message.id(), claimer, attempts, error, now);
            LOG.log(
                    Level.ERROR,
                    "Gave up on {0} mail {1} after {2} attempts: {3}",
                    message.notification().kind(),
                    message.id(),
                    attempts,
                    error);
            return;
        }
        Duration wait = backoff(attempts);
        outbox.markRetry(message.id(), claimer, attempts, error, now.plus(wait));
        LOG.log(
                Level.WARNING,
                "Could not send {0} mail {1} (attempt {2}); retrying in {3} s: {4}",
                message.notification().kind(),
                message.id(),
                attempts,
                wait.toSeconds(),
                error);
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
