package dev.stockroom.core.account.application;

import static dev.stockroom.core.account.application.AccountFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.AccountPolicy;
import dev.stockroom.core.account.domain.AuditKind;
import dev.stockroom.core.account.domain.Origin;
import dev.stockroom.core.account.domain.Session;
import dev.stockroom.core.account.domain.SessionId;
import dev.stockroom.core.account.port.in.AuthenticatedUser;
import dev.stockroom.core.account.port.in.LogInCommand;
import dev.stockroom.core.account.port.in.SessionGrant;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A user's own sessions, where they came from, and refresh-token reuse. */
class OwnSessionsTest {
    private static final Origin PHONE = Origin.of("203.0.113.5", "Phone/1.0");
    private final AccountFixture f = new AccountFixture();

    @Test
    void lists_the_callers_live_login_sessions_newest_first_with_their_origin() {
        SessionGrant registered = f.registerVerified("ada");
        f.clock.advance(Duration.ofMinutes(1));
        SessionGrant phone = f.logIn(new LogInCommand("ada", PASSWORD, Optional.empty(), PHONE));
        f.registerVerified("bob");

        assertThat(f.authentication().sessionsOf(f.caller(registered)))
                .extracting(Session::id, Session::origin)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(phone.sessionId(), PHONE),
                        org.assertj.core.groups.Tuple.tuple(registered.sessionId(), Origin.UNKNOWN));
    }

    @Test
    void ends_one_of_its_own_sessions_but_not_another_users() {
        SessionGrant laptop = f.registerVerified("ada");
        SessionGrant phone = f.logIn("ada", PASSWORD);
        SessionGrant bob = f.registerVerified("bob");
        AuthenticatedUser ada = f.caller(laptop);

        assertThatThrownBy(() -> f.authentication().endSession(ada, bob.sessionId(), PHONE))
                .isInstanceOf(AccountFailure.SessionNotFound.class);
        assertThatThrownBy(() -> f.authentication().endSession(ada, SessionId.random(), PHONE))
                .isInstanceOf(AccountFailure.SessionNotFound.class);
        f.authentication().endSession(ada, phone.sessionId(), PHONE);

        assertThatThrownBy(() -> f.caller(phone)).isInstanceOf(AccountFailure.SessionEnded.class);
        assertThat(f.caller(laptop).userId()).isEqualTo(laptop.userId());
        assertThat(f.caller(bob).userId()).isEqualTo(bob.userId());
        assertThatThrownBy(() -> f.authentication().endSession(ada, phone.sessionId(), PHONE))
                .as("already ended")
                .isInstanceOf(AccountFailure.SessionNotFound.class);
        assertThat(f.store.audit().all())
                .filteredOn(e -> e.kind() == AuditKind.SESSION_ENDED)
                .singleElement()
                .satisfies(e -> assertThat(e.sessionId()).contains(phone.sessionId()));
    }

    @Test
    void a_refresh_moves_the_sessions_last_use() {
        SessionGrant ada = f.registerVerified("ada");
        f.clock.advance(Duration.ofMinutes(5));

        f.authentication().refresh(ada.refreshToken().orElseThrow());

        assertThat(f.store.sessions().findById(ada.sessionId()).orElseThrow().lastUsedAt())
                .isEqualTo(f.clock.instant());
    }

    @Test
    void by_default_a_reused_refresh_token_ends_the_session_and_is_recorded() {
        SessionGrant ada = f.registerVerified("ada");
        String first = ada.refreshToken().orElseThrow();
        f.authentication().refresh(first);

        assertThatThrownBy(() -> f.authentication().refresh(first))
                .isInstanceOf(AccountFailure.InvalidCredentials.class);

        assertThatThrownBy(() -> f.caller(ada)).isInstanceOf(AccountFailure.SessionEnded.class);
        assertThat(f.store.audit().all())
                .filteredOn(e -> e.kind() == AuditKind.REFRESH_REUSED)
                .hasSize(1);
    }

    @Test
    void within_the_reuse_interval_a_replay_gets_a_fresh_token_and_the_session_stays() {
        AccountServices lenient = new AccountServices(
                f.store.users(),
                f.store.sessions(),
                f.store.codes(),
                f.store.loginAttempts(),
                f.store.devices(),
                f.store.audit(),
                f.store.outbox(),
                f.store.transactions(),
                f.hasher,
                AccountPolicy.defaults().withRefreshReuseInterval(Duration.ofSeconds(10)),
                f.clock,
                new java.security.SecureRandom());
        SessionGrant ada = f.registerVerified("ada");
        String first = ada.refreshToken().orElseThrow();
        String second = lenient.authentication().refresh(first).refreshToken().orElseThrow();

        f.clock.advance(Duration.ofSeconds(10));
        String replayed = lenient.authentication().refresh(first).refreshToken().orElseThrow();

        assertThat(replayed).isNotEqualTo(second);
        assertThat(lenient.authentication().refresh(second).sessionId()).isEqualTo(ada.sessionId());
        f.clock.advance(Duration.ofSeconds(11));
        assertThatThrownBy(() -> lenient.authentication().refresh(first))
                .as("past the interval")
                .isInstanceOf(AccountFailure.InvalidCredentials.class);
        assertThatThrownBy(() -> f.caller(ada)).isInstanceOf(AccountFailure.SessionEnded.class);
    }

    @Test
    void account_changes_are_recorded_with_their_origin() {
        SessionGrant ada = f.registerVerified("ada");
        f.authentication()
                .logOut(
                        f.caller(f.logIn("ada", PASSWORD)),
                        dev.stockroom.core.account.port.in.LogOutCommand.current(),
                        PHONE);

        assertThat(f.store.audit().all())
                .extracting(e -> e.kind())
                .containsExactly(
                        AuditKind.REGISTERED, AuditKind.VERIFIED, AuditKind.LOGIN_SUCCEEDED, AuditKind.LOGGED_OUT);
        assertThat(f.store.audit().all()).last().satisfies(e -> {
            assertThat(e.origin()).isEqualTo(PHONE);
            assertThat(e.userId()).contains(ada.userId());
            assertThat(e.username().orElseThrow().value()).isEqualTo("ada");
        });
    }
}
