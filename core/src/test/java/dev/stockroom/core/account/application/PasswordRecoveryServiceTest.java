package dev.stockroom.core.account.application;

import static dev.stockroom.core.account.application.AccountFixture.PASSWORD;
import static dev.stockroom.core.account.application.AccountFixture.otherThan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.AuthStatus;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.port.in.AuthenticatedUser;
import dev.stockroom.core.account.port.in.NewPasswordCommand;
import dev.stockroom.core.account.port.in.SessionGrant;
import dev.stockroom.core.account.port.in.VerifyResetCodeCommand;
import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.notification.domain.NotificationKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PasswordRecoveryServiceTest {
    private static final String NEW_PASSWORD = "another fine passphrase";
    private static final String ADA = "ada@example.com";

    private final AccountFixture f = new AccountFixture();

    @Test
    void forget_mails_a_reset_code_to_a_known_address() {
        f.registerVerified("ada");

        f.recovery().forget("ADA@example.com");

        assertThat(f.mails(NotificationKind.PASSWORD_RESET_CODE, ADA))
                .singleElement()
                .satisfies(mail -> {
                    assertThat(mail.value(Notification.FIRST_NAME)).isEqualTo("Ada");
                    assertThat(mail.value(Notification.CODE)).matches("[0-9]{6}");
                    assertThat(mail.value(Notification.EXPIRES_IN_MINUTES)).isEqualTo("10");
                });
    }

    @Test
    void forget_for_an_unknown_address_sends_nothing_and_says_nothing() {
        f.registerVerified("ada");
        int queued = f.store.outbox().pending().size();

        f.recovery().forget("nobody@example.com");

        assertThat(f.store.outbox().pending()).hasSize(queued);
    }

    @Test
    void forget_refuses_a_malformed_address() {
        assertThatThrownBy(() -> f.recovery().forget("not an address"))
                .asInstanceOf(type(AccountFailure.InvalidInput.class))
                .extracting(AccountFailure::fieldErrors)
                .isEqualTo(Map.of("email", List.of("Enter a valid email address.")));
    }

    @Test
    void forget_inside_the_cooldown_is_dropped_silently() {
        f.registerVerified("ada");
        f.recovery().forget(ADA);
        f.clock.advance(Duration.ofSeconds(59));

        f.recovery().forget(ADA);
        assertThat(f.mails(NotificationKind.PASSWORD_RESET_CODE, ADA)).hasSize(1);

        f.clock.advance(Duration.ofSeconds(1));
        f.recovery().forget(ADA);
        assertThat(f.mails(NotificationKind.PASSWORD_RESET_CODE, ADA)).hasSize(2);
    }

    @Test
    void the_reset_code_buys_a_short_password_reset_session() {
        f.registerVerified("ada");
        f.recovery().forget(ADA);
        String code = f.lastCode(NotificationKind.PASSWORD_RESET_CODE, ADA);

        SessionGrant grant = f.recovery().verifyCode(VerifyResetCodeCommand.of(ADA, code));

        assertThat(grant.kind()).isEqualTo(SessionKind.PASSWORD_RESET);
        assertThat(grant.refreshToken()).isEmpty();
        assertThat(grant.tokenExpiresAt()).isEqualTo(f.clock.instant().plus(f.policy.resetTokenLifetime()));
        assertThat(f.caller(grant).kind()).isEqualTo(SessionKind.PASSWORD_RESET);
        assertThatThrownBy(() -> f.recovery().verifyCode(VerifyResetCodeCommand.of(ADA, code)))
                .isInstanceOf(AccountFailure.WrongCode.class);
    }

    @Test
    void an_unknown_address_and_a_wrong_code_get_the_same_answer() {
        f.registerVerified("ada");
        f.recovery().forget(ADA);
        String code = f.lastCode(NotificationKind.PASSWORD_RESET_CODE, ADA);

        assertThatThrownBy(() -> f.recovery().verifyCode(VerifyResetCodeCommand.of("nobody@example.com", code)))
                .isInstanceOf(AccountFailure.WrongCode.class);
        assertThatThrownBy(() -> f.recovery().verifyCode(VerifyResetCodeCommand.of(ADA, otherThan(code))))
                .isInstanceOf(AccountFailure.WrongCode.class);
    }

    @Test
    void a_verification_code_is_no_reset_code() {
        f.register("ada");
        String verificationCode = f.lastCode(NotificationKind.VERIFICATION_CODE, ADA);

        assertThatThrownBy(() -> f.recovery().verifyCode(VerifyResetCodeCommand.of(ADA, verificationCode)))
                .isInstanceOf(AccountFailure.WrongCode.class);
    }

    @Test
    void a_reset_sets_the_password_ends_every_session_and_mails_a_notice() {
        SessionGrant login = f.registerVerified("ada");
        AuthenticatedUser resetCaller = resetCaller();

        f.recovery().reset(resetCaller, NewPasswordCommand.of(NEW_PASSWORD, NEW_PASSWORD, null));

        assertThat(f.logIn("ada", NEW_PASSWORD).userId()).isEqualTo(login.userId());
        assertThatThrownBy(() -> f.logIn("ada", PASSWORD)).isInstanceOf(AccountFailure.InvalidCredentials.class);
        assertThatThrownBy(() -> f.caller(login)).isInstanceOf(AccountFailure.SessionEnded.class);
        assertThatThrownBy(() -> f.authentication().refresh(login.refreshToken().orElseThrow()))
                .isInstanceOf(AccountFailure.InvalidCredentials.class);
        assertThat(f.mails(NotificationKind.PASSWORD_CHANGED, ADA))
                .singleElement()
                .satisfies(mail -> {
                    assertThat(mail.values()).containsOnlyKeys(Notification.FIRST_NAME, Notification.CHANGED_AT);
                    assertThat(mail.value(Notification.CHANGED_AT))
                            .isEqualTo(f.clock.instant().toString());
                    assertThat(mail.values().values()).doesNotContain(NEW_PASSWORD);
                });
    }

    @Test
    void a_reset_token_works_once() {
        f.registerVerified("ada");
        AuthenticatedUser resetCaller = resetCaller();
        f.recovery().reset(resetCaller, NewPasswordCommand.of(NEW_PASSWORD, NEW_PASSWORD, null));

        assertThatThrownBy(() -> f.authentication().authenticate(resetCaller.userId(), resetCaller.sessionId()))
                .isInstanceOf(AccountFailure.SessionEnded.class);
        // Even a request that authenticated before the first one finished gets no second reset.
        String third = "yet another passphrase";
        assertThatThrownBy(() -> f.recovery().reset(resetCaller, NewPasswordCommand.of(third, third, null)))
                .isInstanceOf(AccountFailure.SessionEnded.class);
        assertThatThrownBy(() -> f.logIn("ada", third)).isInstanceOf(AccountFailure.InvalidCredentials.class);
    }

    @Test
    void a_reset_proves_the_address_of_a_new_account() {
        f.register("ada");
        f.recovery().forget(ADA);

        f.recovery().reset(resetCaller(), NewPasswordCommand.of(NEW_PASSWORD, NEW_PASSWORD, null));

        assertThat(f.logIn("ada", NEW_PASSWORD).status()).isEqualTo(AuthStatus.VERIFIED);
    }

    @Test
    void a_reset_applies_the_password_policy_and_needs_a_reset_token() {
        SessionGrant login = f.registerVerified("ada");
        AuthenticatedUser resetCaller = resetCaller();

        assertThatThrownBy(() -> f.recovery()
                        .reset(resetCaller, NewPasswordCommand.of("my name is ada!", "my name is ada!", null)))
                .asInstanceOf(type(AccountFailure.InvalidInput.class))
                .extracting(AccountFailure::fieldErrors)
                .isEqualTo(Map.of("password", List.of("Must not contain your username or email.")));
        assertThatThrownBy(() ->
                        f.recovery().reset(f.caller(login), NewPasswordCommand.of(NEW_PASSWORD, NEW_PASSWORD, null)))
                .isInstanceOf(AccountFailure.WrongTokenKind.class);
        // Refused attempts change nothing: the old password and the sessions still stand.
        assertThat(f.caller(login).sessionId()).isEqualTo(login.sessionId());
        assertThat(f.logIn("ada", PASSWORD).userId()).isEqualTo(login.userId());
    }

    @Test
    void a_change_needs_the_current_password_and_ends_every_session_including_the_current_one() {
        SessionGrant current = f.registerVerified("ada");
        SessionGrant other = f.logIn("ada", PASSWORD);
        AuthenticatedUser caller = f.caller(current);

        f.recovery().change(caller, NewPasswordCommand.of(NEW_PASSWORD, NEW_PASSWORD, PASSWORD));

        assertThatThrownBy(() -> f.caller(current)).isInstanceOf(AccountFailure.SessionEnded.class);
        assertThatThrownBy(() -> f.caller(other)).isInstanceOf(AccountFailure.SessionEnded.class);
        assertThat(f.logIn("ada", NEW_PASSWORD).userId()).isEqualTo(current.userId());
        assertThat(f.mails(NotificationKind.PASSWORD_CHANGED, ADA)).hasSize(1);
    }

    @Test
    void a_change_refuses_a_missing_or_wrong_current_password() {
        AuthenticatedUser caller = f.caller(f.registerVerified("ada"));

        assertThatThrownBy(() -> f.recovery().change(caller, NewPasswordCommand.of(NEW_PASSWORD, NEW_PASSWORD, null)))
                .asInstanceOf(type(AccountFailure.InvalidInput.class))
                .extracting(AccountFailure::fieldErrors)
                .isEqualTo(Map.of("old_password", List.of("This field is required.")));
        assertThatThrownBy(
                        () -> f.recovery().change(caller, NewPasswordCommand.of(NEW_PASSWORD, NEW_PASSWORD, "wrong")))
                .isInstanceOf(AccountFailure.WrongPassword.class);
        assertThatThrownBy(() -> f.recovery().change(caller, NewPasswordCommand.of("short", "short", PASSWORD)))
                .asInstanceOf(type(AccountFailure.InvalidInput.class))
                .extracting(AccountFailure::fieldErrors)
                .isEqualTo(Map.of("password", List.of("Must be at least 12 characters.")));
        assertThat(f.authentication()
                        .authenticate(caller.userId(), caller.sessionId())
                        .sessionId())
                .isEqualTo(caller.sessionId());
        assertThat(f.logIn("ada", PASSWORD).userId()).isEqualTo(caller.userId());
    }

    @Test
    void a_change_needs_a_verified_login() {
        AuthenticatedUser newCaller = f.caller(f.register("ada").grant());
        assertThatThrownBy(() ->
                        f.recovery().change(newCaller, NewPasswordCommand.of(NEW_PASSWORD, NEW_PASSWORD, PASSWORD)))
                .isInstanceOf(AccountFailure.NotVerified.class);

        f.recovery().forget(ADA);
        AuthenticatedUser resetCaller = resetCaller();
        assertThatThrownBy(() ->
                        f.recovery().change(resetCaller, NewPasswordCommand.of(NEW_PASSWORD, NEW_PASSWORD, PASSWORD)))
                .isInstanceOf(AccountFailure.WrongTokenKind.class);
    }

    /** Walks forget and forget/verify for ada and returns the reset token's caller. */
    private AuthenticatedUser resetCaller() {
        if (f.mails(NotificationKind.PASSWORD_RESET_CODE, ADA).isEmpty()) {
            f.recovery().forget(ADA);
        }
        String code = f.lastCode(NotificationKind.PASSWORD_RESET_CODE, ADA);
        return f.caller(f.recovery().verifyCode(VerifyResetCodeCommand.of(ADA, code)));
    }
}
