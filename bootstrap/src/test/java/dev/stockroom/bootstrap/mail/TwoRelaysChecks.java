package dev.stockroom.bootstrap.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.stockroom.adapters.mail.MailSettings;
import dev.stockroom.adapters.mail.SmtpMailSender;
import dev.stockroom.adapters.mail.SmtpSettings;
import dev.stockroom.core.notification.application.MailRelay;
import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.notification.domain.NotificationKind;
import dev.stockroom.core.notification.port.out.MailSender;
import dev.stockroom.core.notification.port.out.Outbox;
import dev.stockroom.core.testing.MutableClock;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two {@link MailRelay}s on one database against a slow SMTP server (GreenMail behind a sender
 * that waits before each send): every message is delivered exactly once, a killed relay's claims
 * are delivered once by the other after their lease, and a stopped relay's claims at once.
 * Subclasses give the database.
 */
abstract class TwoRelaysChecks {
    private static final MailSettings FROM = new MailSettings("noreply@stockroom.test");

    @RegisterExtension
    final GreenMailExtension greenMail =
            new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    /** A fresh, migrated database's outbox, shared by both relays of a test. */
    protected abstract Outbox outbox();

    private SmtpMailSender smtp() {
        return new SmtpMailSender(
                new SmtpSettings("127.0.0.1", greenMail.getSmtp().getPort(), SmtpSettings.Transport.SMTP), FROM);
    }

    private static Notification mail(String to) {
        return new Notification(
                NotificationKind.VERIFICATION_CODE,
                to,
                Map.of(
                        Notification.FIRST_NAME,
                        "Ada",
                        Notification.CODE,
                        "135790",
                        Notification.EXPIRES_IN_MINUTES,
                        "10"));
    }

    private List<String> enqueue(Outbox outbox, int count, Instant at) {
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String to = "u" + i + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            outbox.enqueue(mail(to), at);
            recipients.add(to);
        }
        return recipients;
    }

    @Test
    void two_relays_against_a_slow_server_deliver_n_messages_exactly_n_times_even_when_sends_outlast_the_lease()
            throws Exception {
        // The clock runs 100 times fast: a send of 0.3 s lasts 30 s of relay time, and a batch of 20
        // over 4 connections 150 s, well past the 60 s lease a whole batch used to share.
        Clock clock = new FastClock(100);
        Outbox outbox = outbox();
        List<String> recipients = enqueue(outbox, 40, clock.instant());
        ExecutorService loops = Executors.newFixedThreadPool(2);
        try (SmtpMailSender sender = smtp()) {
            MailSender slow = slow(sender, Duration.ofMillis(300));
            MailRelay first = new MailRelay(outbox, slow, clock, 4);
            MailRelay second = new MailRelay(outbox, slow, clock, 4);
            List<Future<?>> running =
                    List.of(loops.submit(() -> drain(first, outbox)), loops.submit(() -> drain(second, outbox)));
            for (Future<?> loop : running) {
                loop.get(120, TimeUnit.SECONDS);
            }
            first.stop(Duration.ofSeconds(5));
            second.stop(Duration.ofSeconds(5));
        } finally {
            loops.shutdownNow();
        }

        assertDeliveredExactlyOnce(recipients);
        assertThat(outbox.stats().pending()).isZero();
    }

    @Test
    void two_relays_drain_a_thousand_queued_mails_each_exactly_once() throws Exception {
        Clock clock = Clock.systemUTC();
        Outbox outbox = outbox();
        List<String> recipients = enqueue(outbox, 1_000, clock.instant().minusSeconds(1));
        ExecutorService loops = Executors.newFixedThreadPool(2);
        long elapsed;
        try (SmtpMailSender sender = smtp()) {
            MailRelay first = new MailRelay(outbox, sender, clock, 8);
            MailRelay second = new MailRelay(outbox, sender, clock, 8);
            long started = System.nanoTime();
            List<Future<?>> running =
                    List.of(loops.submit(() -> drain(first, outbox)), loops.submit(() -> drain(second, outbox)));
            for (Future<?> loop : running) {
                loop.get(120, TimeUnit.SECONDS);
            }
            elapsed = System.nanoTime() - started;
            first.stop(Duration.ofSeconds(5));
            second.stop(Duration.ofSeconds(5));
        } finally {
            loops.shutdownNow();
        }

        System.out.printf(
                "%s: two relays drained 1000 mails over 2 x 8 connections to GreenMail in %d ms%n",
                getClass().getSimpleName(), elapsed / 1_000_000);
        assertDeliveredExactlyOnce(recipients);
        assertThat(Duration.ofNanos(elapsed))
                .as("generous; the measured figure is in docs/performance.md")
                .isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void a_killed_relays_claims_are_delivered_once_by_the_other_after_their_lease() throws Exception {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        Outbox outbox = outbox();
        List<String> recipients = enqueue(outbox, 10, clock.instant());
        // The killed relay claimed everything, then died before sending a thing.
        assertThat(outbox.claimDue(clock.instant(), 100, clock.instant().plusSeconds(60), UUID.randomUUID()))
                .hasSize(10);
        try (SmtpMailSender sender = smtp()) {
            MailRelay survivor = new MailRelay(outbox, slow(sender, Duration.ofMillis(50)), clock, 4);

            assertThat(survivor.relayDue()).as("still leased to the dead relay").isZero();
            clock.advance(Duration.ofSeconds(61));
            int delivered = 0;
            int batch;
            while ((batch = survivor.relayDue()) > 0) {
                delivered += batch;
            }
            assertThat(delivered).isEqualTo(10);
            survivor.stop(Duration.ofSeconds(5));
        }

        assertDeliveredExactlyOnce(recipients);
    }

    @Test
    void a_stopped_relay_gives_back_what_it_has_not_sent_and_the_other_sends_it_at_once() throws Exception {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        Outbox outbox = outbox();
        List<String> recipients = enqueue(outbox, 10, clock.instant());
        try (SmtpMailSender sender = smtp()) {
            AtomicBoolean first = new AtomicBoolean(true);
            MailRelay[] stopping = new MailRelay[1];
            MailSender stopsDuringItsFirstSend = new MailSender() {
                @Override
                public void send(Notification notification) {
                    send(UUID.randomUUID(), notification);
                }

                @Override
                @SuppressWarnings("FutureReturnValueIgnored") // the stop it starts is awaited through stopped()
                public void send(UUID id, Notification notification) {
                    if (first.getAndSet(false)) {
                        // SIGTERM arrives while the first send is under way.
                        CompletableFuture.runAsync(() -> {
                            try {
                                stopping[0].stop(Duration.ofSeconds(10));
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
                        while (!stopping[0].stopped()) {
                            Thread.onSpinWait();
                        }
                    }
                    sender.send(id, notification);
                }
            };
            stopping[0] = new MailRelay(outbox, stopsDuringItsFirstSend, clock, 1);
            MailRelay other = new MailRelay(outbox, sender, clock, 2);

            assertThat(stopping[0].relayDue()).as("the send under way finishes").isEqualTo(1);
            assertThat(stopping[0].relayDue())
                    .as("stopped: claims nothing more")
                    .isZero();
            assertThat(other.relayDue())
                    .as("given back due at once, no lease to wait out")
                    .isEqualTo(9);
            other.stop(Duration.ofSeconds(5));
        }

        assertDeliveredExactlyOnce(recipients);
    }

    private static void drain(MailRelay relay, Outbox outbox) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(100);
        while (outbox.stats().pending() > 0 && System.nanoTime() < deadline) {
            if (relay.relayDue() == 0) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void assertDeliveredExactlyOnce(List<String> recipients) throws MessagingException {
        MimeMessage[] received = greenMail.getReceivedMessages();
        List<String> to = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (MimeMessage message : received) {
            to.add(message.getRecipients(RecipientType.TO)[0].toString());
            ids.add(message.getMessageID());
        }
        assertThat(to).containsExactlyInAnyOrderElementsOf(recipients);
        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).endsWith("@stockroom.test>"));
        assertThat(Arrays.asList(received)).hasSize(recipients.size());
    }

    /** A sender that waits before each send, as a slow SMTP server makes one wait. */
    private static MailSender slow(MailSender sender, Duration delay) {
        return new MailSender() {
            @Override
            public void send(Notification notification) {
                send(UUID.randomUUID(), notification);
            }

            @Override
            public void send(UUID id, Notification notification) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new MailSender.DeliveryFailed("interrupted", e);
                }
                sender.send(id, notification);
            }
        };
    }

    /** A clock that runs {@code speed} times as fast as the real one, from now. */
    private static final class FastClock extends Clock {
        private final Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        private final long startNanos = System.nanoTime();
        private final long speed;

        FastClock(long speed) {
            this.speed = speed;
        }

        @Override
        public Instant instant() {
            return start.plusNanos((System.nanoTime() - startNanos) * speed);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
