package dev.stockroom.core.contract;

import static dev.stockroom.core.contract.Samples.T0;
import static dev.stockroom.core.contract.Samples.newUser;
import static dev.stockroom.core.contract.Samples.unique;
import static dev.stockroom.core.contract.Samples.verifiedAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.account.domain.Role;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.domain.Username;
import dev.stockroom.core.account.port.out.UserRepository;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What every {@link UserRepository} must do. Extend it and hand in the adapter under test. */
public abstract class UserRepositoryContract {

    protected abstract UserRepository users();

    @Test
    void gives_back_every_field_of_a_stored_user() {
        User user = verifiedAdmin();
        users().add(user);

        User found = users().findById(user.id()).orElseThrow();

        assertThat(found).isEqualTo(user);
        assertThat(found.username().value()).isEqualTo(user.username().value());
        assertThat(found.email().value()).isEqualTo(user.email().value());
        assertThat(found.firstName()).isEqualTo(user.firstName());
        assertThat(found.lastName()).isEqualTo(user.lastName());
        assertThat(found.passwordHash()).isEqualTo(user.passwordHash());
        assertThat(found.status()).isEqualTo(user.status());
        assertThat(found.role()).isEqualTo(user.role());
        assertThat(found.createdAt()).isEqualTo(user.createdAt());
        assertThat(found.updatedAt()).isEqualTo(user.updatedAt());
    }

    @Test
    void keeps_names_outside_ascii() {
        User user = newUser();
        users().add(user);

        assertThat(users().findById(user.id()).orElseThrow().lastName().value()).isEqualTo("Łukasiewicz-O'Brien");
    }

    @Test
    void finds_nothing_for_unknown_keys() {
        assertThat(users().findById(UserId.random())).isEmpty();
        assertThat(users().findByUsername(new Username("nobody_" + unique()))).isEmpty();
        assertThat(users().findByEmail(new EmailAddress("nobody." + unique() + "@example.test"))).isEmpty();
    }

    @Test
    void finds_by_username_without_regard_to_case() {
        User user = verifiedAdmin();
        users().add(user);

        Username shouted = new Username(user.username().value().toUpperCase(Locale.ROOT));
        Username whispered = new Username(user.username().value().toLowerCase(Locale.ROOT));

        assertThat(users().findByUsername(shouted)).contains(user);
        assertThat(users().findByUsername(whispered)).contains(user);
        assertThat(users().findByUsername(user.username())).contains(user);
    }

    @Test
    void finds_by_email_without_regard_to_case() {
        User user = verifiedAdmin();
        users().add(user);

        EmailAddress shouted = new EmailAddress(user.email().value().toUpperCase(Locale.ROOT));
        EmailAddress whispered = new EmailAddress(user.email().value().toLowerCase(Locale.ROOT));

        assertThat(users().findByEmail(shouted)).contains(user);
        assertThat(users().findByEmail(whispered)).contains(user);
    }

    @Test
    void refuses_a_username_taken_in_another_case() {
        User first = newUser();
        users().add(first);
        User second = withIdentity(newUser(), first.username().value().toUpperCase(Locale.ROOT), null);

        assertThatThrownBy(() -> users().add(second)).isInstanceOf(AccountFailure.UsernameTaken.class);
        assertThat(users().findById(second.id())).isEmpty();
        assertThat(users().findByEmail(second.email())).isEmpty();
    }

    @Test
    void refuses_an_email_taken_in_another_case() {
        User first = newUser();
        users().add(first);
        User second = withIdentity(newUser(), null, first.email().value().toUpperCase(Locale.ROOT));

        assertThatThrownBy(() -> users().add(second)).isInstanceOf(AccountFailure.EmailTaken.class);
        assertThat(users().findById(second.id())).isEmpty();
        assertThat(users().findByUsername(second.username())).isEmpty();
    }

    @Test
    void lets_exactly_one_of_several_concurrent_registrations_of_one_username_in() throws Exception {
        String username = "racer_" + unique();
        AtomicInteger taken = new AtomicInteger();

        List<Boolean> added = Race.run(8, () -> {
            try {
                users().add(withIdentity(newUser(), username, null));
                return true;
            } catch (AccountFailure.UsernameTaken e) {
                taken.incrementAndGet();
                return false;
            }
        });

        assertThat(added).containsOnlyOnce(true);
        assertThat(taken).hasValue(7);
        assertThat(users().findByUsername(new Username(username))).isPresent();
    }

    @Test
    void replaces_a_stored_user_on_update() {
        User user = newUser();
        users().add(user);
        User changed = user.verified(T0.plusSeconds(60))
                .withPasswordHash("$argon2id$v=19$new" + unique(), T0.plusSeconds(120))
                .withRole(Role.ADMIN, T0.plus(Duration.ofMinutes(3)).plusNanos(1_000));

        users().update(changed);

        assertThat(users().findById(user.id())).contains(changed);
        assertThat(users().findByUsername(user.username())).contains(changed);
        assertThat(users().findByEmail(user.email())).contains(changed);
    }

    @Test
    void leaves_other_users_alone_on_update() {
        User user = newUser();
        User other = newUser();
        users().add(user);
        users().add(other);

        users().update(user.verified(T0.plusSeconds(5)));

        assertThat(users().findById(other.id())).contains(other);
    }

    /** A copy of {@code user} with another username and/or email (null keeps the user's own). */
    private static User withIdentity(User user, String username, String email) {
        return User.rehydrate(user.id(), user.firstName(), user.lastName(),
                username == null ? user.username() : new Username(username),
                email == null ? user.email() : new EmailAddress(email), user.passwordHash(), user.status(),
                user.role(), user.createdAt(), user.updatedAt());
    }
}
