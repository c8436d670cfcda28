package dev.stockroom.core.account.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.AuditKind;
import dev.stockroom.core.account.domain.AuthStatus;
import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.account.domain.Role;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.domain.Username;
import dev.stockroom.core.account.port.in.AuthenticatedUser;
import dev.stockroom.core.account.port.in.Profile;
import dev.stockroom.core.account.port.in.Registered;
import org.junit.jupiter.api.Test;

class ProfileServiceTest {
    private final AccountFixture f = new AccountFixture();

    @Test
    void me_shows_the_stored_account_even_to_a_new_one() {
        Registered registered = f.register("ada");

        Profile me = f.profiles().me(f.caller(registered.grant()));

        assertThat(me.id()).isEqualTo(registered.grant().userId());
        assertThat(me.username()).isEqualTo(new Username("ada"));
        assertThat(me.email()).isEqualTo(new EmailAddress("ada@example.com"));
        assertThat(me.firstName().value()).isEqualTo("Ada");
        assertThat(me.status()).isEqualTo(AuthStatus.NEW);
        assertThat(me.createdAt()).isEqualTo(AccountFixture.START);
    }

    @Test
    void me_refuses_a_reset_token() {
        AuthenticatedUser caller = f.caller(f.register("ada").grant());
        AuthenticatedUser resetCaller = new AuthenticatedUser(
                caller.userId(),
                caller.sessionId(),
                SessionKind.PASSWORD_RESET,
                caller.username(),
                caller.status(),
                caller.role());

        assertThatThrownBy(() -> f.profiles().me(resetCaller)).isInstanceOf(AccountFailure.WrongTokenKind.class);
    }

    @Test
    void assign_role_finds_the_user_without_regard_to_case() {
        f.register("ada");

        Profile admin = f.profiles().assignRole(new Username("ADA"), Role.ADMIN);

        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(f.store
                        .users()
                        .findByUsername(new Username("ada"))
                        .orElseThrow()
                        .role())
                .isEqualTo(Role.ADMIN);
        assertThatThrownBy(() -> f.profiles().assignRole(new Username("ada"), Role.USER))
                .as("the last admin")
                .isInstanceOf(AccountFailure.LastAdmin.class);
        f.register("bob");
        f.profiles().assignRole(new Username("bob"), Role.ADMIN);
        assertThat(f.profiles().assignRole(new Username("ada"), Role.USER).role())
                .isEqualTo(Role.USER);
        assertThat(f.store.audit().all())
                .filteredOn(e -> e.kind() == AuditKind.ROLE_CHANGED)
                .hasSize(3);
    }

    @Test
    void assign_role_to_an_unknown_user_fails() {
        assertThatThrownBy(() -> f.profiles().assignRole(new Username("nobody"), Role.ADMIN))
                .isInstanceOf(AccountFailure.UserNotFound.class)
                .hasMessage("No user named nobody.");
    }
}
