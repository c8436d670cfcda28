package dev.stockroom.core.contract;

import static dev.stockroom.core.contract.Samples.T0;
import static dev.stockroom.core.contract.Samples.newUser;
import static dev.stockroom.core.contract.Samples.pastDay;
import static dev.stockroom.core.contract.Samples.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.account.domain.EmailChangeRequest;
import dev.stockroom.core.account.domain.EmailChangeUndo;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.port.out.EmailChangeRepository;
import dev.stockroom.core.account.port.out.UserRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EmailChangeRepository} must do. Changes belong to stored users (a database
 * enforces it, and deletes them with the user), so the contract also asks for the
 * {@link UserRepository} of the same store.
 */
public abstract class EmailChangeRepositoryContract {

    protected abstract EmailChangeRepository changes();

    protected abstract UserRepository users();

    @Test
    void gives_back_every_field_of_a_stored_request() {
        UserId user = storedUser().id();
        EmailChangeRequest request = new EmailChangeRequest(
                user, address(), T0, T0.plus(Duration.ofMinutes(10)).plusNanos(3_000));

        changes().replaceRequest(request);

        assertThat(changes().findRequest(user)).contains(request);
        assertThat(changes().findRequest(UserId.random())).isEmpty();
    }

    @Test
    void a_new_request_replaces_the_previous_one_and_removal_removes_it() {
        UserId user = storedUser().id();
        changes().replaceRequest(new EmailChangeRequest(user, address(), T0, T0.plusSeconds(600)));
        EmailChangeRequest second = new EmailChangeRequest(user, address(), T0.plusSeconds(60), T0.plusSeconds(660));

        changes().replaceRequest(second);

        assertThat(changes().findRequest(user)).contains(second);
        assertThat(changes().removeRequest(user)).isTrue();
        assertThat(changes().findRequest(user)).isEmpty();
        assertThat(changes().removeRequest(user)).isFalse();
    }

    @Test
    void finds_the_undos_to_an_address_without_regard_to_case_newest_first() {
        User user = storedUser();
        EmailAddress old = address();
        EmailChangeUndo first = undo(user.id(), old, T0, T0.plus(Duration.ofDays(7)));
        EmailChangeUndo second = undo(user.id(), old, T0.plusSeconds(90), T0.plus(Duration.ofDays(7)));
        changes().addUndo(first);
        changes().addUndo(second);
        changes().addUndo(undo(user.id(), address(), T0, T0.plus(Duration.ofDays(7))));

        List<EmailChangeUndo> found =
                changes().findUndosTo(new EmailAddress(old.value().toUpperCase(Locale.ROOT)));

        assertThat(found).containsExactly(second, first);
    }

    @Test
    void an_undo_takes_only_as_many_tries_as_allowed() {
        EmailChangeUndo undo = undo(storedUser().id(), address(), T0, T0.plus(Duration.ofDays(7)));
        changes().addUndo(undo);

        assertThat(changes().claimUndoAttempt(undo.id(), 2)).isTrue();
        assertThat(changes().claimUndoAttempt(undo.id(), 2)).isTrue();
        assertThat(changes().claimUndoAttempt(undo.id(), 2)).isFalse();
        assertThat(changes().findUndosTo(undo.oldEmail()))
                .singleElement()
                .extracting(EmailChangeUndo::attempts)
                .isEqualTo(2);
        assertThat(changes().claimUndoAttempt(UUID.randomUUID(), 2)).isFalse();
    }

    @Test
    void concurrent_tries_never_exceed_the_limit() throws Exception {
        EmailChangeUndo undo = undo(storedUser().id(), address(), T0, T0.plus(Duration.ofDays(7)));
        changes().addUndo(undo);

        List<Boolean> claimed = Race.run(8, () -> changes().claimUndoAttempt(undo.id(), 5));

        assertThat(claimed).filteredOn(Boolean::booleanValue).hasSize(5);
    }

    @Test
    void removing_the_undos_of_a_user_leaves_the_others() {
        User user = storedUser();
        User other = storedUser();
        EmailAddress old = address();
        changes().addUndo(undo(user.id(), old, T0, T0.plus(Duration.ofDays(7))));
        changes().addUndo(undo(user.id(), address(), T0, T0.plus(Duration.ofDays(7))));
        EmailChangeUndo others = undo(other.id(), old, T0, T0.plus(Duration.ofDays(7)));
        changes().addUndo(others);

        assertThat(changes().removeUndosOf(user.id())).isEqualTo(2);

        assertThat(changes().findUndosTo(old)).containsExactly(others);
        assertThat(changes().removeUndosOf(user.id())).isZero();
    }

    @Test
    void purges_what_expired_up_to_the_cutoff() {
        Instant day = pastDay();
        Instant cutoff = day.plusSeconds(3600);
        UserId user = storedUser().id();
        UserId other = storedUser().id();
        EmailAddress old = address();
        changes().replaceRequest(new EmailChangeRequest(user, address(), day, cutoff));
        changes().replaceRequest(new EmailChangeRequest(other, address(), day, cutoff.plusNanos(1_000)));
        changes().addUndo(undo(user, old, day, cutoff));
        EmailChangeUndo kept = undo(user, old, day, cutoff.plusNanos(1_000));
        changes().addUndo(kept);

        assertThat(changes().purgeExpiredBefore(cutoff)).isEqualTo(2);

        assertThat(changes().findRequest(user)).isEmpty();
        assertThat(changes().findRequest(other)).isPresent();
        assertThat(changes().findUndosTo(old)).containsExactly(kept);
    }

    @Test
    void a_user_with_changes_pending_can_be_deleted() {
        User user = storedUser();
        changes().replaceRequest(new EmailChangeRequest(user.id(), address(), T0, T0.plusSeconds(600)));
        changes().addUndo(undo(user.id(), address(), T0, T0.plus(Duration.ofDays(7))));

        assertThat(users().remove(user.id())).isTrue();

        assertThat(users().findById(user.id())).isEmpty();
    }

    private User storedUser() {
        User user = newUser();
        users().add(user);
        return user;
    }

    private static EmailAddress address() {
        return new EmailAddress("moved." + unique() + "@example.test");
    }

    private static EmailChangeUndo undo(UserId user, EmailAddress old, Instant createdAt, Instant expiresAt) {
        return new EmailChangeUndo(
                UUID.randomUUID(), user, old, address(), "hash-" + unique(), createdAt, expiresAt, 0);
    }
}
