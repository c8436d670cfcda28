package dev.stockroom.core.testing;

import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.notification.port.out.MailSender;
import java.util.ArrayList;
import java.util.List;

/** A {@link MailSender} that keeps what it delivers and can be told to fail, like a mail server that is down. */
public final class RecordingMailSender implements MailSender {
    private final List<Notification> delivered = new ArrayList<>();
    private int failuresToCome;

    @Override
    public synchronized void send(Notification notification) {
        if (failuresToCome > 0) {
            failuresToCome--;
            throw new DeliveryFailed("mail server unavailable (simulated)", null);
        }
        delivered.add(notification);
    }

    /** The next {@code count} sends throw {@link MailSender.DeliveryFailed}. */
    public synchronized void failNext(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        failuresToCome = count;
    }

    /** Everything delivered so far, in order. */
    public synchronized List<Notification> delivered() {
        return List.copyOf(delivered);
    }
}
