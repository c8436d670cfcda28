package dev.stockroom.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.core.notification.application.MailRelay;
import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.notification.domain.NotificationKind;
import dev.stockroom.core.notification.domain.OutboxMessage;
import dev.stockroom.core.testing.InMemoryOutbox;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MailRelayRunnerTest {

    @Test
    void stop_finishes_the_send_under_way_and_gives_back_the_rest_due_at_once() throws Exception {
        Clock clock = Clock.systemUTC();
        InMemoryOutbox outbox = new InMemoryOutbox();
        Instant queuedAt = clock.instant().minusSeconds(1);
        for (int i = 0; i < 6; i++) {
            outbox.enqueue(new Notification(NotificationKind.PASSWORD_CHANGED, i + "@example.com", Map.of()), queuedAt);
        }
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        AtomicInteger sent = new AtomicInteger();
        MailRelay relay = new MailRelay(
                outbox,
                new dev.stockroom.core.notification.port.out.MailSender() {
                    @Override
                    public void send(Notification notification) {
                        send(UUID.randomUUID(), notification);
                    }

                    @Override
                    public void send(UUID id, Notification notification) {
                        sending.countDown();
                        try {
                            mayFinish.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        sent.incrementAndGet();
                    }
                },
                clock,
                2);
        MailRelayRunner runner = new MailRelayRunner(relay, 10);
        runner.start();
        assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
            try {
                runner.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        while (!relay.stopped()) {
            Thread.onSpinWait();
        }
        mayFinish.countDown();
        stopping.get(30, TimeUnit.SECONDS);

        assertThat(sent.get()).as("the sends under way finished").isBetween(1, 2);
        List<OutboxMessage> left = outbox.pending();
        assertThat(left).hasSize(6 - sent.get());
        // Given back, not left to a lease: another relay claims them at once.
        assertThat(outbox.claimDue(clock.instant(), 10, clock.instant().plusSeconds(60), UUID.randomUUID()))
                .hasSize(6 - sent.get());
    }
}
