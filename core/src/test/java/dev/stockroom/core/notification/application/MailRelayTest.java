package dev.stockroom.core.notification.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.notification.domain.NotificationKind;
import dev.stockroom.core.notification.domain.OutboxMessage;
import dev.stockroom.core.notification.domain.OutboxStats;
import dev.stockroom.core.testing.InMemoryOutbox;
import dev.stockroom.core.testing.MutableClock;
import dev.stockroom.core.testing.RecordingMailSender;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailRelayTest {
    private static final Instant START = Instant.parse("2025-03-01T09:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final RecordingMailSender sender = new RecordingMailSender();
    private final MailRelay relay = new MailRelay(outbox, sender, clock);

    private static Notification mail(String to) {
        return new Notification(
                NotificationKind.VERIFICATION_CODE,
                to,
                Map.of(
                        Notification.FIRST_NAME,
                        "Ada",
                        Notification.CODE,
                        "123456",
                        Notification.EXPIRES_IN_MINUTES,
                        "10"));
    }

    @Test
    void delivers_what_is_due_and_empties_the_queue() {
        outbox.enqueue(mail("a@example.com"), clock.instant());
        outbox.enqueue(mail("b@example.com"), clock.instant());

        assertThat(relay.relayDue()).isEqualTo(2);

        assertThat(sender.delivered())
                .extracting(Notification::recipient)
                .containsExactlyInAnyOrder("a@example.com", "b@example.com");
        assertThat(relay.stats()).isEqualTo(new OutboxStats(0, 0, Optional.empty()));
        assertThat(relay.relayDue()).isZero();
        assertThat(sender.delivered()).hasSize(2);
    }

    @Test
    void sends_at_most_one_batch_per_call() {
        for (int i = 0; i < MailRelay.BATCH_SIZE + 5; i++) {
            outbox.enqueue(mail(i + "@example.com"), clock.instant());
        }

        assertThat(relay.relayDue()).isEqualTo(MailRelay.BATCH_SIZE);
        assertThat(relay.relayDue()).isEqualTo(5);
    }

    @Test
    void a_failed_send_is_retried_after_a_backoff_and_delivered_once_the_server_is_back() {
        outbox.enqueue(mail("a@example.com"), clock.instant());
        sender.failNext(1);

        assertThat(relay.relayDue()).isZero();
        OutboxMessage waiting = outbox.pending().get(0);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.nextAttemptAt()).isEqualTo(START.plusSeconds(10));
        assertThat(waiting.lastError()).isEqualTo("mail server unavailable (simulated)");
        assertThat(relay.stats()).isEqualTo(new OutboxStats(1, 0, Optional.of(START)));

        clock.advance(Duration.ofSeconds(9));
        assertThat(relay.relayDue()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(relay.relayDue()).isEqualTo(1);
        assertThat(sender.delivered()).hasSize(1);
        assertThat(relay.stats().pending()).isZero();
    }

    @Test
    void one_failing_message_does_not_hold_up_the_others() {
        outbox.enqueue(mail("a@example.com"), clock.instant());
        outbox.enqueue(mail("b@example.com"), clock.instant());
        sender.failNext(1);

        assertThat(relay.relayDue()).isEqualTo(1);
        assertThat(outbox.pending()).hasSize(1);
    }

    @Test
    void any_exception_from_the_sender_counts_as_a_failed_attempt() {
        MailRelay brokenRelay = new MailRelay(
                outbox,
                n -> {
                    throw new IllegalStateException("template missing");
                },
                clock);
        outbox.enqueue(mail("a@example.com"), clock.instant());

        assertThat(brokenRelay.relayDue()).isZero();

        assertThat(outbox.pending()).singleElement().satisfies(m -> {
            assertThat(m.attempts()).isEqualTo(1);
            assertThat(m.lastError()).isEqualTo("template missing");
        });
    }

    @Test
    void the_backoff_doubles_up_to_fifteen_minutes() {
        assertThat(MailRelay.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(MailRelay.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(MailRelay.backoff(7)).isEqualTo(Duration.ofSeconds(640));
        assertThat(MailRelay.backoff(8)).isEqualTo(Duration.ofMinutes(15));
        assertThat(MailRelay.backoff(1000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void gives_up_after_the_last_attempt_and_keeps_the_message_visible_as_failed() {
        outbox.enqueue(mail("a@example.com"), clock.instant());
        sender.failNext(MailRelay.MAX_ATTEMPTS);

        for (int attempt = 1; attempt <= MailRelay.MAX_ATTEMPTS; attempt++) {
            assertThat(relay.relayDue()).as("attempt %d", attempt).isZero();
            assertThat(sender.delivered()).isEmpty();
            clock.advance(MailRelay.MAX_BACKOFF);
        }

        assertThat(relay.stats()).isEqualTo(new OutboxStats(0, 1, Optional.empty()));
        assertThat(outbox.failed())
                .singleElement()
                .satisfies(m -> assertThat(m.attempts()).isEqualTo(MailRelay.MAX_ATTEMPTS));
        clock.advance(Duration.ofDays(1));
        assertThat(relay.relayDue()).isZero();
        assertThat(sender.delivered()).isEmpty();
    }

    @Test
    void an_unreachable_server_stops_the_batch_and_the_relay_pauses_without_counting_attempts_it_did_not_make() {
        for (int i = 0; i < 5; i++) {
            outbox.enqueue(mail(i + "@example.com"), clock.instant());
        }
        java.util.concurrent.atomic.AtomicInteger tried = new java.util.concurrent.atomic.AtomicInteger();
        MailRelay unreachable = new MailRelay(
                outbox,
                n -> {
                    tried.incrementAndGet();
                    throw new dev.stockroom.core.notification.port.out.MailSender.DeliveryFailed(
                            "connect timed out", null, true);
                },
                clock);

        assertThat(unreachable.relayDue()).isZero();

        assertThat(tried).hasValue(1);
        assertThat(outbox.pending()).filteredOn(m -> m.attempts() == 1).hasSize(1);
        assertThat(outbox.pending())
                .filteredOn(m -> m.attempts() == 0)
                .hasSize(4)
                .allSatisfy(m -> assertThat(m.nextAttemptAt()).isEqualTo(START.plus(MailRelay.FIRST_BACKOFF)));
        assertThat(unreachable.relayDue()).as("paused").isZero();
        assertThat(tried).hasValue(1);

        clock.advance(MailRelay.FIRST_BACKOFF);
        assertThat(relay.relayDue()).as("another relay, once the pause is over").isEqualTo(5);
    }

    @Test
    void a_stopped_relay_claims_nothing() throws Exception {
        outbox.enqueue(mail("a@example.com"), clock.instant());

        relay.stop(Duration.ofSeconds(1));

        assertThat(relay.relayDue()).isZero();
        assertThat(outbox.pending())
                .singleElement()
                .satisfies(m -> assertThat(m.nextAttemptAt()).isEqualTo(START));
        assertThat(new MailRelay(outbox, sender, clock, 2).relayDue()).isEqualTo(1);
    }

    @Test
    void a_parallel_relay_delivers_every_message_once() throws Exception {
        for (int i = 0; i < 50; i++) {
            outbox.enqueue(mail(i + "@example.com"), clock.instant());
        }
        MailRelay parallel = new MailRelay(outbox, sender, clock, 8);

        int delivered = 0;
        int batch;
        while ((batch = parallel.relayDue()) > 0) {
            delivered += batch;
        }
        parallel.stop(Duration.ofSeconds(5));

        assertThat(delivered).isEqualTo(50);
        assertThat(sender.delivered()).hasSize(50).doesNotHaveDuplicates();
    }

    @Test
    void a_parallel_relay_sends_one_recipients_mail_in_the_order_it_was_queued() throws Exception {
        for (int i = 0; i < 30; i++) {
            outbox.enqueue(
                    new Notification(
                            NotificationKind.PASSWORD_RESET_CODE,
                            "ada@example.com",
                            Map.of(
                                    Notification.FIRST_NAME,
                                    "Ada",
                                    Notification.CODE,
                                    String.format("%06d", i),
                                    Notification.EXPIRES_IN_MINUTES,
                                    "10")),
                    clock.instant().plusNanos(1000L * i));
            outbox.enqueue(mail(i + "@example.com"), clock.instant().plusNanos(1000L * i));
        }
        clock.advance(Duration.ofSeconds(1));
        MailRelay parallel = new MailRelay(outbox, sender, clock, 8);

        while (parallel.relayDue() > 0) {
            // until the queue is empty
        }
        parallel.stop(Duration.ofSeconds(5));

        assertThat(sender.delivered())
                .filteredOn(n -> n.recipient().equals("ada@example.com"))
                .extracting(n -> n.value(Notification.CODE))
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 30)
                        .mapToObj(i -> String.format("%06d", i))
                        .toList());
    }
}
