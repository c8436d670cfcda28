package dev.stockroom.core.notification.port.out;

import dev.stockroom.core.notification.domain.Notification;

/** Renders and delivers one notification; called by the relay, never inside a request. */
public interface MailSender {

    /**
     * @throws DeliveryFailed when the message could not be delivered now; the relay retries.
     */
    void send(Notification notification);

    /** Delivery failed; the message should say why without repeating the mail's contents. */
    final class DeliveryFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public DeliveryFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
