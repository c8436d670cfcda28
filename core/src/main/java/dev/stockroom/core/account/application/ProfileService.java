package dev.stockroom.core.account.application;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.Role;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.Username;
import dev.stockroom.core.account.port.in.AuthenticatedUser;
import dev.stockroom.core.account.port.in.Profile;
import dev.stockroom.core.account.port.in.Profiles;
import dev.stockroom.core.account.port.out.UserRepository;
import java.time.Clock;

final class ProfileService implements Profiles {
    private final UserRepository users;
    private final Clock clock;

    ProfileService(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    public Profile me(AuthenticatedUser caller) {
        Callers.requireKind(caller, SessionKind.LOGIN);
        return Profile.from(Callers.storedUser(users, caller));
    }

    @Override
    public Profile assignRole(Username username, Role role) {
        User user = users.findByUsername(username).orElseThrow(() -> new AccountFailure.UserNotFound("named " + username));
        User changed = user.withRole(role, clock.instant());
        users.update(changed);
        return Profile.from(changed);
    }
}
