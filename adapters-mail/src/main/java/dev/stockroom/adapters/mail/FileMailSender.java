package dev.stockroom.adapters.mail;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.notification.port.out.MailSender;
import dev.stockroom.core.shared.LanguageTag;
import jakarta.mail.internet.AddressException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.simplejavamail.api.email.Email;
import org.simplejavamail.converter.EmailConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sender used when no SMTP server is configured: each message becomes an {@code .eml} file in
 * a directory (any mail client opens one), and one log line says where, so a developer can read a
 * code without a mail server. Files are named by time plus a random suffix, so sorting by name
 * sorts by time and two instances sharing the directory never overwrite each other; each appears
 * complete or not at all.
 */
public final class FileMailSender implements MailSender {
    private static final Logger LOG = LoggerFactory.getLogger(FileMailSender.class);
    // No ':' in the name, which some file systems refuse.
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path directory;
    private final MailComposer composer;
    private final Clock clock;

    /** @param directory where the files go, usually {@code <data dir>/mail}; created on first send */
    public FileMailSender(Path directory, MailSettings mail, Clock clock) {
        this(directory, mail, MailTemplates.shipped(), clock);
    }

    /** As {@link #FileMailSender(Path, MailSettings, Clock)}, rendering with {@code templates}. */
    public FileMailSender(Path directory, MailSettings mail, MailTemplates templates, Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.composer = new MailComposer(Objects.requireNonNull(templates, "templates"), mail);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The languages its templates write: those shipped and those the templates directory adds. */
    @Override
    public Set<LanguageTag> languages() {
        return composer.languages();
    }

    @Override
    public void send(Notification notification) {
        send(null, notification);
    }

    /** The file's Message-ID is derived from {@code messageId}, as over SMTP. */
    @Override
    public void send(UUID messageId, Notification notification) {
        Path file;
        try {
            Email email = composer.compose(messageId, notification)
                    .fixingSentDate(Date.from(clock.instant()))
                    .buildEmail();
            file = write(EmailConverter.emailToEML(email));
        } catch (IOException | AddressException | RuntimeException e) {
            throw new DeliveryFailed("Could not write " + notification.kind() + " mail to " + directory + ": " + e, e);
        }
        // The code is in the file, never in the log.
        LOG.info("Mail {} to {} written to {}", notification.kind(), notification.recipient(), file);
    }

    private Path write(String eml) throws IOException {
        Files.createDirectories(directory);
        String name = FILE_TIME.format(clock.instant()) + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + ".eml";
        Path target = directory.resolve(name);
        // Written aside under a name no reader looks for, then renamed in one step.
        Path partial = Files.createTempFile(directory, ".", ".eml.part");
        try {
            Files.writeString(partial, eml, UTF_8);
            return Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }
}
