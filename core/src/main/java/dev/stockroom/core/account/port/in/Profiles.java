package dev.stockroom.core.account.port.in;

import dev.stockroom.core.account.domain.Role;
import dev.stockroom.core.account.domain.Username;

public interface Profiles {

    Profile me(AuthenticatedUser caller);

    /** Sets a user's role (the {@code make-admin} command); not reachable over HTTP. */
    Profile assignRole(Username username, Role role);
}
