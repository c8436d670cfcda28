package dev.stockroom.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.notification.domain.NotificationKind;
import dev.stockroom.core.notification.domain.OutboxMessage;
import dev.stockroom.core.notification.domain.OutboxStats;
import dev.stockroom.core.notification.port.out.Outbox;
import dev.stockroom.core.shared.LanguageTag;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Outbox} must do. A claim takes whatever is due, so each test works in a day of
 * its own that lies before every other test's day (see {@code Samples.freshDay}): what other tests
 * left in a shared store is never due here. Messages are told apart by their unique recipient,
 * since the adapter chooses the ids.
 */
public abstract class OutboxContract {
    private static final Duration LEASE = Duration.ofMinutes(5);
    /** Far later, yet still inside this test's day, before the next test's messages start. */
    private static final Duration FAR_LATER = Duration.ofHours(12);

    private Instant now;
    /** The claimer of every claim in a test unless it says otherwise. */
    private final UUID me = UUID.randomUUID();

    protected abstract Outbox outbox();

    @BeforeEach
    void enterAFreshDay() {
        now = Samples.freshDay();
    }

    @Test
    void gives_back_every_field_of_an_enqueued_notification() {
        Notification notification = new Notification(
                NotificationKind.VERIFICATION_CODE,
                "Zoë.Ł+" + Samples.unique() + "@example.test",
                Map.of(
                        Notification.FIRST_NAME,
                        "Zoë \"Z\" O'Brien\n<b>&</b> \\ ✓",
                        Notification.CODE,
                        "012345",
                        Notification.EXPIRES_IN_MINUTES,
                        "10"),
                new LanguageTag("de-CH"));
        outbox().enqueue(notification, now);

        List<OutboxMessage> claimed = outbox().claimDue(now, 10, now.plus(LEASE), me);

        assertThat(claimed).singleElement().satisfies(message -> {
            assertThat(message.id()).isNotNull();
            assertThat(message.notification()).isEqualTo(notification);
            assertThat(message.notification().values()).isEqualTo(notification.values());
            assertThat(message.notification().locale()).isEqualTo(new LanguageTag("de-CH"));
            assertThat(message.createdAt()).isEqualTo(now);
            assertThat(message.attempts()).isZero();
            assertThat(message.nextAttemptAt()).isEqualTo(now);
            assertThat(message.lastError()).isNull();
        });
    }

    @Test
    void keeps_an_english_notification_english() {
        Notification notice = new Notification(NotificationKind.PASSWORD_CHANGED, recipient(), Map.of());
        outbox().enqueue(notice, now);

        assertThat(outbox().claimDue(now, 10, now.plus(LEASE), me))
                .singleElement()
                .extracting(message -> message.notification().locale())
                .isEqualTo(LanguageTag.ENGLISH);
    }

    @Test
    void keeps_a_notification_without_values() {
        Notification notice = new Notification(NotificationKind.PASSWORD_CHANGED, recipient(), Map.of());
        outbox().enqueue(notice, now);

        assertThat(outbox().claimDue(now, 10, now.plus(LEASE), me))
                .singleElement()
                .extracting(OutboxMessage::notification)
                .isEqualTo(notice);
    }

    @Test
    void counts_an_enqueued_message_as_pending() {
        OutboxStats before = outbox().stats();

        enqueue(now);

        assertThat(outbox().stats().pending()).isEqualTo(before.pending() + 1);
    }

    @Test
    void claims_only_messages_that_are_due() {
        String early = enqueue(now);
        enqueue(now.plus(Duration.ofMinutes(10)));

        assertThat(outbox().claimDue(now.minusNanos(1_000), 10, now.plus(LEASE)))
                .isEmpty();
        assertThat(recipients(outbox().claimDue(now.plusSeconds(60), 10, now.plus(LEASE))))
                .containsExactly(early);
    }

    @Test
    void claims_at_most_the_limit() {
        List<String> enqueued = List.of(enqueue(now), enqueue(now.plusNanos(1_000)), enqueue(now.plusNanos(2_000)));
        Instant later = now.plusSeconds(1);

        List<String> first = recipients(outbox().claimDue(later, 2, later.plus(LEASE)));
        List<String> second = recipients(outbox().claimDue(later, 2, later.plus(LEASE)));

        assertThat(first).hasSize(2);
        assertThat(second).hasSize(1).doesNotContainAnyElementsOf(first);
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        assertThat(both).containsExactlyInAnyOrderElementsOf(enqueued);
        assertThat(outbox().claimDue(later, 2, later.plus(LEASE))).isEmpty();
    }

    @Test
    void hides_a_claimed_message_until_its_lease_has_passed() {
        OutboxMessage claimed = enqueueAndClaim();
        Instant leaseEnd = now.plus(LEASE);

        assertThat(outbox().claimDue(leaseEnd.minusSeconds(1), 10, leaseEnd.plus(LEASE)))
                .isEmpty();

        // The first claimer died without a word: after its lease the message is someone else's.
        List<OutboxMessage> reclaimed = outbox().claimDue(leaseEnd.plusSeconds(1), 10, leaseEnd.plus(LEASE));
        assertThat(reclaimed).singleElement().satisfies(message -> {
            assertThat(message.id()).isEqualTo(claimed.id());
            assertThat(message.notification()).isEqualTo(claimed.notification());
            assertThat(message.attempts()).isZero();
        });
    }

    @Test
    void never_hands_one_message_to_two_concurrent_claimers() throws Exception {
        List<String> enqueued = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            enqueued.add(enqueue(now.plusNanos(i * 1_000L)));
        }
        Instant due = now.plusSeconds(1);

        List<List<OutboxMessage>> perClaimer = Race.run(4, () -> {
            List<OutboxMessage> mine = new ArrayList<>();
            for (List<OutboxMessage> batch = outbox().claimDue(due, 3, due.plus(LEASE));
                    !batch.isEmpty();
                    batch = outbox().claimDue(due, 3, due.plus(LEASE))) {
                mine.addAll(batch);
            }
            return mine;
        });

        List<OutboxMessage> all = perClaimer.stream().flatMap(List::stream).toList();
        assertThat(all).extracting(OutboxMessage::id).doesNotHaveDuplicates();
        assertThat(recipients(all)).containsExactlyInAnyOrderElementsOf(enqueued);
    }

    @Test
    void lets_the_claimer_renew_its_lease_while_it_runs() {
        OutboxMessage claimed = enqueueAndClaim();
        Instant leaseEnd = now.plus(LEASE);

        assertThat(outbox().renew(claimed.id(), me, leaseEnd.minusSeconds(1), leaseEnd.plus(LEASE)))
                .isTrue();

        assertThat(outbox().claimDue(leaseEnd.plusSeconds(1), 10, leaseEnd.plus(FAR_LATER), UUID.randomUUID()))
                .as("renewed: still hidden after the first lease's end")
                .isEmpty();
        assertThat(outbox().markSent(claimed.id(), me, leaseEnd.plusSeconds(2))).isTrue();
    }

    @Test
    void refuses_to_renew_for_another_claimer_or_after_the_lease() {
        OutboxMessage claimed = enqueueAndClaim();
        Instant leaseEnd = now.plus(LEASE);

        assertThat(outbox().renew(claimed.id(), UUID.randomUUID(), now, leaseEnd.plus(LEASE)))
                .isFalse();
        assertThat(outbox().renew(claimed.id(), me, leaseEnd.plusSeconds(1), leaseEnd.plus(LEASE)))
                .as("a lease that ran out is not renewed, even if nobody took the message")
                .isFalse();
    }

    @Test
    void a_stale_claimer_can_neither_renew_nor_mark_nor_release_what_another_claimed_after_its_lease() {
        OutboxMessage claimed = enqueueAndClaim();
        Instant afterLease = now.plus(LEASE).plusSeconds(1);
        UUID other = UUID.randomUUID();
        assertThat(outbox().claimDue(afterLease, 10, afterLease.plus(LEASE), other))
                .extracting(OutboxMessage::id)
                .containsExactly(claimed.id());

        assertThat(outbox().renew(claimed.id(), me, afterLease, afterLease.plus(FAR_LATER)))
                .isFalse();
        assertThat(outbox().markSent(claimed.id(), me, afterLease)).isFalse();
        assertThat(outbox().markRetry(claimed.id(), me, 1, "late", afterLease)).isFalse();
        assertThat(outbox().markFailed(claimed.id(), me, 9, "late", afterLease)).isFalse();
        assertThat(outbox().release(claimed.id(), me, afterLease)).isFalse();
        assertThat(outbox().claimDue(afterLease, 10, afterLease.plus(LEASE), me))
                .as("the stale claimer did not get it back")
                .isEmpty();

        // The message is still the new claimer's, whole.
        assertThat(outbox().renew(claimed.id(), other, afterLease, afterLease.plus(LEASE)))
                .isTrue();
        assertThat(outbox().markSent(claimed.id(), other, afterLease)).isTrue();
        assertThat(outbox().markSent(claimed.id(), other, afterLease))
                .as("sent once only")
                .isFalse();
    }

    @Test
    void a_released_message_is_due_at_once_for_anyone_without_an_attempt_counted() {
        OutboxMessage claimed = enqueueAndClaim();
        Instant soon = now.plusSeconds(1);

        assertThat(outbox().release(claimed.id(), UUID.randomUUID(), soon))
                .as("not the claimer")
                .isFalse();
        assertThat(outbox().release(claimed.id(), me, soon)).isTrue();
        assertThat(outbox().markSent(claimed.id(), me, soon))
                .as("released: no longer mine")
                .isFalse();

        assertThat(outbox().claimDue(soon, 10, soon.plus(LEASE), UUID.randomUUID()))
                .singleElement()
                .satisfies(message -> {
                    assertThat(message.id()).isEqualTo(claimed.id());
                    assertThat(message.attempts()).isZero();
                });
    }

    @Test
    void concurrent_relays_that_renew_before_sending_send_every_message_exactly_once() throws Exception {
        List<String> enqueued = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            enqueued.add(enqueue(now.plusNanos(i * 1_000L)));
        }
        Instant due = now.plusSeconds(1);

        List<List<String>> sentPerRelay = Race.run(4, () -> {
            UUID relay = UUID.randomUUID();
            List<String> sent = new ArrayList<>();
            for (List<OutboxMessage> batch = outbox().claimDue(due, 3, due.plus(LEASE), relay);
                    !batch.isEmpty();
                    batch = outbox().claimDue(due, 3, due.plus(LEASE), relay)) {
                for (OutboxMessage message : batch) {
                    if (outbox().renew(message.id(), relay, due, due.plus(LEASE))) {
                        sent.add(message.notification().recipient());
                        assertThat(outbox().markSent(message.id(), relay, due)).isTrue();
                    }
                }
            }
            return sent;
        });

        List<String> all = sentPerRelay.stream().flatMap(List::stream).toList();
        assertThat(all).containsExactlyInAnyOrderElementsOf(enqueued);
    }

    @Test
    void drops_a_sent_message_for_good() {
        OutboxStats before = outbox().stats();
        OutboxMessage claimed = enqueueAndClaim();

        assertThat(outbox().markSent(claimed.id(), me, now.plusSeconds(2))).isTrue();

        assertThat(outbox().claimDue(
                                now.plus(FAR_LATER), 10, now.plus(FAR_LATER).plus(LEASE)))
                .isEmpty();
        assertThat(outbox().stats().pending()).isEqualTo(before.pending());
    }

    @Test
    void offers_a_message_again_at_its_retry_time_with_its_attempts_and_error() {
        OutboxMessage claimed = enqueueAndClaim();
        Instant retryAt = now.plus(Duration.ofMinutes(10)).plusNanos(5_000);

        assertThat(outbox().markRetry(claimed.id(), me, 1, "421 try again later", retryAt))
                .isTrue();

        assertThat(outbox().claimDue(retryAt.minusSeconds(1), 10, retryAt.plus(LEASE)))
                .isEmpty();
        assertThat(outbox().claimDue(retryAt, 10, retryAt.plus(LEASE)))
                .singleElement()
                .satisfies(message -> {
                    assertThat(message.id()).isEqualTo(claimed.id());
                    assertThat(message.notification()).isEqualTo(claimed.notification());
                    assertThat(message.attempts()).isEqualTo(1);
                    assertThat(message.lastError()).isEqualTo("421 try again later");
                    assertThat(message.nextAttemptAt()).isEqualTo(retryAt);
                    assertThat(message.createdAt()).isEqualTo(now);
                });
    }

    @Test
    void never_offers_a_failed_message_again_but_counts_it() {
        OutboxStats before = outbox().stats();
        OutboxMessage claimed = enqueueAndClaim();

        assertThat(outbox().markFailed(claimed.id(), me, 5, "550 mailbox unavailable", now.plusSeconds(1)))
                .isTrue();

        assertThat(outbox().claimDue(
                                now.plus(FAR_LATER), 10, now.plus(FAR_LATER).plus(LEASE)))
                .isEmpty();
        OutboxStats after = outbox().stats();
        assertThat(after.failed()).isEqualTo(before.failed() + 1);
        assertThat(after.pending()).isEqualTo(before.pending());
    }

    @Test
    void knows_since_when_the_oldest_pending_message_waits() {
        String failed = enqueue(now);
        String sent = enqueue(now.plusSeconds(1));
        enqueue(now.plusSeconds(2));
        enqueue(now.plusSeconds(3));
        Instant later = now.plusSeconds(10);
        for (OutboxMessage message : outbox().claimDue(later, 10, later.plus(LEASE), me)) {
            if (message.notification().recipient().equals(failed)) {
                outbox().markFailed(message.id(), me, 5, "550 no such user", later);
            } else if (message.notification().recipient().equals(sent)) {
                outbox().markSent(message.id(), me, later);
            }
        }

        // Claimed but unsent messages are still pending; failed and sent ones are not. This test's
        // day is older than any other test's, so its messages are the oldest in the store.
        assertThat(outbox().stats().oldestPendingSince()).contains(now.plusSeconds(2));
    }

    /** Enqueues a message for a new recipient at {@code at} and returns that recipient. */
    private String enqueue(Instant at) {
        String recipient = recipient();
        outbox().enqueue(
                        new Notification(
                                NotificationKind.PASSWORD_RESET_CODE,
                                recipient,
                                Map.of(
                                        Notification.FIRST_NAME,
                                        "Ada",
                                        Notification.CODE,
                                        "654321",
                                        Notification.EXPIRES_IN_MINUTES,
                                        "10")),
                        at);
        return recipient;
    }

    /** Enqueues one message at {@link #now} and claims it with a lease of {@link #LEASE}. */
    private OutboxMessage enqueueAndClaim() {
        String recipient = enqueue(now);
        List<OutboxMessage> claimed = outbox().claimDue(now, 10, now.plus(LEASE), me);
        assertThat(recipients(claimed)).containsExactly(recipient);
        return claimed.get(0);
    }

    private static String recipient() {
        return "r." + Samples.unique() + "@example.test";
    }

    private static List<String> recipients(List<OutboxMessage> messages) {
        return messages.stream()
                .map(message -> message.notification().recipient())
                .toList();
    }
}
