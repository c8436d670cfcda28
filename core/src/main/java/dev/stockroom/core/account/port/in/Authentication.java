package dev.stockroom.core.account.port.in;

import dev.stockroom.core.account.domain.SessionId;
import dev.stockroom.core.account.domain.UserId;

/** Sessions: sign in, rotate, sign out, and confirm who a token's session belongs to. */
public interface Authentication {

    /**
     * One generic failure for every way this can go wrong, so no account is enumerated.
     *
     * @throws dev.stockroom.core.account.domain.AccountFailure.InvalidCredentials for an unknown
     *         login name or a wrong password; each counts against the name
     * @throws dev.stockroom.core.account.domain.AccountFailure.Throttled when the name has had too many
     *         failed logins lately (see {@code AccountPolicy.maxLoginFailures}), whatever the password;
     *         known and unknown names alike
     */
    SessionGrant logIn(LogInCommand command);

    /** Exchanges a refresh token for a new one (the old is spent); a spent token revokes its session. */
    SessionGrant refresh(String refreshToken);

    void logOut(AuthenticatedUser caller, LogOutCommand command);

    /**
     * Confirms that the session a verified token names is live and belongs to the user.
     *
     * @throws dev.stockroom.core.account.domain.AccountFailure.SessionEnded otherwise
     */
    AuthenticatedUser authenticate(UserId userId, SessionId sessionId);
}
