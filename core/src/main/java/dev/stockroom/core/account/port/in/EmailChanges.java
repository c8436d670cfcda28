package dev.stockroom.core.account.port.in;

import dev.stockroom.core.account.domain.Origin;

/**
 * Moving an account to a new email address: requested with the password, made when the code
 * mailed to the new address is verified (and only if the address is still free then), and undone
 * from the notice mailed to the old address. Sessions stay, except after an undo.
 */
public interface EmailChanges {

    /**
     * Mails a code to the new address and a notice, with a way back, to the current one.
     *
     * @throws dev.stockroom.core.account.domain.AccountFailure.WrongPassword   when the password is wrong
     * @throws dev.stockroom.core.account.domain.AccountFailure.EmailTaken      when the address is taken ({@code new_email})
     * @throws dev.stockroom.core.account.domain.AccountFailure.InvalidInput    when it is the current address
     * @throws dev.stockroom.core.account.domain.AccountFailure.Throttled       within the resend cooldown
     * @throws dev.stockroom.core.account.domain.AccountFailure.NotVerified     for a NEW account
     */
    void request(AuthenticatedUser caller, ChangeEmailCommand command, Origin origin);

    /**
     * Makes the change with the code from the new address.
     *
     * @throws dev.stockroom.core.account.domain.AccountFailure.WrongCode       wrong, spent, or nothing pending
     * @throws dev.stockroom.core.account.domain.AccountFailure.CodeExpired     expired
     * @throws dev.stockroom.core.account.domain.AccountFailure.TooManyAttempts the code's tries are used up
     * @throws dev.stockroom.core.account.domain.AccountFailure.EmailTaken      the address was taken meanwhile ({@code new_email})
     */
    Profile verify(AuthenticatedUser caller, CodeCommand code, Origin origin);

    /**
     * Cancels a pending change, or reverts a made one, with the code mailed to the address left;
     * needs no login. Every session of the account ends, since whoever asked for the change knew
     * the password.
     *
     * @throws dev.stockroom.core.account.domain.AccountFailure.WrongCode       wrong, expired or unknown
     * @throws dev.stockroom.core.account.domain.AccountFailure.TooManyAttempts the undo's tries are used up
     * @throws dev.stockroom.core.account.domain.AccountFailure.EmailTaken      the old address was taken since ({@code email})
     */
    void undo(UndoEmailChangeCommand command, Origin origin);
}
