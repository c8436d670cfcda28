package dev.stockroom.core.account.domain;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an account use case can refuse, by name. Messages are one sentence a person can read
 * and never contain a secret.
 *
 * <p>Java 17 has no pattern matching over sealed types in {@code switch}, so edges map failures
 * through {@link #match(Cases)}: a new subtype adds a method to {@link Cases}, and every mapping
 * that does not handle it stops compiling.
 */
public abstract sealed class AccountFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Map<String, List<String>> fieldErrors;

    AccountFailure(String message, Map<String, List<String>> fieldErrors) {
        super(message, null, false, false);
        this.fieldErrors = Map.copyOf(Objects.requireNonNull(fieldErrors, "fieldErrors"));
    }

    /** Calls the method of {@code cases} that names this failure. */
    public abstract <R> R match(Cases<R> cases);

    /** One method per failure; see the class comment. */
    public interface Cases<R> {
        R invalidInput(InvalidInput failure);

        R usernameTaken(UsernameTaken failure);

        R emailTaken(EmailTaken failure);

        R invalidCredentials(InvalidCredentials failure);

        R sessionEnded(SessionEnded failure);

        R wrongCode(WrongCode failure);

        R codeExpired(CodeExpired failure);

        R tooManyAttempts(TooManyAttempts failure);

        R throttled(Throttled failure);

        R notVerified(NotVerified failure);

        R alreadyVerified(AlreadyVerified failure);

        R wrongTokenKind(WrongTokenKind failure);

        R wrongPassword(WrongPassword failure);

        R userNotFound(UserNotFound failure);

        R notAdmin(NotAdmin failure);

        R lastAdmin(LastAdmin failure);

        R sessionNotFound(SessionNotFound failure);
    }

    /** Field name (as in the API) to what is wrong with it; empty when no single field is at fault. */
    public Map<String, List<String>> fieldErrors() {
        return fieldErrors;
    }

    /** One or more fields are missing or malformed, or break the password policy. */
    public static final class InvalidInput extends AccountFailure {
        private static final long serialVersionUID = 1L;

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.invalidInput(this);
        }

        public InvalidInput(Map<String, List<String>> fieldErrors) {
            super("Some fields are not valid.", fieldErrors);
        }

        public static InvalidInput of(String field, String message) {
            return new InvalidInput(Map.of(field, List.of(message)));
        }
    }

    public static final class UsernameTaken extends AccountFailure {
        private static final long serialVersionUID = 1L;

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.usernameTaken(this);
        }

        public UsernameTaken() {
            super("That username is already taken.", Map.of("username", List.of("A user with that username already exists.")));
        }
    }

    public static final class EmailTaken extends AccountFailure {
        private static final long serialVersionUID = 1L;

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.emailTaken(this);
        }

        public EmailTaken() {
            super("That email address is already registered.", Map.of("email", List.of("A user with that email already exists.")));
        }
    }

    /** Unknown user, wrong password, unknown or spent refresh token: one answer, so nothing is enumerated. */
    public static final class InvalidCredentials extends AccountFailure {
        private static final long serialVersionUID = 1L;

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.invalidCredentials(this);
        }

        public InvalidCredentials() {
            super("Invalid credentials.", Map.of());
        }
    }

    /** The session behind a token was logged out, revoked, ended by a password change or expired. */
    public static final class SessionEnded extends AccountFailure {
        private static final long serialVersionUID = 1L;

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.sessionEnded(this);
        }

        public SessionEnded() {
            super("Your session has ended; please log in again.", Map.of());
        }
    }

    public static final class WrongCode extends AccountFailure {
        private static final long serialVersionUID = 1L;

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.wrongCode(this);
        }

        public WrongCode() {
            super("The code is not valid.", Map.of("code", List.of("Invalid code.")));
        }
    }

    public static final class CodeExpired extends AccountFailure {
        private static final long serialVersionUID = 1L;

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.codeExpired(this);
        }

        public CodeExpired() {
            super("The code has expired; request a new one.", Map.of("code", List.of("The code has expired.")));
        }
    }

    /** The code took its last allowed try; only a new code helps now. */
    public static final class TooManyAttempts extends AccountFailure {
        private static final long serialVersionUID = 1L;

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.tooManyAttempts(this);
        }

        public TooManyAttempts() {
            super("Too many wrong codes; request a new one.", Map.of("code", List.of("Too many wrong attempts.")));
        }
    }

    /**
     * Asked again too soon (code resend cooldown) or during the delay that repeated wrong passwords
     * set for a login name; {@code retryAfter} is how long to wait.
     */
    public static final class Throttled extends AccountFailure {
        private static final long serialVersionUID = 1L;

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.throttled(this);
        }
        private final Duration retryAfter;

        public Throttled(String message, Duration retryAfter) {
            super(message, Map.of());
            this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** A NEW account tried something that needs a verified email address. */
    public static final class NotVerified extends AccountFailure {
        private static final long serialVersionUID = 1L;

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.notVerified(this);
        }

        public NotVerified() {
            super("Verify your email address first.", Map.of());
        }
    }

    public static final class AlreadyVerified extends AccountFailure {
        private static final long serialVersionUID = 1L;

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.alreadyVerified(this);
        }

        public AlreadyVerified() {
            super("This account is already verified.", Map.of());
        }
    }

    /** The token is of a kind this action does not accept (a reset token outside password update). */
    public static final class WrongTokenKind extends AccountFailure {
        private static final long serialVersionUID = 1L;

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.wrongTokenKind(this);
        }

        public WrongTokenKind() {
            super("This token cannot be used for this action.", Map.of());
        }
    }

    /** Password change with a wrong {@code old_password}. */
    public static final class WrongPassword extends AccountFailure {
        private static final long serialVersionUID = 1L;

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.wrongPassword(this);
        }

        public WrongPassword() {
            super("The current password is not correct.", Map.of("old_password", List.of("Wrong password.")));
        }
    }

    public static final class UserNotFound extends AccountFailure {
        private static final long serialVersionUID = 1L;

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.userNotFound(this);
        }

        public UserNotFound(String who) {
            super("No user " + who + ".", Map.of());
        }
    }

    /** An administration call by someone who is not an admin. */
    public static final class NotAdmin extends AccountFailure {
        private static final long serialVersionUID = 1L;

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.notAdmin(this);
        }

        public NotAdmin() {
            super("Only an admin may do this.", Map.of());
        }
    }

    /** A role change or a disabling that would leave no enabled admin. */
    public static final class LastAdmin extends AccountFailure {
        private static final long serialVersionUID = 1L;

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.lastAdmin(this);
        }

        public LastAdmin() {
            super("This is the last enabled admin; make another admin first.", Map.of());
        }
    }

    /** No session with that id belongs to the caller (another user's sessions are not found either). */
    public static final class SessionNotFound extends AccountFailure {
        private static final long serialVersionUID = 1L;

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.sessionNotFound(this);
        }

        public SessionNotFound() {
            super("No such session.", Map.of());
        }
    }
}
