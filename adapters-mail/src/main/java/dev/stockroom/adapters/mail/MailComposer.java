package dev.stockroom.adapters.mail;

import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.shared.LanguageTag;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Set;
import java.util.UUID;
import org.simplejavamail.api.email.EmailPopulatingBuilder;
import org.simplejavamail.email.EmailBuilder;

/** Turns a notification into a message ready to build, the same for every sender. */
final class MailComposer {
    private final MailTemplates templates;
    private final MailSettings settings;

    MailComposer(MailTemplates templates, MailSettings settings) {
        this.templates = templates;
        this.settings = settings;
    }

    /**
     * @throws AddressException when the recipient is not exactly one address
     * @throws IllegalStateException when a template needs a value the notification lacks
     */
    EmailPopulatingBuilder compose(Notification notification) throws AddressException {
        return compose(null, notification);
    }

    /**
     * As {@link #compose(Notification)}, with the Message-ID {@link #messageId} gives outbox message
     * {@code messageId} when there is one, so every send of one message carries one Message-ID.
     */
    EmailPopulatingBuilder compose(UUID messageId, Notification notification) throws AddressException {
        RenderedMail mail = templates.render(notification);
        // Parsed as one address: a String recipient would be split at ',' and ';' into several.
        InternetAddress recipient = new InternetAddress(notification.recipient(), true);
        return EmailBuilder.startingBlank()
                .from(settings.fromName().orElse(null), settings.fromAddress())
                .to(recipient)
                .withSubject(mail.subject())
                .withPlainText(mail.text())
                .withHTMLText(mail.html())
                .withHeader("Content-Language", mail.language().value())
                .fixingMessageId(messageId == null ? null : messageId(messageId));
    }

    /** The languages the templates write. */
    Set<LanguageTag> languages() {
        return templates.languages();
    }

    /**
     * {@code <outbox-id@sender-domain>}: unique because the outbox id is a random UUID, stable
     * because it depends on nothing else, and in the sender's domain as RFC 5322 recommends.
     */
    String messageId(UUID messageId) {
        String from = settings.fromAddress();
        return "<" + messageId + "@" + from.substring(from.lastIndexOf('@') + 1) + ">";
    }
}
