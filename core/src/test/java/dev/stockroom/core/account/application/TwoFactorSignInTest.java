package dev.stockroom.core.account.application;

import static dev.stockroom.core.account.application.AccountFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.AuditEvent;
import dev.stockroom.core.account.domain.AuditKind;
import dev.stockroom.core.account.domain.Origin;
import dev.stockroom.core.account.domain.Role;
import dev.stockroom.core.account.domain.Totp;
import dev.stockroom.core.account.domain.TotpSecret;
import dev.stockroom.core.account.domain.Username;
import dev.stockroom.core.account.port.in.AuthenticatedUser;
import dev.stockroom.core.account.port.in.CodeCommand;
import dev.stockroom.core.account.port.in.LogInCommand;
import dev.stockroom.core.account.port.in.LogInStep;
import dev.stockroom.core.account.port.in.NewPasswordCommand;
import dev.stockroom.core.account.port.in.SecondFactorCode;
import dev.stockroom.core.account.port.in.SecondFactorLogInCommand;
import dev.stockroom.core.account.port.in.SessionGrant;
import dev.stockroom.core.account.port.in.TotpEnrolment;
import dev.stockroom.core.account.port.in.VerifyResetCodeCommand;
import dev.stockroom.core.notification.domain.NotificationKind;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Two-factor sign-in: enrolment, the two-step login, recovery codes, throttling and disabling. */
class TwoFactorSignInTest {
    private final AccountFixture f = new AccountFixture();

    @Test
    void set_up_needs_the_password_and_answers_a_base32_secret_and_its_otpauth_uri() {
        AuthenticatedUser ada = f.caller(f.registerVerified("ada"));

        assertThatThrownBy(() -> f.twoFactor().setUp(ada, "wrong password!", Origin.UNKNOWN))
                .isInstanceOfSatisfying(
                        AccountFailure.WrongPassword.class,
                        e -> assertThat(e.fieldErrors()).containsKey("password"));
        TotpEnrolment enrolment = f.twoFactor().setUp(ada, PASSWORD, Origin.UNKNOWN);

        assertThat(new TotpSecret(enrolment.secret()).bytes()).hasSize(20);
        assertThat(enrolment.otpauthUri())
                .isEqualTo("otpauth://totp/Stockroom:ada?secret=" + enrolment.secret()
                        + "&issuer=Stockroom&algorithm=SHA1&digits=6&period=30");
        assertThat(f.twoFactor().isEnabled(ada.userId())).isFalse();
        assertThat(f.logIn("ada", PASSWORD)).as("pending: logins stay one step").isNotNull();
    }

    @Test
    void a_second_set_up_before_confirmation_replaces_the_pending_secret() {
        AuthenticatedUser ada = f.caller(f.registerVerified("ada"));
        TotpEnrolment first = f.twoFactor().setUp(ada, PASSWORD, Origin.UNKNOWN);
        TotpEnrolment second = f.twoFactor().setUp(ada, PASSWORD, Origin.UNKNOWN);

        assertThat(second.secret()).isNotEqualTo(first.secret());
        assertThatThrownBy(() -> f.twoFactor().confirm(ada, new CodeCommand(codeNow(first)), Origin.UNKNOWN))
                .isInstanceOf(AccountFailure.WrongCode.class);
        assertThat(f.twoFactor().confirm(ada, new CodeCommand(codeNow(second)), Origin.UNKNOWN))
                .hasSize(10);
    }

    @Test
    void confirmation_enables_it_and_answers_ten_distinct_recovery_codes_once() {
        AuthenticatedUser ada = f.caller(f.registerVerified("ada"));
        assertThatThrownBy(() -> f.twoFactor().confirm(ada, new CodeCommand("123456"), Origin.UNKNOWN))
                .isInstanceOf(AccountFailure.SecondFactorOff.class);
        TotpEnrolment enrolment = f.twoFactor().setUp(ada, PASSWORD, Origin.UNKNOWN);

        List<String> codes = f.twoFactor().confirm(ada, new CodeCommand(codeNow(enrolment)), Origin.UNKNOWN);

        assertThat(new HashSet<>(codes)).hasSize(10);
        assertThat(codes).allMatch(c -> c.matches("[a-z2-7]{5}-[a-z2-7]{5}"));
        assertThat(f.twoFactor().isEnabled(ada.userId())).isTrue();
        assertThat(kinds()).contains(AuditKind.MFA_ENABLED);
        assertThatThrownBy(() -> f.twoFactor().setUp(ada, PASSWORD, Origin.UNKNOWN))
                .isInstanceOf(AccountFailure.SecondFactorOn.class);
        assertThatThrownBy(() -> f.twoFactor().confirm(ada, new CodeCommand(codeNow(enrolment)), Origin.UNKNOWN))
                .isInstanceOf(AccountFailure.SecondFactorOn.class);
    }

    @Test
    void a_login_with_it_on_answers_a_token_and_a_current_code_completes_it() {
        TotpEnrolment enrolment = enrol("ada");
        f.clock.advance(Duration.ofSeconds(30));

        LogInStep step = f.authentication().startLogIn(new LogInCommand("ada", PASSWORD));
        assertThatThrownBy(() -> f.logIn("ada", PASSWORD)).isInstanceOf(AccountFailure.SecondFactorRequired.class);

        assertThat(step).isInstanceOf(LogInStep.SecondFactorRequired.class);
        LogInStep.SecondFactorRequired required = (LogInStep.SecondFactorRequired) step;
        assertThat(required.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(5)));
        SessionGrant grant = f.authentication().completeLogIn(command(required, "code", codeNow(enrolment)));

        assertThat(f.caller(grant).username().value()).isEqualTo("ada");
        assertThat(grant.refreshToken()).isPresent();
        assertThat(grant.deviceToken()).isPresent();
        assertThat(f.store.audit().all())
                .filteredOn(e -> e.kind() == AuditKind.LOGIN_SUCCEEDED)
                .last()
                .extracting(AuditEvent::detail)
                .isEqualTo(java.util.Optional.of("second factor: TOTP"));
        assertThatThrownBy(() -> f.authentication().completeLogIn(command(required, "code", codeNow(enrolment))))
                .as("a token completes one login")
                .isInstanceOf(AccountFailure.InvalidCredentials.class);
    }

    @Test
    void a_code_is_accepted_once_per_time_step_even_inside_its_window() {
        TotpEnrolment enrolment = enrol("ada");
        f.clock.advance(Duration.ofSeconds(30));
        String code = codeNow(enrolment);
        f.authentication().completeLogIn(command(start("ada"), "code", code));

        LogInStep.SecondFactorRequired again = start("ada");
        assertThatThrownBy(() -> f.authentication().completeLogIn(command(again, "code", code)))
                .isInstanceOf(AccountFailure.WrongCode.class);
        String previous = Totp.code(new TotpSecret(enrolment.secret()), Totp.stepAt(f.clock.instant()) - 1);
        assertThatThrownBy(() -> f.authentication().completeLogIn(command(again, "code", previous)))
                .as("an earlier step than one already used")
                .isInstanceOf(AccountFailure.WrongCode.class);
        assertThat(f.store.audit().all())
                .filteredOn(e -> e.kind() == AuditKind.MFA_FAILED)
                .extracting(AuditEvent::detail)
                .contains(java.util.Optional.of("reused code"));

        f.clock.advance(Duration.ofSeconds(30));
        assertThat(f.authentication().completeLogIn(command(again, "code", codeNow(enrolment))))
                .isNotNull();
    }

    @Test
    void a_recovery_code_completes_one_login_and_never_a_second() {
        AuthenticatedUser ada = f.caller(f.registerVerified("ada"));
        TotpEnrolment enrolment = f.twoFactor().setUp(ada, PASSWORD, Origin.UNKNOWN);
        List<String> codes = f.twoFactor().confirm(ada, new CodeCommand(codeNow(enrolment)), Origin.UNKNOWN);

        SessionGrant grant = f.authentication()
                .completeLogIn(
                        command(start("ada"), "recovery_code", codes.get(3).toUpperCase(Locale.ROOT)));

        assertThat(grant.refreshToken()).isPresent();
        assertThat(f.store.secondFactors().recoveryCodesLeft(ada.userId())).isEqualTo(9);
        assertThat(kinds()).contains(AuditKind.MFA_RECOVERY_CODE_USED);
        LogInStep.SecondFactorRequired again = start("ada");
        assertThatThrownBy(() -> f.authentication().completeLogIn(command(again, "recovery_code", codes.get(3))))
                .isInstanceOfSatisfying(
                        AccountFailure.InvalidInput.class,
                        e -> assertThat(e.fieldErrors()).containsKey("recovery_code"));
    }

    @Test
    void the_token_expires_after_five_minutes() {
        TotpEnrolment enrolment = enrol("ada");
        LogInStep.SecondFactorRequired required = start("ada");

        f.clock.advance(Duration.ofMinutes(5));

        assertThatThrownBy(() -> f.authentication().completeLogIn(command(required, "code", codeNow(enrolment))))
                .isInstanceOf(AccountFailure.InvalidCredentials.class);
    }

    @Test
    void the_token_takes_five_codes_then_no_more() {
        TotpEnrolment enrolment = enrol("ada");
        f.clock.advance(Duration.ofSeconds(30));
        LogInStep.SecondFactorRequired required = start("ada");
        String wrong = wrongCode(enrolment);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> f.authentication().completeLogIn(command(required, "code", wrong)))
                    .isInstanceOf(AccountFailure.WrongCode.class);
        }
        f.clock.advance(Duration.ofSeconds(1)); // the delay the fifth wrong code set

        assertThatThrownBy(() -> f.authentication().completeLogIn(command(required, "code", codeNow(enrolment))))
                .isInstanceOf(AccountFailure.TooManyAttempts.class);
        assertThat(f.authentication().completeLogIn(command(start("ada"), "code", codeNow(enrolment))))
                .as("a new login gets new tries")
                .isNotNull();
    }

    @Test
    void wrong_codes_are_throttled_like_wrong_passwords_across_tokens() {
        TotpEnrolment enrolment = enrol("ada");
        f.clock.advance(Duration.ofSeconds(30));
        String wrong = wrongCode(enrolment);
        for (int i = 0; i < 5; i++) {
            LogInStep.SecondFactorRequired required = start("ada");
            assertThatThrownBy(() -> f.authentication().completeLogIn(command(required, "code", wrong)))
                    .isInstanceOf(AccountFailure.WrongCode.class);
        }
        LogInStep.SecondFactorRequired required = start("ada");

        assertThatThrownBy(() -> f.authentication().completeLogIn(command(required, "code", codeNow(enrolment))))
                .isInstanceOfSatisfying(
                        AccountFailure.Throttled.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
        assertThat(kinds()).contains(AuditKind.THROTTLED);

        f.clock.advance(Duration.ofSeconds(1));
        assertThat(f.authentication().completeLogIn(command(required, "code", codeNow(enrolment))))
                .isNotNull();
    }

    @Test
    void an_admins_unlock_clears_the_delay_after_wrong_codes() {
        TotpEnrolment enrolment = enrol("ada");
        f.registerVerified("root");
        f.profiles().assignRole(new Username("root"), Role.ADMIN);
        AuthenticatedUser root = f.caller(f.logIn("root", PASSWORD));
        f.clock.advance(Duration.ofSeconds(30));
        String wrong = wrongCode(enrolment);
        for (int i = 0; i < 5; i++) {
            LogInStep.SecondFactorRequired required = start("ada");
            assertThatThrownBy(() -> f.authentication().completeLogIn(command(required, "code", wrong)))
                    .isInstanceOf(AccountFailure.WrongCode.class);
        }
        assertThat(f.services.administration().user(root, userId()).throttledUntil())
                .isPresent();

        f.services.administration().unlock(root, userId(), Origin.UNKNOWN);

        assertThat(f.authentication().completeLogIn(command(start("ada"), "code", codeNow(enrolment))))
                .isNotNull();
    }

    @Test
    void disabling_needs_the_password_and_a_code_and_makes_logins_one_step_again() {
        AuthenticatedUser ada = f.caller(f.registerVerified("ada"));
        TotpEnrolment enrolment = f.twoFactor().setUp(ada, PASSWORD, Origin.UNKNOWN);
        List<String> codes = f.twoFactor().confirm(ada, new CodeCommand(codeNow(enrolment)), Origin.UNKNOWN);
        f.clock.advance(Duration.ofSeconds(30));

        assertThatThrownBy(() -> f.twoFactor()
                        .disable(
                                ada,
                                "not the password",
                                SecondFactorCode.totp("code", codeNow(enrolment)),
                                Origin.UNKNOWN))
                .isInstanceOf(AccountFailure.WrongPassword.class);
        assertThatThrownBy(() -> f.twoFactor()
                        .disable(ada, PASSWORD, SecondFactorCode.totp("code", wrongCode(enrolment)), Origin.UNKNOWN))
                .isInstanceOf(AccountFailure.WrongCode.class);
        f.twoFactor().disable(ada, PASSWORD, SecondFactorCode.either("code", codes.get(0)), Origin.UNKNOWN);

        assertThat(f.twoFactor().isEnabled(ada.userId())).isFalse();
        assertThat(kinds()).contains(AuditKind.MFA_DISABLED);
        assertThat(f.logIn("ada", PASSWORD).refreshToken()).isPresent();
        assertThatThrownBy(() -> f.twoFactor()
                        .disable(ada, PASSWORD, SecondFactorCode.totp("code", codeNow(enrolment)), Origin.UNKNOWN))
                .isInstanceOf(AccountFailure.SecondFactorOff.class);
    }

    @Test
    void a_password_reset_leaves_it_on() {
        TotpEnrolment enrolment = enrol("ada");
        f.recovery().forget("ada@example.com");
        String code = f.lastCode(NotificationKind.PASSWORD_RESET_CODE, "ada@example.com");
        SessionGrant reset = f.recovery().verifyCode(VerifyResetCodeCommand.of("ada@example.com", code));
        String fresh = "another long passphrase";
        f.recovery().reset(f.caller(reset), NewPasswordCommand.of(fresh, fresh, null), Origin.UNKNOWN);

        assertThat(f.authentication().startLogIn(new LogInCommand("ada", fresh)))
                .isInstanceOf(LogInStep.SecondFactorRequired.class);
        assertThat(f.store.secondFactors().find(userId()).orElseThrow().secret().base32())
                .isEqualTo(enrolment.secret());
    }

    @Test
    void verify_checks_a_code_for_a_re_authenticating_use_case() {
        TotpEnrolment enrolment = enrol("ada");
        f.clock.advance(Duration.ofSeconds(30));

        assertThatThrownBy(() -> f.twoFactor().verify(userId(), wrongCode(enrolment)))
                .isInstanceOf(AccountFailure.WrongCode.class);
        f.twoFactor().verify(userId(), codeNow(enrolment));
        assertThatThrownBy(() -> f.twoFactor().verify(userId(), codeNow(enrolment)))
                .isInstanceOf(AccountFailure.WrongCode.class);
    }

    private dev.stockroom.core.account.domain.UserId userId() {
        return f.store.users().findByUsername(new Username("ada")).orElseThrow().id();
    }

    /** Registers and verifies the user and turns two-factor sign-in on. */
    private TotpEnrolment enrol(String username) {
        AuthenticatedUser caller = f.caller(f.registerVerified(username));
        TotpEnrolment enrolment = f.twoFactor().setUp(caller, PASSWORD, Origin.UNKNOWN);
        f.twoFactor().confirm(caller, new CodeCommand(codeNow(enrolment)), Origin.UNKNOWN);
        return enrolment;
    }

    private LogInStep.SecondFactorRequired start(String username) {
        return (LogInStep.SecondFactorRequired) f.authentication().startLogIn(new LogInCommand(username, PASSWORD));
    }

    private static SecondFactorLogInCommand command(
            LogInStep.SecondFactorRequired required, String field, String code) {
        return SecondFactorLogInCommand.of(
                required.mfaToken(),
                "code".equals(field) ? code : null,
                "recovery_code".equals(field) ? code : null,
                Origin.UNKNOWN);
    }

    /** A code of none of the steps in the window around now. */
    private String wrongCode(TotpEnrolment enrolment) {
        TotpSecret secret = new TotpSecret(enrolment.secret());
        long now = Totp.stepAt(f.clock.instant());
        List<String> window = LongStream.rangeClosed(now - 1, now + 1)
                .mapToObj(step -> Totp.code(secret, step))
                .toList();
        for (int i = 0; ; i++) {
            String candidate = String.format(Locale.ROOT, "%06d", i);
            if (!window.contains(candidate)) {
                return candidate;
            }
        }
    }

    private String codeNow(TotpEnrolment enrolment) {
        return Totp.code(new TotpSecret(enrolment.secret()), Totp.stepAt(f.clock.instant()));
    }

    private List<AuditKind> kinds() {
        return f.store.audit().all().stream().map(AuditEvent::kind).toList();
    }
}
