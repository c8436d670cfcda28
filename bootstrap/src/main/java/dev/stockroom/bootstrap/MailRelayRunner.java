package dev.stockroom.bootstrap;

import dev.stockroom.core.notification.application.MailRelay;
import io.dropwizard.lifecycle.Managed;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the outbox relay on one background thread, off the request path: a slow or absent SMTP
 * server delays mail and never a response. On stop the relay claims nothing more, finishes the
 * sends under way and gives back the messages it claimed but has not sent, so another instance
 * sends them at once instead of after their lease.
 */
final class MailRelayRunner implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(MailRelayRunner.class);
    private final MailRelay relay;
    private final long intervalMillis;
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> schedule;

    MailRelayRunner(MailRelay relay, long intervalMillis) {
        this.relay = relay;
        this.intervalMillis = intervalMillis;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stockroom-mail-relay");
            t.setDaemon(true);
            return t;
        });
        schedule =
                executor.scheduleWithFixedDelay(this::relayOnce, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void relayOnce() {
        try {
            // Drain: keep going while full batches come back.
            while (!relay.stopped()
                    && relay.relayDue() > 0
                    && !Thread.currentThread().isInterrupted()) {
                LOG.debug("Relayed a batch of mail");
            }
        } catch (RuntimeException e) {
            // A dead database must not kill the schedule; the next tick tries again.
            LOG.warn("Mail relay could not run: {}", e.toString());
        } catch (Error e) {
            // The executor would end the schedule silently; say so, loudly, before it does.
            LOG.error("Mail relay stopped: no more mail will be sent until a restart", e);
            throw e;
        }
    }

    @Override
    public void stop() throws InterruptedException {
        // First the relay: it stops claiming, and the batch under way gives back what it has not sent.
        relay.stop(java.time.Duration.ofSeconds(15));
        schedule.cancel(false);
        executor.shutdown();
        if (!executor.awaitTermination(15, TimeUnit.SECONDS)) {
            executor.shutdownNow();
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
