package dev.stockroom.core.account.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.core.account.domain.AuthStatus;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.port.in.AuthenticatedUser;
import dev.stockroom.core.account.port.in.CodeCommand;
import dev.stockroom.core.account.port.in.Registered;
import dev.stockroom.core.account.port.in.SessionGrant;
import dev.stockroom.core.account.port.in.VerifyResetCodeCommand;
import dev.stockroom.core.notification.application.CappedOutbox;
import dev.stockroom.core.notification.domain.NotificationKind;
import dev.stockroom.core.throttling.application.FixedWindowRateLimiter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The account use cases behind the cap on mail to one address (five of a kind an hour): beyond
 * it they answer as ever, send nothing, and keep the code mailed last working.
 */
class MailCapTest {
    private static final String ADA = "ada@example.com";
    private static final Duration PAST_COOLDOWN = Duration.ofSeconds(61);

    private final AccountFixture f = new AccountFixture();
    private final AccountServices capped = f.services(
            f.store.users(),
            new CappedOutbox(
                    f.store.outbox(),
                    new FixedWindowRateLimiter(f.store.rateCounters(), f.clock),
                    5,
                    Duration.ofHours(1)));

    @Test
    void the_sixth_reset_code_within_the_hour_is_not_sent_and_the_fifth_still_works() {
        f.registerVerified("ada");
        for (int i = 0; i < 6; i++) {
            f.clock.advance(PAST_COOLDOWN);
            capped.passwordRecovery().forget(ADA);
        }

        assertThat(f.mails(NotificationKind.PASSWORD_RESET_CODE, ADA)).hasSize(5);
        SessionGrant reset = capped.passwordRecovery()
                .verifyCode(VerifyResetCodeCommand.of(ADA, f.lastCode(NotificationKind.PASSWORD_RESET_CODE, ADA)));
        assertThat(reset.kind()).isEqualTo(SessionKind.PASSWORD_RESET);
    }

    @Test
    void the_cap_starts_afresh_with_the_next_hour() {
        f.registerVerified("ada");
        for (int i = 0; i < 6; i++) {
            f.clock.advance(PAST_COOLDOWN);
            capped.passwordRecovery().forget(ADA);
        }

        f.clock.advance(Duration.ofHours(1));
        capped.passwordRecovery().forget(ADA);

        assertThat(f.mails(NotificationKind.PASSWORD_RESET_CODE, ADA)).hasSize(6);
    }

    @Test
    void a_resend_beyond_the_cap_answers_as_ever_but_replaces_no_code() {
        Registered registered = capped.registration().register(AccountFixture.registerCommand("ada"));
        AuthenticatedUser caller = f.caller(registered.grant());
        for (int i = 0; i < 5; i++) {
            f.clock.advance(PAST_COOLDOWN);
            capped.registration().resendCode(caller);
        }

        assertThat(f.mails(NotificationKind.VERIFICATION_CODE, ADA)).hasSize(5);
        SessionGrant verified = capped.registration()
                .verify(caller, new CodeCommand(f.lastCode(NotificationKind.VERIFICATION_CODE, ADA)));
        assertThat(verified.status()).isEqualTo(AuthStatus.VERIFIED);
    }

    @Test
    void without_the_cap_every_reset_code_is_sent() {
        f.registerVerified("ada");
        for (int i = 0; i < 6; i++) {
            f.clock.advance(PAST_COOLDOWN);
            f.recovery().forget(ADA);
        }

        assertThat(f.mails(NotificationKind.PASSWORD_RESET_CODE, ADA)).hasSize(6);
    }
}
