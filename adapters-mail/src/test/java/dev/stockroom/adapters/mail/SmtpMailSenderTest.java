package dev.stockroom.adapters.mail;

import static dev.stockroom.adapters.mail.SampleNotifications.CODE_VALUE;
import static dev.stockroom.adapters.mail.SampleNotifications.RECIPIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.notification.domain.NotificationKind;
import dev.stockroom.core.notification.port.out.MailSender.DeliveryFailed;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpMailSenderTest {
    private static final String SMTP_USER = "stockroom";
    private static final String SMTP_PASSWORD = "correct horse battery staple";
    private static final MailSettings FROM = new MailSettings("noreply@stockroom.test", Optional.of("Stockroom"));

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
                    new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(SMTP_USER, SMTP_PASSWORD));

    @Test
    void delivers_subject_recipient_and_both_bodies_to_the_server() throws Exception {
        try (SmtpMailSender sender = new SmtpMailSender(server(), FROM)) {
            sender.send(SampleNotifications.of(NotificationKind.VERIFICATION_CODE));
        }

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage message = received[0];
        assertThat(message.getSubject()).isEqualTo("Your Stockroom verification code");
        assertThat(message.getRecipients(RecipientType.TO))
                .extracting(Object::toString)
                .containsExactly(RECIPIENT);
        assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("noreply@stockroom.test");
        assertThat(((InternetAddress) message.getFrom()[0]).getPersonal()).isEqualTo("Stockroom");
        String raw = GreenMailUtil.getWholeMessage(message);
        assertThat(raw).contains("Content-Type: text/plain", "Content-Type: text/html");
        assertThat(MimeParts.text(message)).contains(CODE_VALUE);
        assertThat(MimeParts.html(message)).contains(">" + CODE_VALUE + "</p>");
    }

    @Test
    void a_recipient_that_is_not_exactly_one_address_is_refused_rather_than_split() {
        Notification twoAddresses = new Notification(
                NotificationKind.VERIFICATION_CODE,
                "bob@example.com,mallory@example.com",
                SampleNotifications.valuesOf(NotificationKind.VERIFICATION_CODE, "Bob"));
        try (SmtpMailSender sender = new SmtpMailSender(server(), FROM)) {
            assertThatThrownBy(() -> sender.send(twoAddresses)).isInstanceOf(DeliveryFailed.class);
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void authenticates_with_the_configured_credentials() {
        SmtpSettings withLogin = new SmtpSettings(
                "127.0.0.1",
                port(),
                Optional.of(SMTP_USER),
                Optional.of(SMTP_PASSWORD),
                SmtpSettings.Transport.SMTP,
                SmtpSettings.DEFAULT_TIMEOUT);
        try (SmtpMailSender sender = new SmtpMailSender(withLogin, FROM)) {
            sender.send(SampleNotifications.of(NotificationKind.PASSWORD_CHANGED));
        }

        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void a_wrong_password_is_a_delivery_failure() {
        SmtpSettings wrongLogin = new SmtpSettings(
                "127.0.0.1",
                port(),
                Optional.of(SMTP_USER),
                Optional.of("not the password"),
                SmtpSettings.Transport.SMTP,
                SmtpSettings.DEFAULT_TIMEOUT);
        try (SmtpMailSender sender = new SmtpMailSender(wrongLogin, FROM)) {
            assertThatThrownBy(() -> sender.send(SampleNotifications.of(NotificationKind.VERIFICATION_CODE)))
                    .isInstanceOf(DeliveryFailed.class)
                    .hasMessageNotContaining("not the password");
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void nothing_listening_fails_at_once_without_the_mail_in_the_message() throws IOException {
        int closedPort = freePort();
        SmtpSettings nowhere = new SmtpSettings("127.0.0.1", closedPort, SmtpSettings.Transport.SMTP);
        try (SmtpMailSender sender = new SmtpMailSender(nowhere, FROM)) {
            assertThatThrownBy(() -> sender.send(SampleNotifications.of(NotificationKind.PASSWORD_RESET_CODE)))
                    .isInstanceOf(DeliveryFailed.class)
                    .hasMessageContaining("PASSWORD_RESET_CODE")
                    .hasMessageContaining("127.0.0.1:" + closedPort)
                    .hasMessageNotContaining(CODE_VALUE);
        }
    }

    @Test
    void a_server_that_never_answers_fails_within_the_timeout() throws IOException {
        // The kernel completes the TCP handshake for a listening socket nobody accepts from, so the
        // client connects and then waits for a greeting that never comes.
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SmtpSettings settings = new SmtpSettings(
                    "127.0.0.1",
                    silent.getLocalPort(),
                    Optional.empty(),
                    Optional.empty(),
                    SmtpSettings.Transport.SMTP,
                    Duration.ofMillis(300));
            try (SmtpMailSender sender = new SmtpMailSender(settings, FROM)) {
                long started = System.nanoTime();
                assertThatThrownBy(() -> sender.send(SampleNotifications.of(NotificationKind.VERIFICATION_CODE)))
                        .isInstanceOf(DeliveryFailed.class);
                // Far below the 60 s Simple Java Mail would wait by default.
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void maps_each_transport_onto_the_strategy_of_the_same_name() {
        for (SmtpSettings.Transport transport : SmtpSettings.Transport.values()) {
            assertThat(SmtpMailSender.strategy(transport).name()).isEqualTo(transport.name());
        }
    }

    private static SmtpSettings server() {
        return new SmtpSettings("127.0.0.1", port(), SmtpSettings.Transport.SMTP);
    }

    private static int port() {
        return greenMail.getSmtp().getPort();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
