package dev.stockroom.core.contract;

import static dev.stockroom.core.contract.Samples.newCode;
import static dev.stockroom.core.contract.Samples.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.CodePurpose;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.port.out.OneTimeCodeRepository;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.notification.domain.NotificationKind;
import dev.stockroom.core.notification.port.out.Outbox;
import dev.stockroom.core.shared.Conflict;
import dev.stockroom.core.shared.Overloaded;
import dev.stockroom.core.shared.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Transactions} must do together with the repositories of the same store: the
 * writes of one unit of work (a user, a code, an outbox message) commit or roll back as one; and
 * a unit that loses a {@link Conflict} is repeated whole, a bounded number of times, only when it
 * is the outermost and may be repeated, and otherwise leaves as {@link Overloaded}. Here the
 * work throws the conflict itself; each database adapter's own test forces real ones.
 */
public abstract class TransactionsContract {

    protected abstract Transactions transactions();

    protected abstract UserRepository users();

    protected abstract OneTimeCodeRepository codes();

    protected abstract Outbox outbox();

    @Test
    void commits_the_work_and_returns_its_result() {
        User user = newUser();

        String result = transactions().inTransaction(() -> {
            users().add(user);
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(users().findById(user.id())).contains(user);
    }

    @Test
    void commits_work_given_as_a_runnable() {
        User user = newUser();

        transactions().run(() -> users().add(user));

        assertThat(users().findById(user.id())).contains(user);
    }

    @Test
    void sees_its_own_writes_before_it_commits() {
        User user = newUser();

        boolean seen = transactions().inTransaction(() -> {
            users().add(user);
            return users().findByUsername(user.username()).isPresent();
        });

        assertThat(seen).isTrue();
    }

    @Test
    void rolls_back_every_write_when_the_work_throws_and_rethrows_the_same_exception() {
        Instant day = Samples.freshDay();
        User user = newUser();
        IllegalStateException boom = new IllegalStateException("boom");

        assertThatThrownBy(() -> transactions().run(() -> {
                    users().add(user);
                    codes().replace(newCode(user.id(), CodePurpose.VERIFY_EMAIL, day));
                    outbox().enqueue(
                                    new Notification(
                                            NotificationKind.VERIFICATION_CODE,
                                            user.email().value(),
                                            Map.of(Notification.CODE, "123456")),
                                    day);
                    throw boom;
                }))
                .isSameAs(boom);

        assertThat(users().findById(user.id())).isEmpty();
        assertThat(users().findByUsername(user.username())).isEmpty();
        assertThat(codes().findCurrent(user.id(), CodePurpose.VERIFY_EMAIL)).isEmpty();
        assertThat(outbox().claimDue(day.plusSeconds(1), 10, day.plus(Duration.ofMinutes(5))))
                .isEmpty();
    }

    @Test
    void commits_a_user_a_code_and_a_message_together() {
        Instant day = Samples.freshDay();
        User user = newUser();

        transactions().run(() -> {
            users().add(user);
            codes().replace(newCode(user.id(), CodePurpose.VERIFY_EMAIL, day));
            outbox().enqueue(
                            new Notification(
                                    NotificationKind.VERIFICATION_CODE,
                                    user.email().value(),
                                    Map.of(Notification.CODE, "123456")),
                            day);
        });

        assertThat(users().findById(user.id())).isPresent();
        assertThat(codes().findCurrent(user.id(), CodePurpose.VERIFY_EMAIL)).isPresent();
        assertThat(outbox().claimDue(day.plusSeconds(1), 10, day.plus(Duration.ofMinutes(5))))
                .singleElement()
                .satisfies(m -> assertThat(m.notification().recipient())
                        .isEqualTo(user.email().value()));
    }

    @Test
    void rolls_back_earlier_writes_when_a_repository_refuses_a_later_one() {
        User taken = newUser();
        users().add(taken);
        User first = newUser();
        User clash = User.register(
                UserId.random(),
                first.firstName(),
                first.lastName(),
                taken.username(),
                newUser().email(),
                first.passwordHash(),
                first.createdAt());

        assertThatThrownBy(() -> transactions().run(() -> {
                    users().add(first);
                    users().add(clash);
                }))
                .isInstanceOf(AccountFailure.UsernameTaken.class);

        assertThat(users().findById(first.id())).isEmpty();
    }

    @Test
    void joins_an_outer_transaction_when_nested() {
        User outer = newUser();
        User inner = newUser();
        IllegalStateException boom = new IllegalStateException("outer fails after the inner one returned");

        assertThatThrownBy(() -> transactions().run(() -> {
                    users().add(outer);
                    transactions().run(() -> users().add(inner));
                    throw boom;
                }))
                .isSameAs(boom);

        assertThat(users().findById(inner.id())).isEmpty();
        assertThat(users().findById(outer.id())).isEmpty();
    }

    @Test
    void commits_nested_work_with_the_outer_transaction() {
        User outer = newUser();
        User inner = newUser();

        transactions().run(() -> {
            users().add(outer);
            transactions().run(() -> users().add(inner));
        });

        assertThat(users().findById(inner.id())).isPresent();
        assertThat(users().findById(outer.id())).isPresent();
    }

    @Test
    void starts_afresh_after_a_rolled_back_transaction() {
        User lost = newUser();
        User kept = newUser();
        RuntimeException boom = new RuntimeException("boom");

        assertThatThrownBy(() -> transactions().run(() -> {
                    users().add(lost);
                    throw boom;
                }))
                .isSameAs(boom);
        transactions().run(() -> users().add(kept));

        assertThat(users().findById(lost.id())).isEmpty();
        assertThat(users().findById(kept.id())).isPresent();
    }

    private static Conflict conflict() {
        return new Conflict("lost to a concurrent transaction", null);
    }

    @Test
    void repeats_a_unit_that_lost_a_conflict_and_commits_its_last_attempt_once() {
        User user = newUser();
        AtomicInteger attempts = new AtomicInteger();

        String result = transactions().inTransaction(() -> {
            // The same user each time: a first attempt that stayed would make the second a duplicate.
            users().add(user);
            if (attempts.incrementAndGet() == 1) {
                throw conflict();
            }
            return "attempt " + attempts.get();
        });

        assertThat(result).isEqualTo("attempt 2");
        assertThat(attempts).hasValue(2);
        assertThat(users().findById(user.id())).contains(user);
    }

    @Test
    void gives_up_after_a_bounded_number_of_attempts_as_overloaded_leaving_nothing_behind() {
        User user = newUser();
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> transactions().run(() -> {
                    attempts.incrementAndGet();
                    users().add(user);
                    throw conflict();
                }))
                .isInstanceOf(Overloaded.class)
                .satisfies(e -> assertThat(((Overloaded) e).retryAfter()).isPositive());

        assertThat(attempts.get()).isBetween(2, 10);
        assertThat(users().findById(user.id())).isEmpty();
    }

    @Test
    void never_repeats_a_unit_for_any_other_failure() {
        AtomicInteger attempts = new AtomicInteger();
        IllegalStateException boom = new IllegalStateException("boom");

        assertThatThrownBy(() -> transactions().run(() -> {
                    attempts.incrementAndGet();
                    throw boom;
                }))
                .isSameAs(boom);

        assertThat(attempts).hasValue(1);
    }

    @Test
    void a_nested_unit_never_repeats_on_its_own_the_outermost_repeats_it_all() {
        User outer = newUser();
        User inner = newUser();
        AtomicInteger outerAttempts = new AtomicInteger();
        AtomicInteger innerAttempts = new AtomicInteger();

        transactions().run(() -> {
            outerAttempts.incrementAndGet();
            users().add(outer);
            transactions().run(() -> {
                users().add(inner);
                if (innerAttempts.incrementAndGet() == 1) {
                    throw conflict();
                }
            });
        });

        assertThat(outerAttempts).hasValue(2);
        assertThat(innerAttempts).hasValue(2);
        assertThat(users().findById(outer.id())).isPresent();
        assertThat(users().findById(inner.id())).isPresent();
    }

    @Test
    void a_conflict_the_work_catches_from_a_nested_unit_still_loses_the_attempt() {
        User outer = newUser();
        AtomicInteger attempts = new AtomicInteger();

        transactions().run(() -> {
            users().add(outer);
            boolean first = attempts.incrementAndGet() == 1;
            try {
                transactions().run(() -> {
                    if (first) {
                        throw conflict();
                    }
                });
            } catch (Conflict ignored) {
                // Going on cannot save the transaction: the attempt is lost anyway.
            }
        });

        assertThat(attempts).hasValue(2);
        assertThat(users().findById(outer.id())).isPresent();
    }

    @Test
    void never_repeats_a_unit_that_must_run_once() {
        User user = newUser();
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> transactions().runOnce(() -> {
                    attempts.incrementAndGet();
                    users().add(user);
                    throw conflict();
                }))
                .isInstanceOf(Overloaded.class);

        assertThat(attempts).hasValue(1);
        assertThat(users().findById(user.id())).isEmpty();
    }

    @Test
    void a_nested_unit_that_must_run_once_keeps_the_outermost_from_repeating() {
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger sideEffects = new AtomicInteger();

        assertThatThrownBy(() -> transactions().run(() -> {
                    attempts.incrementAndGet();
                    transactions().runOnce(sideEffects::incrementAndGet);
                    throw conflict();
                }))
                .isInstanceOf(Overloaded.class);

        assertThat(attempts).hasValue(1);
        assertThat(sideEffects).hasValue(1);
    }

    @Test
    void commits_a_unit_that_must_run_once_like_any_other() {
        User user = newUser();

        String result = transactions().inTransactionOnce(() -> {
            users().add(user);
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(users().findById(user.id())).contains(user);
    }
}
