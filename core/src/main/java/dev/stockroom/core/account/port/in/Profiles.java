package dev.stockroom.core.account.port.in;

import dev.stockroom.core.account.domain.Origin;
import dev.stockroom.core.account.domain.Role;
import dev.stockroom.core.account.domain.Username;

public interface Profiles {

    Profile me(AuthenticatedUser caller);

    /**
     * Changes the caller's names and language, those given; nothing is written (and no event
     * recorded) when nothing differs from what is stored.
     *
     * @throws dev.stockroom.core.account.domain.AccountFailure.WrongTokenKind for a reset token
     */
    Profile update(AuthenticatedUser caller, ProfileChange change, Origin origin);

    /** Sets a user's role (the {@code make-admin} command); not reachable over HTTP. */
    Profile assignRole(Username username, Role role);
}
