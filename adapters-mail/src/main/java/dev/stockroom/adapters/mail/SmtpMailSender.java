package dev.stockroom.adapters.mail;

import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.notification.port.out.MailSender;
import dev.stockroom.core.shared.LanguageTag;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.simplejavamail.api.email.Email;
import org.simplejavamail.api.mailer.Mailer;
import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.simplejavamail.converter.EmailConverter;
import org.simplejavamail.mailer.MailerBuilder;

/**
 * Sends each notification to an SMTP server, on the caller's thread: the relay that calls it runs
 * outside requests and retries, so a send either reached the server when it returns or throws
 * {@link MailSender.DeliveryFailed}. Close it when the application stops.
 *
 * <p>Simple Java Mail builds the session (server, transport strategy, login, timeouts), validates
 * and composes each mail; the connections are this class's own. Each caller thread takes a
 * connected transport from a pool, sends over it and puts it back, so the relay's threads reuse
 * one connection each instead of opening one per mail (Simple Java Mail's own connection pool
 * needs its batch-module, which the build does not carry). A connection that failed is closed; one
 * idle for more than a second is checked with a NOOP before reuse and one idle for more than
 * {@link #MAX_IDLE} is closed, well within the five minutes servers must wait (RFC 5321).
 *
 * <p>A failure to reach the server (refused, unresolvable, reset, or a timeout) is reported as
 * {@link MailSender.DeliveryFailed#serverUnavailable()}, which makes the relay stop its batch.
 *
 * <p>Simple Java Mail logs whole messages, codes included, at DEBUG and TRACE: its loggers
 * ({@code org.simplejavamail}) must stay at INFO or above outside a developer's machine.
 */
public final class SmtpMailSender implements MailSender, AutoCloseable {
    static final Duration MAX_IDLE = Duration.ofSeconds(30);
    private static final long CHECK_AFTER_NANOS = Duration.ofSeconds(1).toNanos();

    private final Mailer mailer;
    private final Session session;
    private final MailComposer composer;
    private final String server;
    private final Deque<Idle> idle = new ArrayDeque<>();
    private volatile boolean closed;

    private record Idle(Transport transport, long since) {}

    /** With the shipped templates, signed with the default shop name. */
    public SmtpMailSender(SmtpSettings smtp, MailSettings mail) {
        this(smtp, mail, MailTemplates.shipped());
    }

    public SmtpMailSender(SmtpSettings smtp, MailSettings mail, MailTemplates templates) {
        this.mailer = MailerBuilder.withSMTPServer(
                        smtp.host(),
                        smtp.port(),
                        smtp.username().orElse(null),
                        smtp.password().orElse(null))
                .withTransportStrategy(strategy(smtp.transport()))
                .withSessionTimeout((int) smtp.timeout().toMillis())
                .buildMailer();
        this.session = mailer.getSession();
        // Simple Java Mail sets connect and read timeouts; a stalled write must end too.
        session.getProperties()
                .putIfAbsent(
                        writeTimeoutProperty(smtp.transport()),
                        String.valueOf(smtp.timeout().toMillis()));
        this.composer = new MailComposer(templates, mail);
        this.server = smtp.host() + ":" + smtp.port();
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

    /** Sends with the Message-ID {@code <messageId@sender-domain>}, the same on every resend. */
    @Override
    public void send(UUID messageId, Notification notification) {
        try {
            Email email = composer.compose(messageId, notification).buildEmail();
            mailer.validate(email);
            MimeMessage message = EmailConverter.emailToMimeMessage(email, session);
            message.saveChanges();
            Transport transport = acquire();
            boolean sent = false;
            try {
                transport.sendMessage(message, message.getAllRecipients());
                sent = true;
            } finally {
                if (sent) {
                    giveBack(transport);
                } else {
                    closeQuietly(transport);
                }
            }
        } catch (MessagingException | RuntimeException e) {
            // Simple Java Mail's messages name the subject at most; the cause chain says what broke.
            throw new DeliveryFailed(
                    "Could not send " + notification.kind() + " mail through " + server + ": " + reason(e),
                    e,
                    unreachable(e));
        }
    }

    /** An idle connection of the pool, or a new one. */
    private Transport acquire() throws MessagingException {
        while (true) {
            Idle next;
            synchronized (idle) {
                next = idle.pollFirst();
            }
            if (next == null) {
                break;
            }
            long idleFor = System.nanoTime() - next.since();
            if (idleFor > MAX_IDLE.toNanos()
                    || (idleFor > CHECK_AFTER_NANOS && !next.transport().isConnected())) {
                closeQuietly(next.transport());
                continue;
            }
            return next.transport();
        }
        Transport transport = session.getTransport();
        transport.connect();
        return transport;
    }

    private void giveBack(Transport transport) {
        synchronized (idle) {
            if (!closed) {
                idle.addFirst(new Idle(transport, System.nanoTime()));
                return;
            }
        }
        closeQuietly(transport);
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            // Broken already; nothing to tell.
        }
    }

    /** How many connections wait for reuse; for tests. */
    int idleConnections() {
        synchronized (idle) {
            return idle.size();
        }
    }

    /** Closes the pooled connections and releases what Simple Java Mail holds. */
    @Override
    public void close() {
        List<Idle> open;
        synchronized (idle) {
            closed = true;
            open = new ArrayList<>(idle);
            idle.clear();
        }
        open.forEach(connection -> closeQuietly(connection.transport()));
        try {
            mailer.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("Could not shut down the SMTP mailer", e);
        }
    }

    private static String writeTimeoutProperty(SmtpSettings.Transport transport) {
        return transport == SmtpSettings.Transport.SMTPS ? "mail.smtps.writetimeout" : "mail.smtp.writetimeout";
    }

    /** Whether the failure was reaching the server rather than this message. */
    static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketTimeoutException
                    || t instanceof ConnectException
                    || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException
                    || t instanceof SocketException
                    || t.getClass().getSimpleName().equals("MailConnectException")) {
                return true;
            }
        }
        return false;
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
        return root.getMessage() == null
                ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
