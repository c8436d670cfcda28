package dev.stockroom.core.account.port.in;

import dev.stockroom.core.account.domain.Origin;

/** Forgotten and changed passwords. Every success ends all of the user's sessions. */
public interface PasswordRecovery {

    /** Mails a reset code if the address belongs to an account; the caller cannot tell either way. */
    void forget(String email);

    /** Trades a reset code for a PASSWORD_RESET session, good only for {@link #reset}. */
    SessionGrant verifyCode(VerifyResetCodeCommand command);

    /** Sets a new password with a reset session; proves the address, so a NEW account becomes VERIFIED. */
    void reset(AuthenticatedUser caller, NewPasswordCommand command, Origin origin);

    default void reset(AuthenticatedUser caller, NewPasswordCommand command) {
        reset(caller, command, Origin.UNKNOWN);
    }

    /** Sets a new password from a login session, given the current one. */
    void change(AuthenticatedUser caller, NewPasswordCommand command, Origin origin);

    default void change(AuthenticatedUser caller, NewPasswordCommand command) {
        change(caller, command, Origin.UNKNOWN);
    }
}
