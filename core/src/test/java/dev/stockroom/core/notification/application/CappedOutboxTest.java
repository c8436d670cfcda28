package dev.stockroom.core.notification.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.notification.domain.NotificationKind;
import dev.stockroom.core.notification.domain.OutboxMessage;
import dev.stockroom.core.testing.InMemoryAdapters;
import dev.stockroom.core.testing.MutableClock;
import dev.stockroom.core.throttling.application.FixedWindowRateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CappedOutboxTest {
    private static final Instant HOUR_START = Instant.parse("2025-03-01T09:00:00Z");
    private static final String ADA = "ada@example.com";

    private final MutableClock clock = new MutableClock(HOUR_START);
    private final InMemoryAdapters store = new InMemoryAdapters();
    private final CappedOutbox outbox = new CappedOutbox(
            store.outbox(), new FixedWindowRateLimiter(store.rateCounters(), clock), 3, Duration.ofHours(1));

    private static Notification mail(NotificationKind kind, String to) {
        return new Notification(kind, to, Map.of(Notification.CODE, "123456"));
    }

    private long queued(NotificationKind kind, String to) {
        return store.outbox().pending().stream()
                .map(OutboxMessage::notification)
                .filter(n -> n.kind() == kind && n.recipient().strip().equalsIgnoreCase(to))
                .count();
    }

    @Test
    void queues_up_to_the_cap_of_one_kind_to_one_address_and_drops_the_rest_silently() {
        for (int i = 0; i < 5; i++) {
            outbox.enqueue(mail(NotificationKind.PASSWORD_RESET_CODE, ADA), clock.instant());
        }

        assertThat(queued(NotificationKind.PASSWORD_RESET_CODE, ADA)).isEqualTo(3);
    }

    @Test
    void counts_an_address_without_regard_to_case_and_each_kind_and_address_apart() {
        outbox.enqueue(mail(NotificationKind.PASSWORD_RESET_CODE, ADA), clock.instant());
        outbox.enqueue(mail(NotificationKind.PASSWORD_RESET_CODE, "Ada@Example.COM"), clock.instant());
        outbox.enqueue(mail(NotificationKind.PASSWORD_RESET_CODE, " ada@example.com"), clock.instant());
        outbox.enqueue(mail(NotificationKind.PASSWORD_RESET_CODE, "ADA@EXAMPLE.COM"), clock.instant());

        outbox.enqueue(mail(NotificationKind.PASSWORD_CHANGED, ADA), clock.instant());
        outbox.enqueue(mail(NotificationKind.PASSWORD_RESET_CODE, "grace@example.com"), clock.instant());

        assertThat(queued(NotificationKind.PASSWORD_RESET_CODE, ADA)).isEqualTo(3);
        assertThat(queued(NotificationKind.PASSWORD_CHANGED, ADA)).isEqualTo(1);
        assertThat(queued(NotificationKind.PASSWORD_RESET_CODE, "grace@example.com"))
                .isEqualTo(1);
    }

    @Test
    void the_next_window_queues_again() {
        for (int i = 0; i < 4; i++) {
            outbox.enqueue(mail(NotificationKind.VERIFICATION_CODE, ADA), clock.instant());
        }

        clock.advance(Duration.ofHours(1));
        outbox.enqueue(mail(NotificationKind.VERIFICATION_CODE, ADA), clock.instant());

        assertThat(queued(NotificationKind.VERIFICATION_CODE, ADA)).isEqualTo(4);
    }

    @Test
    void accepts_asks_without_counting_and_says_no_once_the_cap_is_reached() {
        for (int i = 0; i < 10; i++) {
            assertThat(outbox.accepts(NotificationKind.PASSWORD_RESET_CODE, ADA))
                    .isTrue();
        }
        for (int i = 0; i < 3; i++) {
            outbox.enqueue(mail(NotificationKind.PASSWORD_RESET_CODE, ADA), clock.instant());
        }

        assertThat(outbox.accepts(NotificationKind.PASSWORD_RESET_CODE, "ADA@example.com"))
                .isFalse();
        assertThat(outbox.accepts(NotificationKind.VERIFICATION_CODE, ADA)).isTrue();
        assertThat(store.outbox().accepts(NotificationKind.PASSWORD_RESET_CODE, ADA))
                .isTrue();
    }

    @Test
    void a_mail_whose_change_rolled_back_is_not_counted() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> store.transactions().run(() -> {
                        outbox.enqueue(mail(NotificationKind.PASSWORD_RESET_CODE, ADA), clock.instant());
                        throw new IllegalStateException("the change failed");
                    }))
                    .hasMessage("the change failed");
        }

        for (int i = 0; i < 3; i++) {
            store.transactions()
                    .run(() -> outbox.enqueue(mail(NotificationKind.PASSWORD_RESET_CODE, ADA), clock.instant()));
        }

        assertThat(queued(NotificationKind.PASSWORD_RESET_CODE, ADA)).isEqualTo(3);
    }

    @Test
    void the_relays_side_of_the_outbox_passes_through() {
        outbox.enqueue(mail(NotificationKind.PASSWORD_CHANGED, ADA), clock.instant());

        UUID claimer = UUID.randomUUID();
        OutboxMessage claimed = outbox.claimDue(
                        clock.instant(), 10, clock.instant().plusSeconds(60), claimer)
                .get(0);
        assertThat(outbox.stats().pending()).isEqualTo(1);
        assertThat(outbox.renew(
                        claimed.id(), claimer, clock.instant(), clock.instant().plusSeconds(90)))
                .isTrue();
        assertThat(outbox.markSent(claimed.id(), claimer, clock.instant())).isTrue();

        assertThat(outbox.stats().pending()).isZero();
        assertThat(store.outbox().pending()).isEmpty();
    }

    @Test
    void mails_of_each_kind_are_counted_under_a_bucket_of_their_own() {
        assertThat(CappedOutbox.bucket(NotificationKind.PASSWORD_RESET_CODE)).isEqualTo("mail-password-reset-code");
        assertThat(CappedOutbox.bucket(NotificationKind.VERIFICATION_CODE)).isEqualTo("mail-verification-code");
    }
}
