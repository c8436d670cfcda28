package dev.stockroom.core.account.port.in;

import dev.stockroom.core.account.domain.Origin;

/** Signing up and proving the email address. */
public interface Registration {

    /** Creates a NEW account, mails a verification code, and signs the user in (no refresh token yet). */
    Registered register(RegisterCommand command, Origin origin);

    default Registered register(RegisterCommand command) {
        return register(command, Origin.UNKNOWN);
    }

    /** Accepts the emailed code: the account becomes VERIFIED and the session gets a refresh token. */
    SessionGrant verify(AuthenticatedUser caller, CodeCommand code, Origin origin);

    default SessionGrant verify(AuthenticatedUser caller, CodeCommand code) {
        return verify(caller, code, Origin.UNKNOWN);
    }

    /**
     * Mails a new code and invalidates the previous one.
     *
     * @throws dev.stockroom.core.account.domain.AccountFailure.Throttled inside the resend cooldown
     */
    void resendCode(AuthenticatedUser caller);
}
