package dev.stockroom.adapters.mail;

import static dev.stockroom.adapters.mail.SampleNotifications.CODE_VALUE;
import static dev.stockroom.adapters.mail.SampleNotifications.RECIPIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.stockroom.core.notification.domain.NotificationKind;
import dev.stockroom.core.notification.port.out.MailSender.DeliveryFailed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simplejavamail.api.email.Email;
import org.simplejavamail.api.email.Recipient;
import org.simplejavamail.converter.EmailConverter;
import org.slf4j.LoggerFactory;

class FileMailSenderTest {
    private static final Instant NOW = Instant.parse("2026-11-26T09:41:07.123Z");
    // A fixed clock gives every file the same time, so only the random suffix keeps them apart.
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final MailSettings FROM = new MailSettings("noreply@stockroom.test");

    @TempDir
    Path dataDir;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(FileMailSender.class);

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
        logger.setLevel(Level.INFO);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
        logger.setLevel(null);
    }

    @Test
    void writes_a_readable_eml_file_into_a_directory_it_creates() throws IOException {
        Path mailDir = dataDir.resolve("mail");
        new FileMailSender(mailDir, FROM, CLOCK).send(SampleNotifications.of(NotificationKind.VERIFICATION_CODE));

        List<Path> files = files(mailDir);
        assertThat(files).singleElement().satisfies(file -> {
            assertThat(file.getFileName().toString()).matches("20261126T094107\\.123Z-[0-9a-f]{8}\\.eml");
            Email email = EmailConverter.emlToEmail(file.toFile());
            assertThat(email.getSubject()).isEqualTo("Your Stockroom verification code");
            assertThat(email.getToRecipients())
                    .extracting(Recipient::getAddress)
                    .containsExactly(RECIPIENT);
            assertThat(email.getFromRecipient().getAddress()).isEqualTo("noreply@stockroom.test");
            assertThat(email.getPlainText()).contains(CODE_VALUE);
            assertThat(email.getHTMLText()).contains(">" + CODE_VALUE + "</p>");
            // The Date header has whole seconds.
            assertThat(email.getSentDate()).isEqualTo(Date.from(NOW.truncatedTo(ChronoUnit.SECONDS)));
        });
    }

    @Test
    void every_send_makes_its_own_file_and_leaves_nothing_half_written() throws IOException {
        FileMailSender sender = new FileMailSender(dataDir, FROM, CLOCK);

        sender.send(SampleNotifications.of(NotificationKind.PASSWORD_RESET_CODE));
        sender.send(SampleNotifications.of(NotificationKind.PASSWORD_RESET_CODE));

        try (Stream<Path> all = Files.list(dataDir)) {
            assertThat(all)
                    .hasSize(2)
                    .allSatisfy(file -> assertThat(file.toString()).endsWith(".eml"));
        }
    }

    @Test
    void logs_one_line_naming_kind_recipient_and_file_but_not_the_code() throws IOException {
        new FileMailSender(dataDir, FROM, CLOCK).send(SampleNotifications.of(NotificationKind.VERIFICATION_CODE));

        Path file = files(dataDir).get(0);
        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.INFO);
            assertThat(event.getFormattedMessage())
                    .isEqualTo("Mail VERIFICATION_CODE to " + RECIPIENT + " written to " + file)
                    .doesNotContain(CODE_VALUE);
        });
    }

    @Test
    void a_directory_that_cannot_be_created_is_a_delivery_failure() throws IOException {
        Path occupied = Files.writeString(dataDir.resolve("mail"), "a file where the directory should be");
        FileMailSender sender = new FileMailSender(occupied, FROM, CLOCK);

        assertThatThrownBy(() -> sender.send(SampleNotifications.of(NotificationKind.PASSWORD_CHANGED)))
                .isInstanceOf(DeliveryFailed.class)
                .hasMessageContaining("PASSWORD_CHANGED")
                .hasMessageContaining(occupied.toString());
        assertThat(log.list).isEmpty();
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.list(dir)) {
            return all.toList();
        }
    }
}
