package dev.stockroom.core.account.port.in;

import dev.stockroom.core.account.domain.Origin;
import java.util.List;

/** Turning two-factor sign-in (TOTP, RFC 6238) on and off for the caller. Logging in with it is {@link Authentication}'s. */
public interface TwoFactorSignIn extends SecondFactorCheck {

    /**
     * A new pending secret for the caller, replacing any pending one; nothing changes for logins
     * until {@link #confirm} confirms it.
     *
     * @throws dev.stockroom.core.account.domain.AccountFailure.WrongPassword for a wrong password
     * @throws dev.stockroom.core.account.domain.AccountFailure.SecondFactorOn when it is on already
     */
    TotpEnrolment setUp(AuthenticatedUser caller, String password, Origin origin);

    /**
     * Turns two-factor sign-in on with a first code of the pending secret.
     *
     * @return the ten recovery codes, each good for one login; shown once, stored only as hashes
     * @throws dev.stockroom.core.account.domain.AccountFailure.WrongCode for a wrong code (throttled like passwords)
     * @throws dev.stockroom.core.account.domain.AccountFailure.SecondFactorOff when nothing is pending
     * @throws dev.stockroom.core.account.domain.AccountFailure.SecondFactorOn when it is on already
     */
    List<String> confirm(AuthenticatedUser caller, CodeCommand code, Origin origin);

    /**
     * Turns it off, with the password and a current code or a recovery code; the recovery codes go too.
     *
     * @throws dev.stockroom.core.account.domain.AccountFailure.SecondFactorOff when it is not on
     */
    void disable(AuthenticatedUser caller, String password, SecondFactorCode code, Origin origin);
}
