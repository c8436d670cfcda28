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
import dev.stockroom.core.shared.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Transactions} must do together with the repositories of the same store: the
 * writes of one unit of work (a user, a code, an outbox message) commit or roll back as one.
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
            outbox().enqueue(new Notification(NotificationKind.VERIFICATION_CODE, user.email().value(),
                    Map.of(Notification.CODE, "123456")), day);
            throw boom;
        })).isSameAs(boom);

        assertThat(users().findById(user.id())).isEmpty();
        assertThat(users().findByUsername(user.username())).isEmpty();
        assertThat(codes().findCurrent(user.id(), CodePurpose.VERIFY_EMAIL)).isEmpty();
        assertThat(outbox().claimDue(day.plusSeconds(1), 10, day.plus(Duration.ofMinutes(5)))).isEmpty();
    }

    @Test
    void commits_a_user_a_code_and_a_message_together() {
        Instant day = Samples.freshDay();
        User user = newUser();

        transactions().run(() -> {
            users().add(user);
            codes().replace(newCode(user.id(), CodePurpose.VERIFY_EMAIL, day));
            outbox().enqueue(new Notification(NotificationKind.VERIFICATION_CODE, user.email().value(),
                    Map.of(Notification.CODE, "123456")), day);
        });

        assertThat(users().findById(user.id())).isPresent();
        assertThat(codes().findCurrent(user.id(), CodePurpose.VERIFY_EMAIL)).isPresent();
        assertThat(outbox().claimDue(day.plusSeconds(1), 10, day.plus(Duration.ofMinutes(5))))
                .singleElement().satisfies(m -> assertThat(m.notification().recipient()).isEqualTo(user.email().value()));
    }

    @Test
    void rolls_back_earlier_writes_when_a_repository_refuses_a_later_one() {
        User taken = newUser();
        users().add(taken);
        User first = newUser();
        User clash = User.register(UserId.random(), first.firstName(), first.lastName(), taken.username(),
                newUser().email(), first.passwordHash(), first.createdAt());

        assertThatThrownBy(() -> transactions().run(() -> {
            users().add(first);
            users().add(clash);
        })).isInstanceOf(AccountFailure.UsernameTaken.class);

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
        })).isSameAs(boom);

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
        })).isSameAs(boom);
        transactions().run(() -> users().add(kept));

        assertThat(users().findById(lost.id())).isEmpty();
        assertThat(users().findById(kept.id())).isPresent();
    }
}
