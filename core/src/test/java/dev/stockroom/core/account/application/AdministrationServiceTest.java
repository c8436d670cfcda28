package dev.stockroom.core.account.application;

import static dev.stockroom.core.account.application.AccountFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.AuditEvent;
import dev.stockroom.core.account.domain.AuditKind;
import dev.stockroom.core.account.domain.AuditQuery;
import dev.stockroom.core.account.domain.Origin;
import dev.stockroom.core.account.domain.Role;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.domain.UserQuery;
import dev.stockroom.core.account.domain.Username;
import dev.stockroom.core.account.port.in.Administration;
import dev.stockroom.core.account.port.in.AuthenticatedUser;
import dev.stockroom.core.account.port.in.SessionGrant;
import dev.stockroom.core.account.port.in.UserDetail;
import dev.stockroom.core.shared.Page;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdministrationServiceTest {
    private static final Origin DESK = Origin.of("198.51.100.7", "admin console");

    private final AccountFixture f = new AccountFixture();
    private Administration admin;
    private AuthenticatedUser root;
    private SessionGrant ada;

    @BeforeEach
    void setUp() {
        admin = f.services.administration();
        f.registerVerified("root");
        f.profiles().assignRole(new Username("root"), Role.ADMIN);
        root = f.caller(f.logIn("root", PASSWORD));
        ada = f.registerVerified("ada");
    }

    @Test
    void only_an_admin_may_administer() {
        AuthenticatedUser user = f.caller(ada);

        assertThatThrownBy(() -> admin.users(user, UserQuery.all())).isInstanceOf(AccountFailure.NotAdmin.class);
        assertThatThrownBy(() -> admin.disable(user, ada.userId(), DESK)).isInstanceOf(AccountFailure.NotAdmin.class);
        assertThatThrownBy(() -> admin.events(user, AuditQuery.all())).isInstanceOf(AccountFailure.NotAdmin.class);
    }

    @Test
    void lists_and_searches_users_and_shows_one_with_its_sessions_and_events() {
        f.registerVerified("bob");
        Page<dev.stockroom.core.account.domain.User> found =
                admin.users(root, UserQuery.parse("AD", null, null, null, null, null));

        assertThat(found.items()).extracting(u -> u.username().value()).containsExactly("ada");
        assertThat(admin.users(root, UserQuery.all()).total()).isEqualTo(3);
        UserDetail detail = admin.user(root, ada.userId());
        assertThat(detail.sessions()).extracting(s -> s.id()).containsExactly(ada.sessionId());
        assertThat(detail.recentEvents())
                .extracting(AuditEvent::kind)
                .containsExactlyInAnyOrder(AuditKind.VERIFIED, AuditKind.REGISTERED);
        assertThat(detail.throttledUntil()).isEmpty();
        assertThatThrownBy(() -> admin.user(root, UserId.random())).isInstanceOf(AccountFailure.UserNotFound.class);
    }

    @Test
    void disabling_ends_every_session_at_once_and_login_and_refresh_are_refused_until_enabled() {
        SessionGrant second = f.logIn("ada", PASSWORD);

        assertThat(admin.disable(root, ada.userId(), DESK).isDisabled()).isTrue();

        assertThatThrownBy(() -> f.caller(second)).isInstanceOf(AccountFailure.SessionEnded.class);
        assertThatThrownBy(
                        () -> f.authentication().refresh(second.refreshToken().orElseThrow()))
                .isInstanceOf(AccountFailure.InvalidCredentials.class);
        assertThatThrownBy(() -> f.logIn("ada", PASSWORD)).isInstanceOf(AccountFailure.InvalidCredentials.class);

        admin.enable(root, ada.userId(), DESK);
        assertThat(f.logIn("ada", PASSWORD).refreshToken()).isPresent();
        assertThat(admin.events(root, AuditQuery.of(ada.userId()).withKind(AuditKind.DISABLED))
                        .items())
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).contains(root.userId());
                    assertThat(e.origin()).isEqualTo(DESK);
                });
    }

    @Test
    void unlock_clears_the_throttling_of_the_name_the_address_and_the_devices() {
        for (int i = 0; i < f.policy.loginThrottle().freeFailures(); i++) {
            assertThatThrownBy(() -> f.logIn("ada", "wrong password here"))
                    .isInstanceOf(AccountFailure.InvalidCredentials.class);
            assertThatThrownBy(() -> f.logIn("ada@example.com", "wrong password here"))
                    .isInstanceOf(AccountFailure.InvalidCredentials.class);
        }
        assertThat(admin.user(root, ada.userId()).throttledUntil())
                .contains(f.clock.instant().plus(Duration.ofSeconds(1)));

        admin.unlock(root, ada.userId(), DESK);

        assertThat(f.logIn("ada", PASSWORD).refreshToken()).isPresent();
        assertThat(f.logIn("ada@example.com", PASSWORD).refreshToken()).isPresent();
    }

    @Test
    void ending_a_users_sessions_logs_every_device_out() {
        SessionGrant second = f.logIn("ada", PASSWORD);

        assertThat(admin.endSessions(root, ada.userId(), DESK)).isEqualTo(2);

        assertThatThrownBy(() -> f.caller(second)).isInstanceOf(AccountFailure.SessionEnded.class);
        assertThatThrownBy(() -> f.caller(ada)).isInstanceOf(AccountFailure.SessionEnded.class);
        assertThat(f.logIn("ada", PASSWORD).refreshToken()).as("not disabled").isPresent();
    }

    @Test
    void the_role_changes_but_never_away_from_the_last_enabled_admin() {
        assertThatThrownBy(() -> admin.changeRole(root, root.userId(), Role.USER, DESK))
                .isInstanceOf(AccountFailure.LastAdmin.class);
        assertThatThrownBy(() -> admin.disable(root, root.userId(), DESK)).isInstanceOf(AccountFailure.LastAdmin.class);

        assertThat(admin.changeRole(root, ada.userId(), Role.ADMIN, DESK).role())
                .isEqualTo(Role.ADMIN);
        assertThat(admin.changeRole(root, root.userId(), Role.USER, DESK).role())
                .isEqualTo(Role.USER);

        AuthenticatedUser demoted = f.caller(f.logIn("root", PASSWORD));
        assertThatThrownBy(() -> admin.users(demoted, UserQuery.all())).isInstanceOf(AccountFailure.NotAdmin.class);
        assertThat(admin.events(
                                f.caller(f.logIn("ada", PASSWORD)),
                                AuditQuery.all().withKind(AuditKind.ROLE_CHANGED))
                        .items())
                .extracting(e -> e.detail().orElseThrow())
                .containsExactlyInAnyOrder(
                        "role ADMIN to USER", "role USER to ADMIN", "role ADMIN by the make-admin command");
    }

    @Test
    void events_never_carry_a_password_code_or_token() {
        f.logIn("ada", PASSWORD);
        f.authentication().refresh(ada.refreshToken().orElseThrow(), DESK);

        for (AuditEvent event : admin.events(
                        root,
                        new AuditQuery(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                new dev.stockroom.core.shared.PageRequest(1, 100)))
                .items()) {
            assertThat(event.toString())
                    .doesNotContain(PASSWORD)
                    .doesNotContain(ada.refreshToken().orElseThrow());
        }
    }
}
