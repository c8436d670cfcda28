package dev.stockroom.core.account.port.in;

import dev.stockroom.core.account.domain.Origin;
import dev.stockroom.core.account.domain.Session;
import dev.stockroom.core.account.domain.SessionId;
import dev.stockroom.core.account.domain.UserId;
import java.util.List;

/** Sessions: sign in, rotate, sign out, list and end one's own, and confirm who a token's session belongs to. */
public interface Authentication {

    /**
     * One generic failure for every way this can go wrong, so no account is enumerated.
     *
     * @throws dev.stockroom.core.account.domain.AccountFailure.InvalidCredentials for an unknown
     *         login name, a wrong password or a disabled account; each wrong password counts against
     *         the account, or only against the device when the command carries the account's device token
     * @throws dev.stockroom.core.account.domain.AccountFailure.Throttled while the account's (or the
     *         device's) delay after repeated wrong passwords runs (see {@code AccountPolicy.loginThrottle}),
     *         whatever the password; known and unknown names alike
     * @throws dev.stockroom.core.account.domain.AccountFailure.SecondFactorRequired for the right
     *         password of a user with two-factor sign-in on (use {@link #startLogIn})
     */
    SessionGrant logIn(LogInCommand command);

    /**
     * The password step of a login, as {@link #logIn}, except that a user with two-factor sign-in
     * on is not logged in yet: the answer is a short-lived single-purpose token for
     * {@link #completeLogIn}.
     */
    LogInStep startLogIn(LogInCommand command);

    /**
     * The second step: a current TOTP code (each time step's once) or an unused recovery code
     * completes the login the token belongs to, exactly as {@link #logIn} would have. Wrong codes
     * count against the user as wrong passwords count against a login name, and against the token,
     * which takes a few tries only.
     *
     * @throws dev.stockroom.core.account.domain.AccountFailure.InvalidCredentials for an unknown,
     *         expired or used token
     * @throws dev.stockroom.core.account.domain.AccountFailure.WrongCode for a wrong or reused code
     * @throws dev.stockroom.core.account.domain.AccountFailure.TooManyAttempts when the token's tries are used up
     * @throws dev.stockroom.core.account.domain.AccountFailure.Throttled during the delay after repeated wrong codes
     */
    SessionGrant completeLogIn(SecondFactorLogInCommand command);

    /**
     * Exchanges a refresh token for a new one (the old is spent); a spent token revokes its session,
     * unless it comes back within {@code AccountPolicy.refreshReuseInterval}.
     */
    SessionGrant refresh(String refreshToken, Origin origin);

    default SessionGrant refresh(String refreshToken) {
        return refresh(refreshToken, Origin.UNKNOWN);
    }

    void logOut(AuthenticatedUser caller, LogOutCommand command, Origin origin);

    default void logOut(AuthenticatedUser caller, LogOutCommand command) {
        logOut(caller, command, Origin.UNKNOWN);
    }

    /** The caller's live login sessions, newest first. */
    List<Session> sessionsOf(AuthenticatedUser caller);

    /**
     * Ends one of the caller's own sessions (the current one too).
     *
     * @throws dev.stockroom.core.account.domain.AccountFailure.SessionNotFound when no live session
     *         with that id belongs to the caller
     */
    void endSession(AuthenticatedUser caller, SessionId session, Origin origin);

    /**
     * Confirms that the session a verified token names is live and belongs to an enabled user.
     *
     * @throws dev.stockroom.core.account.domain.AccountFailure.SessionEnded otherwise
     */
    AuthenticatedUser authenticate(UserId userId, SessionId sessionId);
}
