package dev.stockroom.adapters.mail;

import static dev.stockroom.adapters.mail.SampleNotifications.CODE_VALUE;
import static dev.stockroom.adapters.mail.SampleNotifications.RECIPIENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.stockroom.core.notification.application.MailRelay;
import dev.stockroom.core.notification.domain.NotificationKind;
import dev.stockroom.core.notification.domain.OutboxMessage;
import dev.stockroom.core.testing.InMemoryOutbox;
import dev.stockroom.core.testing.MutableClock;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The core's relay over the real SMTP sender: an outage delays mail, it does not lose or repeat it. */
class RelayOverSmtpTest {
    private static final MailSettings FROM = new MailSettings("noreply@stockroom.test");

    @Test
    void a_send_that_failed_while_the_server_was_down_is_delivered_once_it_is_back() throws Exception {
        int port = SmtpMailSenderTest.freePort();
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T09:00:00Z"));
        InMemoryOutbox outbox = new InMemoryOutbox();
        outbox.enqueue(SampleNotifications.of(NotificationKind.VERIFICATION_CODE), clock.instant());
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

        try (SmtpMailSender sender =
                new SmtpMailSender(new SmtpSettings("127.0.0.1", port, SmtpSettings.Transport.SMTP), FROM)) {
            MailRelay relay = new MailRelay(outbox, sender, clock);

            assertThat(relay.relayDue()).isZero();
            OutboxMessage waiting = outbox.pending().get(0);
            assertThat(outbox.pending()).hasSize(1);
            assertThat(waiting.attempts()).isEqualTo(1);
            assertThat(waiting.nextAttemptAt()).isAfter(clock.instant());
            assertThat(waiting.lastError()).contains("127.0.0.1:" + port).doesNotContain(CODE_VALUE);

            server.start();
            try {
                assertThat(relay.relayDue()).as("still backing off").isZero();
                assertThat(server.getReceivedMessages()).isEmpty();

                clock.set(waiting.nextAttemptAt());
                assertThat(relay.relayDue()).isEqualTo(1);
                assertThat(relay.relayDue()).as("nothing left to send").isZero();

                MimeMessage[] received = server.getReceivedMessages();
                assertThat(received).hasSize(1);
                assertThat(received[0].getRecipients(RecipientType.TO))
                        .extracting(Object::toString)
                        .containsExactly(RECIPIENT);
                assertThat(MimeParts.text(received[0])).contains(CODE_VALUE);
                assertThat(outbox.pending()).isEmpty();
                assertThat(outbox.failed()).isEmpty();
            } finally {
                server.stop();
            }
        }
    }
}
