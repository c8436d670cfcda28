package dev.stockroom.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.stockroom.core.notification.application.MailRelay;
import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.notification.domain.NotificationKind;
import dev.stockroom.core.notification.domain.OutboxMessage;
import dev.stockroom.core.notification.port.out.MailSender;
import dev.stockroom.core.testing.InMemoryOutbox;
import dev.stockroom.core.testing.MutableClock;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The relay in parallel over the real SMTP sender: a stable Message-ID per outbox message, reused
 * connections, a drain of 1,000 mails, and a hung server that costs one timeout per connection.
 */
class FastRelayOverSmtpTest {
    private static final MailSettings FROM = new MailSettings("noreply@stockroom.test");

    @RegisterExtension
    static final GreenMailExtension greenMail =
            new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    private static SmtpSettings server() {
        return new SmtpSettings("127.0.0.1", greenMail.getSmtp().getPort(), SmtpSettings.Transport.SMTP);
    }

    private static Notification mail(int i) {
        return new Notification(
                NotificationKind.VERIFICATION_CODE,
                "user" + i + "@example.com",
                SampleNotifications.valuesOf(NotificationKind.VERIFICATION_CODE, "User " + i));
    }

    @Test
    void every_send_of_one_outbox_message_carries_the_same_message_id_derived_from_its_id() throws Exception {
        UUID id = UUID.fromString("0b6f3c1e-4a8d-4f8e-9d2a-5c7e1f0a9b31");
        try (SmtpMailSender sender = new SmtpMailSender(server(), FROM)) {
            sender.send(id, SampleNotifications.of(NotificationKind.VERIFICATION_CODE));
            // A relay that died before marking it sent: the next one sends it again.
            sender.send(id, SampleNotifications.of(NotificationKind.VERIFICATION_CODE));
            sender.send(UUID.randomUUID(), SampleNotifications.of(NotificationKind.VERIFICATION_CODE));
        }

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(3);
        assertThat(received[0].getMessageID()).isEqualTo("<" + id + "@stockroom.test>");
        assertThat(received[1].getMessageID()).isEqualTo(received[0].getMessageID());
        assertThat(received[2].getMessageID())
                .isNotEqualTo(received[0].getMessageID())
                .endsWith("@stockroom.test>");
    }

    @Test
    void reuses_one_connection_for_consecutive_sends() throws Exception {
        try (SmtpMailSender sender = new SmtpMailSender(server(), FROM)) {
            for (int i = 0; i < 5; i++) {
                sender.send(UUID.randomUUID(), mail(i));
                assertThat(sender.idleConnections()).isEqualTo(1);
            }
        }
        assertThat(greenMail.getReceivedMessages()).hasSize(5);
    }

    @Test
    void a_parallel_relay_drains_a_thousand_mails_each_exactly_once() throws Exception {
        int count = 1_000;
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
        InMemoryOutbox outbox = new InMemoryOutbox();
        for (int i = 0; i < count; i++) {
            outbox.enqueue(mail(i), clock.instant());
        }
        List<UUID> ids = outbox.pending().stream().map(OutboxMessage::id).toList();
        MailRelay relay;
        long started;
        long elapsed;
        try (SmtpMailSender sender = new SmtpMailSender(server(), FROM)) {
            relay = new MailRelay(outbox, sender, clock, 8);
            started = System.nanoTime();
            while (relay.relayDue() > 0) {
                // drain, as MailRelayRunner does
            }
            elapsed = System.nanoTime() - started;
            relay.stop(Duration.ofSeconds(5));
        }

        System.out.printf("Drained %d mails over 8 connections to GreenMail in %d ms%n", count, elapsed / 1_000_000);
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(count);
        Set<String> messageIds =
                Arrays.stream(received).map(FastRelayOverSmtpTest::messageId).collect(Collectors.toSet());
        assertThat(messageIds)
                .hasSize(count)
                .containsExactlyInAnyOrderElementsOf(
                        ids.stream().map(id -> "<" + id + "@stockroom.test>").toList());
        assertThat(outbox.pending()).isEmpty();
        assertThat(Duration.ofNanos(elapsed))
                .as("a generous bound; the measured figure is in docs/performance.md")
                .isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void a_hung_server_costs_one_timeout_per_connection_and_leaves_the_rest_of_the_batch_untried() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
        InMemoryOutbox outbox = new InMemoryOutbox();
        for (int i = 0; i < 40; i++) {
            outbox.enqueue(mail(i), clock.instant());
        }
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket hung = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(hung.accept()); // and never a greeting
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            SmtpSettings settings = new SmtpSettings(
                    "127.0.0.1",
                    hung.getLocalPort(),
                    Optional.empty(),
                    Optional.empty(),
                    SmtpSettings.Transport.SMTP,
                    Duration.ofMillis(700));
            try (SmtpMailSender sender = new SmtpMailSender(settings, FROM)) {
                MailRelay relay = new MailRelay(outbox, sender, clock, 4);
                long started = System.nanoTime();

                assertThat(relay.relayDue()).isZero();

                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(took)
                        .as("one timeout per connection, not one per message")
                        .isLessThan(Duration.ofSeconds(5));
                List<OutboxMessage> pending = outbox.pending();
                assertThat(pending).hasSize(40);
                long tried = pending.stream().filter(m -> m.attempts() == 1).count();
                assertThat(tried).isBetween(1L, 4L);
                // The batch was 20: those not tried went back untouched, due when the relay's pause ends.
                assertThat(pending)
                        .filteredOn(m -> m.attempts() == 0 && m.nextAttemptAt().isAfter(clock.instant()))
                        .hasSize(20 - (int) tried);
                assertThat(relay.relayDue()).as("backing off").isZero();
                relay.stop(Duration.ofSeconds(5));
            }
        } finally {
            for (Socket socket : new ArrayList<>(accepted)) {
                socket.close();
            }
        }
    }

    @Test
    void the_eml_file_sender_gives_the_same_message_id_as_smtp() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("mail-once");
        UUID id = UUID.randomUUID();
        MailSender files = new FileMailSender(dir, FROM, java.time.Clock.systemUTC());
        files.send(id, SampleNotifications.of(NotificationKind.VERIFICATION_CODE));
        files.send(id, SampleNotifications.of(NotificationKind.VERIFICATION_CODE));

        List<String> emls;
        try (var list = java.nio.file.Files.list(dir)) {
            emls = list.map(p -> {
                        try {
                            return java.nio.file.Files.readString(p);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
        assertThat(emls)
                .hasSize(2)
                .allSatisfy(eml -> assertThat(eml).contains("Message-ID: <" + id + "@stockroom.test>"));
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
