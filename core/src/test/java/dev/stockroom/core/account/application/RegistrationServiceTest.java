package dev.stockroom.core.account.application;

import static dev.stockroom.core.account.application.AccountFixture.PASSWORD;
import static dev.stockroom.core.account.application.AccountFixture.START;
import static dev.stockroom.core.account.application.AccountFixture.otherThan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.AuthStatus;
import dev.stockroom.core.account.domain.CodePurpose;
import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.account.domain.OneTimeCode;
import dev.stockroom.core.account.domain.Role;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.domain.Username;
import dev.stockroom.core.account.port.in.AuthenticatedUser;
import dev.stockroom.core.account.port.in.CodeCommand;
import dev.stockroom.core.account.port.in.RegisterCommand;
import dev.stockroom.core.account.port.in.Registered;
import dev.stockroom.core.account.port.in.SessionGrant;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.notification.domain.NotificationKind;
import dev.stockroom.core.notification.port.out.Outbox;
import dev.stockroom.core.shared.StorageUnavailable;
import dev.stockroom.core.testing.InMemoryUserRepository;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistrationServiceTest {
    private final AccountFixture f = new AccountFixture();

    @Test
    void register_creates_a_new_account_signed_in_without_refresh_token() {
        Registered registered = f.register("ada");

        SessionGrant grant = registered.grant();
        assertThat(grant.status()).isEqualTo(AuthStatus.NEW);
        assertThat(grant.role()).isEqualTo(Role.USER);
        assertThat(grant.kind()).isEqualTo(SessionKind.LOGIN);
        assertThat(grant.refreshToken()).isEmpty();
        assertThat(grant.tokenExpiresAt()).isEqualTo(START.plus(f.policy.accessTokenLifetime()));
        assertThat(registered.profile().username()).isEqualTo(new Username("ada"));
        User stored = f.store.users().findById(grant.userId()).orElseThrow();
        assertThat(stored.status()).isEqualTo(AuthStatus.NEW);
        assertThat(stored.passwordHash()).isNotEqualTo(PASSWORD);
        assertThat(f.hasher.matches(PASSWORD, stored.passwordHash())).isTrue();
        assertThat(f.store.sessions().findById(grant.sessionId()).orElseThrow().expiresAt())
                .isEqualTo(START.plus(f.policy.sessionLifetime()));
    }

    @Test
    void register_mails_a_six_digit_code_that_is_stored_only_as_a_hash() {
        Registered registered = f.register("ada");

        List<Notification> mails = f.mails(NotificationKind.VERIFICATION_CODE, "ada@example.com");
        assertThat(mails).singleElement().satisfies(mail -> {
            assertThat(mail.values())
                    .containsOnlyKeys(Notification.FIRST_NAME, Notification.CODE, Notification.EXPIRES_IN_MINUTES);
            assertThat(mail.value(Notification.FIRST_NAME)).isEqualTo("Ada");
            assertThat(mail.value(Notification.CODE)).matches("[0-9]{6}");
            assertThat(mail.value(Notification.EXPIRES_IN_MINUTES)).isEqualTo("10");
        });
        OneTimeCode stored = f.store
                .codes()
                .findCurrent(registered.grant().userId(), CodePurpose.VERIFY_EMAIL)
                .orElseThrow();
        assertThat(stored.codeHash())
                .doesNotContain(mails.get(0).value(Notification.CODE))
                .hasSize(64);
        assertThat(stored.expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(10)));
    }

    @Test
    void taken_username_and_email_are_reported_together_without_regard_to_case() {
        f.register("ada");
        RegisterCommand again = RegisterCommand.of("Other", "Person", "ADA", "Ada@Example.com", PASSWORD, PASSWORD);

        assertThatThrownBy(() -> f.registration().register(again))
                .asInstanceOf(type(AccountFailure.InvalidInput.class))
                .extracting(AccountFailure::fieldErrors)
                .isEqualTo(Map.of(
                        "username",
                        List.of("A user with that username already exists."),
                        "email",
                        List.of("A user with that email already exists.")));
        assertThat(f.store.outbox().pending()).hasSize(1);
    }

    @Test
    void a_password_against_the_policy_is_refused_and_nothing_is_stored() {
        RegisterCommand command = RegisterCommand.of(
                "Ada", "Lovelace", "ada", "ada@example.com", "correcthorsebatterystaple", "correcthorsebatterystaple");

        assertThatThrownBy(() -> f.registration().register(command))
                .asInstanceOf(type(AccountFailure.InvalidInput.class))
                .extracting(AccountFailure::fieldErrors)
                .isEqualTo(Map.of("password", List.of("This password is too common.")));
        assertThat(f.store.users().findByUsername(new Username("ada"))).isEmpty();
        assertThat(f.hasher.hashes).hasValue(0);
    }

    @Test
    void the_stores_unique_constraint_decides_a_race_and_the_failed_transaction_leaves_nothing() {
        f.register("ada");
        // A registration that checked before the other committed: its look-ups saw nothing.
        AccountServices services = f.services(blindLookups(f.store.users()), f.store.outbox());

        RegisterCommand sameName =
                RegisterCommand.of("Other", "Person", "Ada", "other@example.com", PASSWORD, PASSWORD);
        assertThatThrownBy(() -> services.registration().register(sameName))
                .isInstanceOf(AccountFailure.UsernameTaken.class);
        RegisterCommand sameMail =
                RegisterCommand.of("Other", "Person", "other", "ADA@example.com", PASSWORD, PASSWORD);
        assertThatThrownBy(() -> services.registration().register(sameMail))
                .isInstanceOf(AccountFailure.EmailTaken.class);

        assertThat(f.store.outbox().pending()).hasSize(1);
        assertThat(f.store.users().findByEmail(new EmailAddress("other@example.com")))
                .isEmpty();
    }

    @Test
    void when_enqueueing_the_mail_fails_the_account_is_rolled_back_with_it() {
        Outbox broken = mock(Outbox.class);
        doThrow(new StorageUnavailable("outbox table unreachable", null))
                .when(broken)
                .enqueue(any(), any());
        AccountServices services = f.services(f.store.users(), broken);

        assertThatThrownBy(() -> services.registration().register(AccountFixture.registerCommand("ada")))
                .isInstanceOf(StorageUnavailable.class);

        assertThat(f.store.users().findByUsername(new Username("ada"))).isEmpty();
        f.register("ada");
        assertThat(f.store.outbox().pending()).hasSize(1);
    }

    @Test
    void the_right_code_verifies_the_account_and_grants_a_refresh_token() {
        Registered registered = f.register("ada");
        String code = f.lastCode(NotificationKind.VERIFICATION_CODE, "ada@example.com");

        SessionGrant grant = f.registration().verify(f.caller(registered.grant()), new CodeCommand(code));

        assertThat(grant.status()).isEqualTo(AuthStatus.VERIFIED);
        assertThat(grant.sessionId()).isEqualTo(registered.grant().sessionId());
        assertThat(grant.refreshToken()).hasValueSatisfying(t -> assertThat(t).matches("[A-Za-z0-9_-]{43}"));
        assertThat(f.store.users().findById(grant.userId()).orElseThrow().status())
                .isEqualTo(AuthStatus.VERIFIED);
        assertThat(f.authentication()
                        .refresh(grant.refreshToken().orElseThrow())
                        .status())
                .isEqualTo(AuthStatus.VERIFIED);
    }

    @Test
    void a_code_past_its_expiry_is_refused() {
        Registered registered = f.register("ada");
        String code = f.lastCode(NotificationKind.VERIFICATION_CODE, "ada@example.com");
        f.clock.advance(Duration.ofMinutes(10));

        assertThatThrownBy(() -> f.registration().verify(f.caller(registered.grant()), new CodeCommand(code)))
                .isInstanceOf(AccountFailure.CodeExpired.class);
        f.clock.advance(Duration.ofSeconds(-1));
        assertThat(f.registration()
                        .verify(f.caller(registered.grant()), new CodeCommand(code))
                        .status())
                .isEqualTo(AuthStatus.VERIFIED);
    }

    @Test
    void after_five_wrong_codes_even_the_right_one_is_refused() {
        Registered registered = f.register("ada");
        AuthenticatedUser caller = f.caller(registered.grant());
        String code = f.lastCode(NotificationKind.VERIFICATION_CODE, "ada@example.com");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> f.registration().verify(caller, new CodeCommand(otherThan(code))))
                    .isInstanceOf(AccountFailure.WrongCode.class);
        }

        assertThatThrownBy(() -> f.registration().verify(caller, new CodeCommand(code)))
                .isInstanceOf(AccountFailure.TooManyAttempts.class);
        assertThat(f.store.users().findById(caller.userId()).orElseThrow().status())
                .isEqualTo(AuthStatus.NEW);
    }

    @Test
    void the_right_code_works_on_the_last_allowed_try() {
        Registered registered = f.register("ada");
        AuthenticatedUser caller = f.caller(registered.grant());
        String code = f.lastCode(NotificationKind.VERIFICATION_CODE, "ada@example.com");
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> f.registration().verify(caller, new CodeCommand(otherThan(code))))
                    .isInstanceOf(AccountFailure.WrongCode.class);
        }

        assertThat(f.registration().verify(caller, new CodeCommand(code)).status())
                .isEqualTo(AuthStatus.VERIFIED);
    }

    @Test
    void verify_needs_a_login_token_of_a_new_account() {
        SessionGrant verified = f.registerVerified("ada");
        AuthenticatedUser caller = f.caller(verified);
        assertThatThrownBy(() -> f.registration().verify(caller, new CodeCommand("123456")))
                .isInstanceOf(AccountFailure.AlreadyVerified.class);
        assertThatThrownBy(() -> f.registration().resendCode(caller))
                .isInstanceOf(AccountFailure.AlreadyVerified.class);

        AuthenticatedUser resetCaller = new AuthenticatedUser(
                caller.userId(),
                caller.sessionId(),
                SessionKind.PASSWORD_RESET,
                caller.username(),
                AuthStatus.NEW,
                Role.USER);
        assertThatThrownBy(() -> f.registration().verify(resetCaller, new CodeCommand("123456")))
                .isInstanceOf(AccountFailure.WrongTokenKind.class);
        assertThatThrownBy(() -> f.registration().resendCode(resetCaller))
                .isInstanceOf(AccountFailure.WrongTokenKind.class);
    }

    @Test
    void a_resend_inside_the_cooldown_is_throttled_with_the_wait_rounded_up() {
        Registered registered = f.register("ada");
        f.clock.advance(Duration.ofMillis(29_500));

        assertThatThrownBy(() -> f.registration().resendCode(f.caller(registered.grant())))
                .asInstanceOf(type(AccountFailure.Throttled.class))
                .extracting(AccountFailure.Throttled::retryAfter)
                .isEqualTo(Duration.ofSeconds(31));
        assertThat(f.mails(NotificationKind.VERIFICATION_CODE, "ada@example.com"))
                .hasSize(1);
    }

    @Test
    void a_resend_after_the_cooldown_mails_a_new_code_and_the_old_one_stops_working() {
        Registered registered = f.register("ada");
        AuthenticatedUser caller = f.caller(registered.grant());
        String first = f.lastCode(NotificationKind.VERIFICATION_CODE, "ada@example.com");
        f.clock.advance(Duration.ofSeconds(60));

        f.registration().resendCode(caller);

        List<Notification> mails = f.mails(NotificationKind.VERIFICATION_CODE, "ada@example.com");
        assertThat(mails).hasSize(2);
        String second = mails.get(1).value(Notification.CODE);
        assertThatThrownBy(() -> f.registration().verify(caller, new CodeCommand(first)))
                .isInstanceOf(AccountFailure.WrongCode.class);
        assertThat(f.store
                        .codes()
                        .findCurrent(caller.userId(), CodePurpose.VERIFY_EMAIL)
                        .orElseThrow()
                        .createdAt())
                .isEqualTo(START.plusSeconds(60));
        assertThat(f.registration().verify(caller, new CodeCommand(second)).status())
                .isEqualTo(AuthStatus.VERIFIED);
    }

    /** A user store whose look-ups find nobody, as if another registration had not committed yet. */
    private static UserRepository blindLookups(InMemoryUserRepository real) {
        return new UserRepository() {
            @Override
            public void add(User user) {
                real.add(user);
            }

            @Override
            public void update(User user) {
                real.update(user);
            }

            @Override
            public Optional<User> findById(UserId id) {
                return real.findById(id);
            }

            @Override
            public boolean remove(UserId id) {
                return real.remove(id);
            }

            @Override
            public Optional<User> findByUsername(Username username) {
                return Optional.empty();
            }

            @Override
            public Optional<User> findByEmail(EmailAddress email) {
                return Optional.empty();
            }

            @Override
            public void recordLogin(UserId id, java.time.Instant at) {
                real.recordLogin(id, at);
            }

            @Override
            public dev.stockroom.core.shared.Page<User> find(dev.stockroom.core.account.domain.UserQuery query) {
                return real.find(query);
            }

            @Override
            public int countEnabledWithRoleForUpdate(dev.stockroom.core.account.domain.Role role) {
                return real.countEnabledWithRoleForUpdate(role);
            }
        };
    }
}
