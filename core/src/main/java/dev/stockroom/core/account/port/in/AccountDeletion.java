package dev.stockroom.core.account.port.in;

import dev.stockroom.core.account.domain.Origin;
import dev.stockroom.core.account.domain.UserId;

/**
 * Deleting an account: every session ends, the user's personal data is deleted (the audit trail
 * keeps what happened under an id that names nobody), the username and email are free again, the
 * user's products are dealt with as configured, and a notice goes to the address.
 */
public interface AccountDeletion {

    /**
     * The caller deletes their own account.
     *
     * @throws dev.stockroom.core.account.domain.AccountFailure.WrongPassword when the password is wrong
     * @throws dev.stockroom.core.account.domain.AccountFailure.InvalidInput  when two-factor sign-in is on and no code is given
     * @throws dev.stockroom.core.account.domain.AccountFailure.LastAdmin     for the last enabled admin
     */
    void deleteOwn(AuthenticatedUser caller, DeleteAccountCommand command, Origin origin);

    /**
     * An admin deletes a user's account.
     *
     * @throws dev.stockroom.core.account.domain.AccountFailure.NotAdmin     for anyone else
     * @throws dev.stockroom.core.account.domain.AccountFailure.UserNotFound when there is no such user
     * @throws dev.stockroom.core.account.domain.AccountFailure.LastAdmin    for the last enabled admin
     */
    void deleteByAdmin(AuthenticatedUser admin, UserId id, Origin origin);
}
