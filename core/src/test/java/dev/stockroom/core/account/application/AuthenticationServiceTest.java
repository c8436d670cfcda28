package dev.stockroom.core.account.application;

import static dev.stockroom.core.account.application.AccountFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.AuthStatus;
import dev.stockroom.core.account.domain.Role;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.domain.Username;
import dev.stockroom.core.account.port.in.AuthenticatedUser;
import dev.stockroom.core.account.port.in.LogOutCommand;
import dev.stockroom.core.account.port.in.Registered;
import dev.stockroom.core.account.port.in.SessionGrant;
import dev.stockroom.core.contract.Race;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AuthenticationServiceTest {
    private final AccountFixture f = new AccountFixture();

    @Test
    void logs_in_by_username_or_email_without_regard_to_case() {
        SessionGrant registered = f.registerVerified("ada");

        SessionGrant byName = f.logIn("ADA", PASSWORD);
        SessionGrant byMail = f.logIn("Ada@Example.COM", PASSWORD);

        for (SessionGrant grant : List.of(byName, byMail)) {
            assertThat(grant.userId()).isEqualTo(registered.userId());
            assertThat(grant.kind()).isEqualTo(SessionKind.LOGIN);
            assertThat(grant.status()).isEqualTo(AuthStatus.VERIFIED);
            assertThat(grant.refreshToken()).isPresent();
            assertThat(grant.sessionId()).isNotEqualTo(registered.sessionId());
        }
        assertThat(byName.sessionId()).isNotEqualTo(byMail.sessionId());
    }

    @Test
    void a_wrong_password_and_an_unknown_user_get_the_same_failure_and_the_same_hashing_work() {
        f.registerVerified("ada");
        int before = f.hasher.verifications.get();

        assertThatThrownBy(() -> f.logIn("ada", "not the passphrase at all"))
                .isInstanceOf(AccountFailure.InvalidCredentials.class);
        assertThat(f.hasher.verifications.get()).isEqualTo(before + 1);

        assertThatThrownBy(() -> f.logIn("nobody", PASSWORD)).isInstanceOf(AccountFailure.InvalidCredentials.class);
        assertThat(f.hasher.verifications.get()).isEqualTo(before + 2);

        assertThatThrownBy(() -> f.logIn("nobody@example.com", PASSWORD))
                .isInstanceOf(AccountFailure.InvalidCredentials.class);
        assertThat(f.hasher.verifications.get()).isEqualTo(before + 3);

        // Neither a possible username nor a possible address: still one verification.
        assertThatThrownBy(() -> f.logIn("x", PASSWORD)).isInstanceOf(AccountFailure.InvalidCredentials.class);
        assertThatThrownBy(() -> f.logIn("@@", PASSWORD)).isInstanceOf(AccountFailure.InvalidCredentials.class);
        assertThat(f.hasher.verifications.get()).isEqualTo(before + 5);
    }

    @Test
    void a_new_account_may_log_in_and_keeps_its_status() {
        f.register("ada");

        SessionGrant grant = f.logIn("ada", PASSWORD);

        assertThat(grant.status()).isEqualTo(AuthStatus.NEW);
        assertThat(grant.refreshToken()).isPresent();
        assertThat(f.caller(grant).status()).isEqualTo(AuthStatus.NEW);
    }

    @Test
    void refresh_rotates_the_token_within_the_same_session() {
        SessionGrant first = f.registerVerified("ada");
        f.clock.advance(Duration.ofMinutes(5));

        SessionGrant second = f.authentication().refresh(first.refreshToken().orElseThrow());

        assertThat(second.sessionId()).isEqualTo(first.sessionId());
        assertThat(second.refreshToken()).isPresent().isNotEqualTo(first.refreshToken());
        assertThat(second.tokenExpiresAt()).isEqualTo(f.clock.instant().plus(f.policy.accessTokenLifetime()));
        assertThat(f.authentication()
                        .refresh(second.refreshToken().orElseThrow())
                        .sessionId())
                .isEqualTo(first.sessionId());
    }

    @Test
    void a_replayed_refresh_token_ends_the_whole_family() {
        SessionGrant first = f.registerVerified("ada");
        String spent = first.refreshToken().orElseThrow();
        SessionGrant second = f.authentication().refresh(spent);

        assertThatThrownBy(() -> f.authentication().refresh(spent))
                .isInstanceOf(AccountFailure.InvalidCredentials.class);

        assertThatThrownBy(
                        () -> f.authentication().refresh(second.refreshToken().orElseThrow()))
                .isInstanceOf(AccountFailure.InvalidCredentials.class);
        assertThatThrownBy(() -> f.caller(second)).isInstanceOf(AccountFailure.SessionEnded.class);
    }

    @Test
    void a_replay_ends_only_its_own_family() {
        SessionGrant stolen = f.registerVerified("ada");
        SessionGrant elsewhere = f.logIn("ada", PASSWORD);
        f.authentication().refresh(stolen.refreshToken().orElseThrow());

        assertThatThrownBy(
                        () -> f.authentication().refresh(stolen.refreshToken().orElseThrow()))
                .isInstanceOf(AccountFailure.InvalidCredentials.class);

        assertThat(f.authentication()
                        .refresh(elsewhere.refreshToken().orElseThrow())
                        .sessionId())
                .isEqualTo(elsewhere.sessionId());
    }

    @Test
    void unknown_blank_and_expired_refresh_tokens_are_refused() {
        SessionGrant grant = f.registerVerified("ada");

        assertThatThrownBy(() -> f.authentication().refresh("")).isInstanceOf(AccountFailure.InvalidCredentials.class);
        assertThatThrownBy(() -> f.authentication().refresh(null))
                .isInstanceOf(AccountFailure.InvalidCredentials.class);
        assertThatThrownBy(() -> f.authentication().refresh("made-up-token"))
                .isInstanceOf(AccountFailure.InvalidCredentials.class);

        f.clock.advance(f.policy.sessionLifetime());
        assertThatThrownBy(() -> f.authentication().refresh(grant.refreshToken().orElseThrow()))
                .isInstanceOf(AccountFailure.InvalidCredentials.class);
    }

    @Test
    void an_access_token_never_outlives_its_session() {
        SessionGrant grant = f.registerVerified("ada");
        f.clock.advance(f.policy.sessionLifetime().minusMinutes(3));

        SessionGrant late = f.authentication().refresh(grant.refreshToken().orElseThrow());

        assertThat(late.tokenExpiresAt())
                .isEqualTo(f.store
                        .sessions()
                        .findById(grant.sessionId())
                        .orElseThrow()
                        .expiresAt());
    }

    @Test
    void of_concurrent_refreshes_with_one_token_exactly_one_wins() throws Exception {
        String token = f.registerVerified("ada").refreshToken().orElseThrow();
        int racers = 8;
        List<Future<SessionGrant>> results =
                Race.settle(racers, () -> f.authentication().refresh(token));

        int won = 0;
        int refused = 0;
        for (Future<SessionGrant> result : results) {
            try {
                result.get();
                won++;
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(AccountFailure.InvalidCredentials.class);
                refused++;
            }
        }
        assertThat(won).isEqualTo(1);
        assertThat(refused).isEqualTo(racers - 1);
    }

    @Test
    void log_out_ends_the_callers_session_only() {
        SessionGrant current = f.registerVerified("ada");
        SessionGrant other = f.logIn("ada", PASSWORD);

        f.authentication().logOut(f.caller(current), LogOutCommand.current());

        assertThatThrownBy(() -> f.caller(current)).isInstanceOf(AccountFailure.SessionEnded.class);
        assertThatThrownBy(
                        () -> f.authentication().refresh(current.refreshToken().orElseThrow()))
                .isInstanceOf(AccountFailure.InvalidCredentials.class);
        assertThat(f.caller(other).sessionId()).isEqualTo(other.sessionId());
    }

    @Test
    void log_out_with_a_refresh_token_ends_that_session_too_when_it_is_the_callers_own() {
        SessionGrant current = f.registerVerified("ada");
        SessionGrant other = f.logIn("ada", PASSWORD);
        SessionGrant third = f.logIn("ada", PASSWORD);

        f.authentication().logOut(f.caller(current), new LogOutCommand(other.refreshToken(), false));

        assertThatThrownBy(() -> f.caller(current)).isInstanceOf(AccountFailure.SessionEnded.class);
        assertThatThrownBy(() -> f.caller(other)).isInstanceOf(AccountFailure.SessionEnded.class);
        assertThat(f.caller(third).sessionId()).isEqualTo(third.sessionId());
    }

    @Test
    void a_foreign_refresh_token_at_log_out_is_ignored() {
        SessionGrant ada = f.registerVerified("ada");
        SessionGrant bob = f.registerVerified("bob");

        f.authentication().logOut(f.caller(ada), new LogOutCommand(bob.refreshToken(), false));

        assertThatThrownBy(() -> f.caller(ada)).isInstanceOf(AccountFailure.SessionEnded.class);
        assertThat(f.caller(bob).sessionId()).isEqualTo(bob.sessionId());
        assertThat(f.authentication().refresh(bob.refreshToken().orElseThrow()).userId())
                .isEqualTo(bob.userId());
    }

    @Test
    void log_out_all_ends_every_session_of_the_caller() {
        SessionGrant current = f.registerVerified("ada");
        SessionGrant other = f.logIn("ada", PASSWORD);
        SessionGrant bob = f.registerVerified("bob");

        f.authentication().logOut(f.caller(current), new LogOutCommand(Optional.empty(), true));

        assertThatThrownBy(() -> f.caller(current)).isInstanceOf(AccountFailure.SessionEnded.class);
        assertThatThrownBy(() -> f.caller(other)).isInstanceOf(AccountFailure.SessionEnded.class);
        assertThat(f.caller(bob).userId()).isEqualTo(bob.userId());
    }

    @Test
    void a_new_account_may_log_out_but_a_reset_token_may_not() {
        Registered registered = f.register("ada");
        AuthenticatedUser caller = f.caller(registered.grant());
        AuthenticatedUser resetCaller = new AuthenticatedUser(
                caller.userId(),
                caller.sessionId(),
                SessionKind.PASSWORD_RESET,
                caller.username(),
                caller.status(),
                caller.role());

        assertThatThrownBy(() -> f.authentication().logOut(resetCaller, LogOutCommand.current()))
                .isInstanceOf(AccountFailure.WrongTokenKind.class);
        f.authentication().logOut(caller, LogOutCommand.current());
        assertThatThrownBy(() -> f.caller(registered.grant())).isInstanceOf(AccountFailure.SessionEnded.class);
    }

    @Test
    void authenticate_confirms_owner_and_lifetime_and_reports_the_stored_status_and_role() {
        SessionGrant ada = f.registerVerified("ada");
        SessionGrant bob = f.registerVerified("bob");

        assertThatThrownBy(() -> f.authentication().authenticate(ada.userId(), bob.sessionId()))
                .isInstanceOf(AccountFailure.SessionEnded.class);

        f.profiles().assignRole(new Username("ada"), Role.ADMIN);
        AuthenticatedUser caller = f.caller(ada);
        assertThat(caller.role()).isEqualTo(Role.ADMIN);
        assertThat(caller.status()).isEqualTo(AuthStatus.VERIFIED);
        assertThat(caller.username()).isEqualTo(new Username("ada"));
        assertThat(caller.kind()).isEqualTo(SessionKind.LOGIN);

        f.clock.advance(f.policy.sessionLifetime());
        assertThatThrownBy(() -> f.caller(ada)).isInstanceOf(AccountFailure.SessionEnded.class);
    }
}
