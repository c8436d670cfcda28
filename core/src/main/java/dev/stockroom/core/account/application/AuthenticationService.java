package dev.stockroom.core.account.application;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.account.domain.LoginThrottle;
import dev.stockroom.core.account.domain.RefreshToken;
import dev.stockroom.core.account.domain.Session;
import dev.stockroom.core.account.domain.SessionId;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.domain.Username;
import dev.stockroom.core.account.port.in.AuthenticatedUser;
import dev.stockroom.core.account.port.in.Authentication;
import dev.stockroom.core.account.port.in.LogInCommand;
import dev.stockroom.core.account.port.in.LogOutCommand;
import dev.stockroom.core.account.port.in.SessionGrant;
import dev.stockroom.core.account.port.out.LoginAttempts;
import dev.stockroom.core.account.port.out.PasswordHasher;
import dev.stockroom.core.account.port.out.SessionRepository;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.shared.InvalidValue;
import dev.stockroom.core.shared.Overloaded;
import dev.stockroom.core.shared.Transactions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

final class AuthenticationService implements Authentication {
    // Longer than any login should queue: under a login flood that also competes with reads, the
    // low-priority hashing threads free places slowly, and polling is not first come, first served.
    private static final Duration CHECK_WAIT = Duration.ofSeconds(30);
    private static final long MAX_CHECK_PAUSE_MILLIS = 25;

    private final UserRepository users;
    private final SessionRepository sessionStore;
    private final Sessions sessions;
    private final LoginAttempts loginAttempts;
    private final LoginThrottle throttle;
    private final Transactions transactions;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final SecureRandom random;
    // A hash of a password nobody knows, verified against on unknown logins so that they take
    // as long as wrong passwords. Made on first need: Argon2 is too slow for every start-up.
    private volatile String dummyHash;

    AuthenticationService(UserRepository users, SessionRepository sessionStore, Sessions sessions,
            LoginAttempts loginAttempts, LoginThrottle throttle, Transactions transactions, PasswordHasher hasher,
            Clock clock, SecureRandom random) {
        this.users = users;
        this.sessionStore = sessionStore;
        this.sessions = sessions;
        this.loginAttempts = loginAttempts;
        this.throttle = throttle;
        this.transactions = transactions;
        this.hasher = hasher;
        this.clock = clock;
        this.random = random;
    }

    /**
     * A locked-out login name is refused before its password is looked at, the right one too. A
     * password is checked only once the name's failure count granted the check a place (see
     * {@link LoginAttempts}), so a burst of concurrent guesses gets no more checks than could fail
     * before the lockout; only a wrong password counts as a failure, so any number of concurrent
     * logins with the right one never lock anyone out. Unknown names are counted like real ones, so
     * the lockout says nothing about which accounts exist.
     */
    @Override
    public SessionGrant logIn(LogInCommand command) {
        String key = throttleKey(command);
        awaitCheck(key);
        boolean right;
        Optional<User> found;
        try {
            found = findByLogin(command);
            if (found.isEmpty()) {
                hasher.matches(command.password(), dummyHash());
                right = false;
            } else {
                right = hasher.matches(command.password(), found.get().passwordHash());
            }
        } catch (RuntimeException e) {
            abandon(key, e);
            throw e;
        }
        Instant now = clock.instant();
        if (!right) {
            loginAttempts.failed(key, now, throttle);
            throw new AccountFailure.InvalidCredentials();
        }
        User user = found.get();
        // One commit for the verdict and the session. The count's row stays locked until then,
        // a millisecond or so, against the tens of milliseconds of the hash each login waits for.
        return transactions.inTransaction(() -> {
            loginAttempts.succeeded(key, now);
            Session session = sessions.openLogin(user.id(), now);
            String refreshToken = sessions.issueRefreshToken(session.id(), now);
            return sessions.grant(user, session, Optional.of(refreshToken), now);
        });
    }

    /**
     * Waits, briefly, for a place to check a password for the key: every place taken means that
     * many checks of this name are in flight, and each frees its place within one hash. A place
     * that stays taken for {@link #CHECK_WAIT} (checks stuck behind a full hashing queue, or held by
     * an instance that died, until their lease runs out) is answered as a busy service, not as a
     * lockout: nothing failed.
     */
    private void awaitCheck(String key) {
        long deadline = System.nanoTime() + CHECK_WAIT.toNanos();
        long pauseMillis = 2;
        while (true) {
            Instant now = clock.instant();
            LoginAttempts.Claim claim = loginAttempts.claim(key, now, throttle);
            switch (claim.outcome()) {
                case GRANTED:
                    return;
                case BLOCKED:
                    throw throttled(now, claim.blockedUntil().orElseThrow());
                case BUSY:
                default:
                    break;
            }
            if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pauseMillis) - deadline > 0) {
                throw new Overloaded("Too many logins for this account at once; try again shortly.",
                        Duration.ofSeconds(1));
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Overloaded("Interrupted while waiting to check the password.", Duration.ofSeconds(1));
            }
            pauseMillis = Math.min(pauseMillis * 2, MAX_CHECK_PAUSE_MILLIS);
        }
    }

    /** Gives the check's place back when it came to no verdict; the original failure is what the caller hears. */
    private void abandon(String key, RuntimeException cause) {
        try {
            loginAttempts.abandoned(key, clock.instant());
        } catch (RuntimeException e) {
            // Its lease frees the place in the end.
            cause.addSuppressed(e);
        }
    }

    @Override
    public SessionGrant refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new AccountFailure.InvalidCredentials();
        }
        String hash = Sessions.hashOf(refreshToken.strip());
        Instant now = clock.instant();
        // No exception inside: a reuse must commit its revocation before the caller hears "no".
        return transactions.inTransaction(() -> rotate(hash, now)).orElseThrow(AccountFailure.InvalidCredentials::new);
    }

    private Optional<SessionGrant> rotate(String hash, Instant now) {
        Optional<RefreshToken> stored = sessionStore.findRefreshToken(hash);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        SessionId sessionId = stored.get().sessionId();
        if (stored.get().isSpent() || !sessionStore.spendRefreshToken(hash, now)) {
            // A spent token came back (or two exchanges raced): someone else may hold the
            // family, so the whole session ends.
            sessionStore.revoke(sessionId, now);
            return Optional.empty();
        }
        Optional<Session> session = sessionStore.findById(sessionId).filter(s -> s.isActive(now));
        Optional<User> user = session.flatMap(s -> users.findById(s.userId()));
        if (user.isEmpty()) {
            return Optional.empty();
        }
        String fresh = sessions.issueRefreshToken(sessionId, now);
        return Optional.of(sessions.grant(user.get(), session.get(), Optional.of(fresh), now));
    }

    @Override
    public void logOut(AuthenticatedUser caller, LogOutCommand command) {
        Callers.requireKind(caller, SessionKind.LOGIN);
        Instant now = clock.instant();
        transactions.run(() -> {
            if (command.all()) {
                sessionStore.revokeAllOf(caller.userId(), now);
                return;
            }
            sessionStore.revoke(caller.sessionId(), now);
            // Another session's refresh token is honoured only when it is the caller's own.
            command.refreshToken()
                    .flatMap(token -> sessionStore.findRefreshToken(Sessions.hashOf(token.strip())))
                    .flatMap(token -> sessionStore.findById(token.sessionId()))
                    .filter(session -> session.userId().equals(caller.userId()))
                    .ifPresent(session -> sessionStore.revoke(session.id(), now));
        });
    }

    @Override
    public AuthenticatedUser authenticate(UserId userId, SessionId sessionId) {
        Instant now = clock.instant();
        SessionRepository.SessionOwner owner = sessionStore.findWithOwner(sessionId, users)
                .filter(o -> o.session().userId().equals(userId) && o.session().isActive(now))
                .orElseThrow(AccountFailure.SessionEnded::new);
        User user = owner.user();
        return new AuthenticatedUser(user.id(), sessionId, owner.session().kind(), user.username(), user.status(),
                user.role());
    }

    private Optional<User> findByLogin(LogInCommand command) {
        try {
            return command.isEmail()
                    ? users.findByEmail(new EmailAddress(command.login()))
                    : users.findByUsername(new Username(command.login()));
        } catch (InvalidValue malformed) {
            // Not a possible username or address: the same as an unknown one.
            return Optional.empty();
        }
    }

    private static AccountFailure throttled(Instant now, Instant blockedUntil) {
        return new AccountFailure.Throttled("Too many failed logins; try again later.",
                RegistrationService.roundUpToSeconds(Duration.between(now, blockedUntil)));
    }

    /**
     * The digest the login name's failures are counted under: of the name as the account look-up
     * normalises it, so that "Ada" and "ada" share one count, and of the lower-cased text for what
     * could be no account's name. A digest, so that the table of failures lists no login names.
     */
    private static String throttleKey(LogInCommand command) {
        String login = command.login();
        String normalised;
        try {
            normalised = command.isEmail() ? new EmailAddress(login).key() : new Username(login).key();
        } catch (InvalidValue malformed) {
            normalised = login.strip().toLowerCase(Locale.ROOT);
        }
        return Digests.sha256Hex(normalised);
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            hash = hasher.hash(Base64.getEncoder().encodeToString(secret));
            dummyHash = hash;
        }
        return hash;
    }
}
