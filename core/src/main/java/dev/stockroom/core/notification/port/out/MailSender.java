package dev.stockroom.core.notification.port.out;

import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.shared.LanguageTag;
import java.util.Set;
import java.util.UUID;

/** Renders and delivers one notification; called by the relay, never inside a request. */
public interface MailSender {

    /**
     * Renders the notification and hands it to the mail server.
     *
     * @throws DeliveryFailed when the message could not be delivered now; the relay retries.
     */
    void send(Notification notification);

    /**
     * Sends the outbox message {@code messageId}. A sender that can should give the mail a
     * Message-ID derived from {@code messageId} alone, so that a resend of the same message (after a
     * relay died between sending and marking it sent) carries the same Message-ID and is
     * recognisable downstream. The relay calls this one; the default ignores the id.
     */
    default void send(UUID messageId, Notification notification) {
        send(notification);
    }

    /**
     * The languages this sender writes mail in; a notification in another is written in English.
     * Registration picks a new user's language among these.
     */
    default Set<LanguageTag> languages() {
        return Set.of(LanguageTag.ENGLISH);
    }

    /** Delivery failed; the message should say why without repeating the mail's contents. */
    final class DeliveryFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean serverUnavailable;

        public DeliveryFailed(String message, Throwable cause) {
            this(message, cause, false);
        }

        /**
         * @param serverUnavailable the server could not be reached or did not answer in time (not
         *     this message's fault): the relay stops its batch and backs off rather than waiting
         *     one timeout per message
         */
        public DeliveryFailed(String message, Throwable cause, boolean serverUnavailable) {
            super(message, cause);
            this.serverUnavailable = serverUnavailable;
        }

        public boolean serverUnavailable() {
            return serverUnavailable;
        }
    }
}
