package dev.stockroom.adapters.mail;

import dev.stockroom.core.notification.domain.Notification;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
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
        RenderedMail mail = templates.render(notification);
        // Parsed as one address: a String recipient would be split at ',' and ';' into several.
        InternetAddress recipient = new InternetAddress(notification.recipient(), true);
        return EmailBuilder.startingBlank()
                .from(settings.fromName().orElse(null), settings.fromAddress())
                .to(recipient)
                .withSubject(mail.subject())
                .withPlainText(mail.text())
                .withHTMLText(mail.html());
    }
}
