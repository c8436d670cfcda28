package dev.stockroom.core.account.domain;

import dev.stockroom.core.shared.Failure;
import dev.stockroom.core.shared.RetryAfter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an account use case can refuse, by name. Messages are one sentence a person can read
 * and never contain a secret.
 *
 * <p>A failure's name is its {@link Kind} ({@link Failure} says how edges map it). The subtypes
 * only build the message and field errors, carry data
 * ({@link Throttled#retryAfter()}), and let callers and tests catch one failure by type.
 */
public abstract sealed class AccountFailure extends Failure {
    private static final long serialVersionUID = 1L;
    private final Kind kind;

    /** One constant per subtype, named as it is. */
    public enum Kind {
        INVALID_INPUT,
        USERNAME_TAKEN,
        EMAIL_TAKEN,
        INVALID_CREDENTIALS,
        SESSION_ENDED,
        WRONG_CODE,
        CODE_EXPIRED,
        TOO_MANY_ATTEMPTS,
        THROTTLED,
        NOT_VERIFIED,
        ALREADY_VERIFIED,
        WRONG_TOKEN_KIND,
        WRONG_PASSWORD,
        USER_NOT_FOUND,
        NOT_ADMIN,
        LAST_ADMIN,
        SESSION_NOT_FOUND,
        SECOND_FACTOR_REQUIRED,
        SECOND_FACTOR_ON,
        SECOND_FACTOR_OFF
    }

    AccountFailure(Kind kind, String message, Map<String, List<String>> fieldErrors) {
        super(message, fieldErrors);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    @Override
    public Kind kind() {
        return kind;
    }

    /** One or more fields are missing or malformed, or break the password policy. */
    public static final class InvalidInput extends AccountFailure {
        private static final long serialVersionUID = 1L;

        public InvalidInput(Map<String, List<String>> fieldErrors) {
            super(Kind.INVALID_INPUT, "Some fields are not valid.", fieldErrors);
        }

        public static InvalidInput of(String field, String message) {
            return new InvalidInput(Map.of(field, List.of(message)));
        }
    }

    public static final class UsernameTaken extends AccountFailure {
        private static final long serialVersionUID = 1L;

        public UsernameTaken() {
            super(
                    Kind.USERNAME_TAKEN,
                    "That username is already taken.",
                    Map.of("username", List.of("A user with that username already exists.")));
        }
    }

    public static final class EmailTaken extends AccountFailure {
        private static final long serialVersionUID = 1L;

        public EmailTaken() {
            this("email");
        }

        /** The address is taken, reported against {@code field} (an email change names it {@code new_email}). */
        public EmailTaken(String field) {
            super(
                    Kind.EMAIL_TAKEN,
                    "That email address is already registered.",
                    Map.of(field, List.of("A user with that email already exists.")));
        }
    }

    /** Unknown user, wrong password, unknown or spent refresh token: one answer, so nothing is enumerated. */
    public static final class InvalidCredentials extends AccountFailure {
        private static final long serialVersionUID = 1L;

        public InvalidCredentials() {
            super(Kind.INVALID_CREDENTIALS, "Invalid credentials.", Map.of());
        }
    }

    /** The session behind a token was logged out, revoked, ended by a password change or expired. */
    public static final class SessionEnded extends AccountFailure {
        private static final long serialVersionUID = 1L;

        public SessionEnded() {
            super(Kind.SESSION_ENDED, "Your session has ended; please log in again.", Map.of());
        }
    }

    public static final class WrongCode extends AccountFailure {
        private static final long serialVersionUID = 1L;

        public WrongCode() {
            super(Kind.WRONG_CODE, "The code is not valid.", Map.of("code", List.of("Invalid code.")));
        }
    }

    public static final class CodeExpired extends AccountFailure {
        private static final long serialVersionUID = 1L;

        public CodeExpired() {
            super(
                    Kind.CODE_EXPIRED,
                    "The code has expired; request a new one.",
                    Map.of("code", List.of("The code has expired.")));
        }
    }

    /** The code took its last allowed try; only a new code helps now. */
    public static final class TooManyAttempts extends AccountFailure {
        private static final long serialVersionUID = 1L;

        public TooManyAttempts() {
            super(
                    Kind.TOO_MANY_ATTEMPTS,
                    "Too many wrong codes; request a new one.",
                    Map.of("code", List.of("Too many wrong attempts.")));
        }
    }

    /**
     * Asked again too soon (code resend cooldown) or during the delay that repeated wrong passwords
     * set for a login name; {@code retryAfter} is how long to wait, in whole seconds rounded up as
     * the caller will be told it.
     */
    public static final class Throttled extends AccountFailure {
        private static final long serialVersionUID = 1L;
        private final Duration retryAfter;

        public Throttled(String message, Duration retryAfter) {
            super(Kind.THROTTLED, message, Map.of());
            this.retryAfter = RetryAfter.roundUp(Objects.requireNonNull(retryAfter, "retryAfter"));
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** A NEW account tried something that needs a verified email address. */
    public static final class NotVerified extends AccountFailure {
        private static final long serialVersionUID = 1L;

        public NotVerified() {
            super(Kind.NOT_VERIFIED, "Verify your email address first.", Map.of());
        }
    }

    public static final class AlreadyVerified extends AccountFailure {
        private static final long serialVersionUID = 1L;

        public AlreadyVerified() {
            super(Kind.ALREADY_VERIFIED, "This account is already verified.", Map.of());
        }
    }

    /** The token is of a kind this action does not accept (a reset token outside password update). */
    public static final class WrongTokenKind extends AccountFailure {
        private static final long serialVersionUID = 1L;

        public WrongTokenKind() {
            super(Kind.WRONG_TOKEN_KIND, "This token cannot be used for this action.", Map.of());
        }
    }

    /** Password change with a wrong {@code old_password}; an email change or deletion with a wrong {@code password}. */
    public static final class WrongPassword extends AccountFailure {
        private static final long serialVersionUID = 1L;

        public WrongPassword() {
            this("old_password");
        }

        /** A wrong password in {@code field} (set-up and disabling of two-factor sign-in send {@code password}). */
        public WrongPassword(String field) {
            super(
                    Kind.WRONG_PASSWORD,
                    "The current password is not correct.",
                    Map.of(field, List.of("Wrong password.")));
        }
    }

    public static final class UserNotFound extends AccountFailure {
        private static final long serialVersionUID = 1L;

        public UserNotFound(String who) {
            super(Kind.USER_NOT_FOUND, "No user " + who + ".", Map.of());
        }
    }

    /** An administration call by someone who is not an admin. */
    public static final class NotAdmin extends AccountFailure {
        private static final long serialVersionUID = 1L;

        public NotAdmin() {
            super(Kind.NOT_ADMIN, "Only an admin may do this.", Map.of());
        }
    }

    /** A role change or a disabling that would leave no enabled admin. */
    public static final class LastAdmin extends AccountFailure {
        private static final long serialVersionUID = 1L;

        public LastAdmin() {
            super(Kind.LAST_ADMIN, "This is the last enabled admin; make another admin first.", Map.of());
        }
    }

    /** No session with that id belongs to the caller (another user's sessions are not found either). */
    public static final class SessionNotFound extends AccountFailure {
        private static final long serialVersionUID = 1L;

        public SessionNotFound() {
            super(Kind.SESSION_NOT_FOUND, "No such session.", Map.of());
        }
    }

    /**
     * A plain login of a user with two-factor sign-in on: only the two-step login
     * ({@code Authentication.startLogIn}, then {@code completeLogIn}) signs them in.
     */
    public static final class SecondFactorRequired extends AccountFailure {
        private static final long serialVersionUID = 1L;

        public SecondFactorRequired() {
            super(Kind.SECOND_FACTOR_REQUIRED, "This account needs a second factor to log in.", Map.of());
        }
    }

    /** Setting up or confirming two-factor sign-in while it is on. */
    public static final class SecondFactorOn extends AccountFailure {
        private static final long serialVersionUID = 1L;

        public SecondFactorOn() {
            super(Kind.SECOND_FACTOR_ON, "Two-factor sign-in is already on; disable it first.", Map.of());
        }
    }

    /** Confirming with nothing set up, or disabling while it is off. */
    public static final class SecondFactorOff extends AccountFailure {
        private static final long serialVersionUID = 1L;

        public SecondFactorOff(String message) {
            super(Kind.SECOND_FACTOR_OFF, message, Map.of());
        }
    }
}
