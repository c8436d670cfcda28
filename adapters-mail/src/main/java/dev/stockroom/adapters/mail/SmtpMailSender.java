package dev.stockroom.adapters.mail;

import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.notification.port.out.MailSender;
import jakarta.mail.internet.AddressException;
import org.simplejavamail.api.mailer.Mailer;
import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.simplejavamail.mailer.MailerBuilder;

/**
 * Sends each notification to an SMTP server through Simple Java Mail, on the caller's thread: the
 * relay that calls it runs outside requests and retries, so a send either reached the server when
 * it returns or throws {@link MailSender.DeliveryFailed}. Close it when the application stops.
 *
 * <p>Simple Java Mail logs whole messages, codes included, at DEBUG and TRACE: its loggers
 * ({@code org.simplejavamail}) must stay at INFO or above outside a developer's machine.
 */
public final class SmtpMailSender implements MailSender, AutoCloseable {
    private final Mailer mailer;
    private final MailComposer composer;
    private final String server;

    public SmtpMailSender(SmtpSettings smtp, MailSettings mail) {
        this.mailer = MailerBuilder
                .withSMTPServer(smtp.host(), smtp.port(), smtp.username().orElse(null), smtp.password().orElse(null))
                .withTransportStrategy(strategy(smtp.transport()))
                .withSessionTimeout((int) smtp.timeout().toMillis())
                .buildMailer();
        this.composer = new MailComposer(new MailTemplates(), mail);
        this.server = smtp.host() + ":" + smtp.port();
    }

    @Override
    public void send(Notification notification) {
        try {
            // async=false: sent on this thread, failures thrown here rather than into a future.
            mailer.sendMail(composer.compose(notification).buildEmail(), false);
        } catch (AddressException | RuntimeException e) {
            // Simple Java Mail's messages name the subject at most; the cause chain says what broke.
            throw new DeliveryFailed("Could not send " + notification.kind() + " mail through " + server
                    + ": " + reason(e), e);
        }
    }

    /** Releases what Simple Java Mail holds, such as the executor it keeps for asynchronous sends. */
    @Override
    public void close() {
        try {
            mailer.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("Could not shut down the SMTP mailer", e);
        }
    }

    static TransportStrategy strategy(SmtpSettings.Transport transport) {
        return switch (transport) {
            case SMTP -> TransportStrategy.SMTP;
            case SMTPS -> TransportStrategy.SMTPS;
            case SMTP_TLS -> TransportStrategy.SMTP_TLS;
        };
    }

    /** The innermost message (a refused connection, an SMTP reply), which says most to an operator. */
    private static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
