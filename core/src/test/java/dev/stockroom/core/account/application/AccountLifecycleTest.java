package dev.stockroom.core.account.application;

import static dev.stockroom.core.account.application.AccountFixture.PASSWORD;
import static dev.stockroom.core.account.application.AccountFixture.otherThan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.AuditEvent;
import dev.stockroom.core.account.domain.AuditKind;
import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.account.domain.Origin;
import dev.stockroom.core.account.domain.Role;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.domain.Username;
import dev.stockroom.core.account.port.in.AccountDeletion;
import dev.stockroom.core.account.port.in.AuthenticatedUser;
import dev.stockroom.core.account.port.in.ChangeEmailCommand;
import dev.stockroom.core.account.port.in.CodeCommand;
import dev.stockroom.core.account.port.in.DeleteAccountCommand;
import dev.stockroom.core.account.port.in.EmailChanges;
import dev.stockroom.core.account.port.in.PersonalData;
import dev.stockroom.core.account.port.in.SecondFactorCheck;
import dev.stockroom.core.account.port.in.SessionGrant;
import dev.stockroom.core.account.port.in.UndoEmailChangeCommand;
import dev.stockroom.core.account.port.out.OwnedProducts;
import dev.stockroom.core.notification.domain.NotificationKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class AccountLifecycleTest {
    private final AccountFixture f = new AccountFixture();
    private final List<UserId> released = new ArrayList<>();
    private final Set<UserId> secondFactorOn = ConcurrentHashMap.newKeySet();
    private final OwnedProducts products = owner -> {
        released.add(owner);
        return 0;
    };
    private final SecondFactorCheck secondFactor = new SecondFactorCheck() {
        @Override
        public boolean isEnabled(UserId user) {
            return secondFactorOn.contains(user);
        }

        @Override
        public void verify(UserId user, String code) {
            if (!code.equals("123456")) {
                throw new AccountFailure.WrongCode();
            }
        }
    };
    private final AccountLifecycleServices lifecycle = new AccountLifecycleServices(
            f.store.users(),
            f.store.sessions(),
            f.store.codes(),
            f.store.loginAttempts(),
            f.store.devices(),
            f.store.audit(),
            f.store.emailChanges(),
            products,
            secondFactor,
            f.store.outbox(),
            f.store.transactions(),
            f.hasher,
            f.policy,
            f.clock,
            new java.security.SecureRandom());
    private final EmailChanges changes = lifecycle.emailChanges();
    private final AccountDeletion deletion = lifecycle.deletion();
    private final PersonalData personalData = lifecycle.personalData();

    @Test
    void an_email_change_happens_when_the_new_address_code_is_verified_and_sessions_stay() {
        AuthenticatedUser ada = f.caller(f.registerVerified("ada"));

        changes.request(ada, ChangeEmailCommand.of("ada@new.example", PASSWORD), Origin.UNKNOWN);

        assertThat(f.store.users().findById(ada.userId()).orElseThrow().email().value())
                .isEqualTo("ada@example.com");
        assertThat(f.mails(NotificationKind.EMAIL_CHANGE_REQUESTED, "ada@example.com"))
                .singleElement()
                .satisfies(n -> assertThat(n.values()).containsEntry("new_email", "ada@new.example"));
        String code = f.lastCode(NotificationKind.EMAIL_CHANGE_CODE, "ada@new.example");

        assertThat(changes.verify(ada, new CodeCommand(code), Origin.UNKNOWN)
                        .email()
                        .value())
                .isEqualTo("ada@new.example");

        assertThat(f.authentication().authenticate(ada.userId(), ada.sessionId()))
                .isEqualTo(ada);
        assertThat(f.store.users().findByEmail(new EmailAddress("ada@example.com")))
                .isEmpty();
        assertThatThrownBy(() -> changes.verify(ada, new CodeCommand(code), Origin.UNKNOWN))
                .isInstanceOf(AccountFailure.WrongCode.class);
    }

    @Test
    void a_wrong_password_changes_nothing_and_mails_nothing() {
        AuthenticatedUser ada = f.caller(f.registerVerified("ada"));

        assertThatThrownBy(() -> changes.request(
                        ada, ChangeEmailCommand.of("ada@new.example", "not the password at all"), Origin.UNKNOWN))
                .isInstanceOf(AccountFailure.WrongPassword.class)
                .satisfies(e -> assertThat(((AccountFailure) e).fieldErrors()).containsKey("password"));

        assertThat(f.mails(NotificationKind.EMAIL_CHANGE_CODE, "ada@new.example"))
                .isEmpty();
        assertThat(f.store.emailChanges().findRequest(ada.userId())).isEmpty();
    }

    @Test
    void an_address_taken_now_or_meanwhile_is_a_new_email_field_error() {
        AuthenticatedUser ada = f.caller(f.registerVerified("ada"));
        f.registerVerified("bob");

        assertThatThrownBy(
                        () -> changes.request(ada, ChangeEmailCommand.of("BOB@example.com", PASSWORD), Origin.UNKNOWN))
                .isInstanceOf(AccountFailure.EmailTaken.class)
                .satisfies(e -> assertThat(((AccountFailure) e).fieldErrors()).containsKey("new_email"));

        changes.request(ada, ChangeEmailCommand.of("carol@example.com", PASSWORD), Origin.UNKNOWN);
        String code = f.lastCode(NotificationKind.EMAIL_CHANGE_CODE, "carol@example.com");
        f.registerVerified("carol");

        assertThatThrownBy(() -> changes.verify(ada, new CodeCommand(code), Origin.UNKNOWN))
                .isInstanceOf(AccountFailure.EmailTaken.class)
                .satisfies(e -> assertThat(((AccountFailure) e).fieldErrors()).containsKey("new_email"));
        assertThat(f.store.users().findById(ada.userId()).orElseThrow().email().value())
                .isEqualTo("ada@example.com");
    }

    @Test
    void a_wrong_or_expired_code_changes_nothing_and_requests_are_throttled() {
        AuthenticatedUser ada = f.caller(f.registerVerified("ada"));
        changes.request(ada, ChangeEmailCommand.of("ada@new.example", PASSWORD), Origin.UNKNOWN);
        String code = f.lastCode(NotificationKind.EMAIL_CHANGE_CODE, "ada@new.example");

        assertThatThrownBy(() -> changes.verify(ada, new CodeCommand(otherThan(code)), Origin.UNKNOWN))
                .isInstanceOf(AccountFailure.WrongCode.class);
        assertThatThrownBy(() ->
                        changes.request(ada, ChangeEmailCommand.of("ada@other.example", PASSWORD), Origin.UNKNOWN))
                .isInstanceOf(AccountFailure.Throttled.class);
        f.clock.advance(f.policy.codeLifetime());

        assertThatThrownBy(() -> changes.verify(ada, new CodeCommand(code), Origin.UNKNOWN))
                .isInstanceOf(AccountFailure.CodeExpired.class);
        assertThat(f.store.users().findById(ada.userId()).orElseThrow().email().value())
                .isEqualTo("ada@example.com");
    }

    @Test
    void the_old_address_undoes_a_made_change_once_and_every_session_ends() {
        SessionGrant grant = f.registerVerified("ada");
        AuthenticatedUser ada = f.caller(grant);
        changes.request(ada, ChangeEmailCommand.of("ada@new.example", PASSWORD), Origin.UNKNOWN);
        changes.verify(
                ada,
                new CodeCommand(f.lastCode(NotificationKind.EMAIL_CHANGE_CODE, "ada@new.example")),
                Origin.UNKNOWN);
        String undo = f.lastCode(NotificationKind.EMAIL_CHANGE_REQUESTED, "ada@example.com");
        f.clock.advance(Duration.ofDays(6));

        assertThatThrownBy(() ->
                        changes.undo(UndoEmailChangeCommand.of("ada@example.com", otherThan(undo)), Origin.UNKNOWN))
                .isInstanceOf(AccountFailure.WrongCode.class);
        changes.undo(UndoEmailChangeCommand.of("ADA@example.com", undo), Origin.UNKNOWN);

        assertThat(f.store.users().findById(ada.userId()).orElseThrow().email().value())
                .isEqualTo("ada@example.com");
        assertThatThrownBy(() -> f.authentication().authenticate(ada.userId(), ada.sessionId()))
                .isInstanceOf(AccountFailure.class);
        assertThatThrownBy(() -> changes.undo(UndoEmailChangeCommand.of("ada@example.com", undo), Origin.UNKNOWN))
                .isInstanceOf(AccountFailure.WrongCode.class);
    }

    @Test
    void an_undo_after_seven_days_is_refused() {
        AuthenticatedUser ada = f.caller(f.registerVerified("ada"));
        changes.request(ada, ChangeEmailCommand.of("ada@new.example", PASSWORD), Origin.UNKNOWN);
        String undo = f.lastCode(NotificationKind.EMAIL_CHANGE_REQUESTED, "ada@example.com");
        f.clock.advance(Duration.ofDays(7));

        assertThatThrownBy(() -> changes.undo(UndoEmailChangeCommand.of("ada@example.com", undo), Origin.UNKNOWN))
                .isInstanceOf(AccountFailure.WrongCode.class);
    }

    @Test
    void an_undo_before_the_change_cancels_it() {
        AuthenticatedUser ada = f.caller(f.registerVerified("ada"));
        changes.request(ada, ChangeEmailCommand.of("ada@new.example", PASSWORD), Origin.UNKNOWN);
        String code = f.lastCode(NotificationKind.EMAIL_CHANGE_CODE, "ada@new.example");

        changes.undo(
                UndoEmailChangeCommand.of(
                        "ada@example.com", f.lastCode(NotificationKind.EMAIL_CHANGE_REQUESTED, "ada@example.com")),
                Origin.UNKNOWN);

        AuthenticatedUser again = f.caller(f.logIn("ada", PASSWORD));
        assertThatThrownBy(() -> changes.verify(again, new CodeCommand(code), Origin.UNKNOWN))
                .isInstanceOf(AccountFailure.WrongCode.class);
        assertThat(f.store.users().findById(ada.userId()).orElseThrow().email().value())
                .isEqualTo("ada@example.com");
    }

    @Test
    void a_wrong_password_deletes_nothing() {
        AuthenticatedUser ada = f.caller(f.registerVerified("ada"));

        assertThatThrownBy(() -> deletion.deleteOwn(
                        ada, DeleteAccountCommand.of("not the password at all", null), Origin.UNKNOWN))
                .isInstanceOf(AccountFailure.WrongPassword.class);

        assertThat(f.store.users().findById(ada.userId())).isPresent();
        assertThat(released).isEmpty();
    }

    @Test
    void deleting_ends_the_sessions_frees_the_names_forgets_the_person_and_mails_a_notice() {
        AuthenticatedUser ada = f.caller(f.registerVerified("ada"));

        deletion.deleteOwn(ada, DeleteAccountCommand.of(PASSWORD, null), Origin.of("192.0.2.7", "curl"));

        assertThat(f.store.users().findById(ada.userId())).isEmpty();
        assertThatThrownBy(() -> f.authentication().authenticate(ada.userId(), ada.sessionId()))
                .isInstanceOf(AccountFailure.class);
        assertThat(released).containsExactly(ada.userId(), ada.userId());
        assertThat(f.mails(NotificationKind.ACCOUNT_DELETED, "ada@example.com")).hasSize(1);
        List<AuditEvent> trail = f.store.audit().all().stream()
                .filter(e -> e.userId().filter(ada.userId()::equals).isPresent())
                .toList();
        assertThat(trail).isNotEmpty().allSatisfy(e -> {
            assertThat(e.username()).isEmpty();
            assertThat(e.origin()).isEqualTo(Origin.UNKNOWN);
        });
        assertThat(trail).extracting(AuditEvent::kind).contains(AuditKind.ACCOUNT_DELETED);
        assertThat(f.store.users().findByUsername(new Username("ada"))).isEmpty();

        SessionGrant again = f.registerVerified("ada");
        assertThat(again.userId()).isNotEqualTo(ada.userId());
    }

    @Test
    void with_a_second_factor_on_deletion_needs_a_right_code() {
        AuthenticatedUser ada = f.caller(f.registerVerified("ada"));
        secondFactorOn.add(ada.userId());

        assertThatThrownBy(() -> deletion.deleteOwn(ada, DeleteAccountCommand.of(PASSWORD, null), Origin.UNKNOWN))
                .isInstanceOf(AccountFailure.InvalidInput.class)
                .satisfies(e -> assertThat(((AccountFailure) e).fieldErrors()).containsKey("code"));
        assertThatThrownBy(() -> deletion.deleteOwn(ada, DeleteAccountCommand.of(PASSWORD, "654321"), Origin.UNKNOWN))
                .isInstanceOf(AccountFailure.WrongCode.class);
        assertThat(f.store.users().findById(ada.userId())).isPresent();

        deletion.deleteOwn(ada, DeleteAccountCommand.of(PASSWORD, "123456"), Origin.UNKNOWN);

        assertThat(f.store.users().findById(ada.userId())).isEmpty();
    }

    @Test
    void an_admin_deletes_a_user_but_not_the_last_admin() {
        AuthenticatedUser root = f.caller(f.registerVerified("root"));
        f.profiles().assignRole(new Username("root"), Role.ADMIN);
        AuthenticatedUser admin = f.authentication().authenticate(root.userId(), root.sessionId());
        AuthenticatedUser bob = f.caller(f.registerVerified("bob"));

        assertThatThrownBy(() -> deletion.deleteByAdmin(bob, admin.userId(), Origin.UNKNOWN))
                .isInstanceOf(AccountFailure.NotAdmin.class);
        deletion.deleteByAdmin(admin, bob.userId(), Origin.UNKNOWN);
        assertThat(f.store.users().findById(bob.userId())).isEmpty();
        assertThatThrownBy(() -> deletion.deleteByAdmin(admin, bob.userId(), Origin.UNKNOWN))
                .isInstanceOf(AccountFailure.UserNotFound.class);

        assertThatThrownBy(() -> deletion.deleteOwn(admin, DeleteAccountCommand.of(PASSWORD, null), Origin.UNKNOWN))
                .isInstanceOf(AccountFailure.LastAdmin.class);
        assertThat(f.store.users().findById(admin.userId())).isPresent();
        assertThat(released).containsExactly(bob.userId(), bob.userId());
    }

    @Test
    void the_export_holds_the_profile_the_sessions_and_the_events() {
        AuthenticatedUser ada = f.caller(f.registerVerified("ada"));

        PersonalData.Export export = personalData.export(ada);

        assertThat(export.profile().username().value()).isEqualTo("ada");
        assertThat(export.sessions()).extracting(s -> s.id()).contains(ada.sessionId());
        assertThat(export.events()).extracting(AuditEvent::kind).contains(AuditKind.REGISTERED, AuditKind.VERIFIED);
    }
}
