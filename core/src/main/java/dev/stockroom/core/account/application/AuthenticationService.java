package dev.stockroom.core.account.application;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.AccountPolicy;
import dev.stockroom.core.account.domain.AuditKind;
import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.account.domain.LoginThrottle;
import dev.stockroom.core.account.domain.Origin;
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
import dev.stockroom.core.account.port.out.TrustedDevices;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.shared.InvalidValue;
import dev.stockroom.core.shared.Overloaded;
import dev.stockroom.core.shared.Transactions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

final class AuthenticationService implements Authentication {
    // Longer than any login should queue: under a login flood that also competes with reads, the
    // low-priority hashing threads free places slowly, and polling is not first come, first served.
    private static final Duration CHECK_WAIT = Duration.ofSeconds(30);
    private static final long MAX_CHECK_PAUSE_MILLIS = 25;
    /** Device tokens kept per user: more devices than a person has, few enough that logins cannot grow the table. */
    static final int MAX_DEVICES_PER_USER = 20;

    private final UserRepository users;
    private final SessionRepository sessionStore;
    private final Sessions sessions;
    private final LoginAttempts loginAttempts;
    private final TrustedDevices devices;
    private final Audit audit;
    private final AccountPolicy policy;
    private final LoginThrottle throttle;
    private final Transactions transactions;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final SecureRandom random;
    // A hash of a password nobody knows, verified against on unknown logins so that they take
    // as long as wrong passwords. Made on first need: Argon2 is too slow for every start-up.
    private volatile String dummyHash;

    AuthenticationService(
            UserRepository users,
            SessionRepository sessionStore,
            Sessions sessions,
            LoginAttempts loginAttempts,
            TrustedDevices devices,
            Audit audit,
            AccountPolicy policy,
            Transactions transactions,
            PasswordHasher hasher,
            Clock clock,
            SecureRandom random) {
        this.users = users;
        this.sessionStore = sessionStore;
        this.sessions = sessions;
        this.loginAttempts = loginAttempts;
        this.devices = devices;
        this.audit = audit;
        this.policy = policy;
        this.throttle = policy.loginThrottle();
        this.transactions = transactions;
        this.hasher = hasher;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Wrong passwords are counted per login name (the username and the email address of an account
     * each have their own count, exactly as names that are no account do, so the throttling says
     * nothing about which accounts exist or which address goes with which name), or per device when the client
     * sends back the device token an earlier login of this account gave it: a stranger's guesses
     * then never slow the owner's own device. Past the free failures the next check waits a
     * doubling delay, the right password too; nothing is refused for good. A password is checked
     * only once the key granted the check a place (see {@link LoginAttempts}), so a burst of
     * concurrent guesses gets no more checks than a sequence would; only a wrong password counts,
     * so any number of concurrent logins with the right one slow nobody down.
     */
    @Override
    public SessionGrant logIn(LogInCommand command) {
        Optional<User> found = findByLogin(command);
        Instant started = clock.instant();
        Optional<String> device = command.deviceToken()
                .map(Sessions::hashOf)
                .filter(hash -> found.isPresent()
                        && devices.ownerOf(hash, started.minus(policy.deviceTokenLifetime()))
                                .filter(found.get().id()::equals)
                                .isPresent());
        String key = device.map(AuthenticationService::deviceKey).orElseGet(() -> nameKey(command));
        awaitCheck(key);
        boolean right;
        try {
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
            recordFailure(key, found, device.isPresent(), command, now);
            throw new AccountFailure.InvalidCredentials();
        }
        User user = found.get();
        if (user.isDisabled()) {
            // Checked after the password, so that neither the answer nor its timing says the account is disabled.
            abandon(key, null);
            transactions.run(() -> audit.record(
                    AuditKind.LOGIN_FAILED,
                    user.id(),
                    user.username(),
                    Optional.empty(),
                    command.origin(),
                    now,
                    "account disabled"));
            throw new AccountFailure.InvalidCredentials();
        }
        // One commit for the verdict, the session and the event. The count's row stays locked until
        // then, a millisecond or so, against the tens of milliseconds of the hash each login waits for.
        return transactions.inTransaction(() -> {
            loginAttempts.succeeded(key, now);
            Session session = sessions.openLogin(user.id(), now, command.origin());
            String refreshToken = sessions.issueRefreshToken(session.id(), now);
            users.recordLogin(user.id(), now);
            // A device token is single use: each login replaces it, so a copied one stops counting.
            device.ifPresent(devices::remove);
            String deviceToken = sessions.newSecret();
            devices.add(Sessions.hashOf(deviceToken), user.id(), now);
            devices.keepNewest(user.id(), MAX_DEVICES_PER_USER);
            audit.record(
                    AuditKind.LOGIN_SUCCEEDED,
                    user.id(),
                    user.username(),
                    Optional.of(session.id()),
                    command.origin(),
                    now,
                    device.isPresent() ? "known device" : null);
            return sessions.grant(user, session, Optional.of(refreshToken), now).withDeviceToken(deviceToken);
        });
    }

    /**
     * Counts the wrong password and records it, in one transaction. The failure that uses up the
     * free ones is also recorded as THROTTLED; refusals during a delay are not recorded, or a
     * stranger could fill the trail with them.
     */
    private void recordFailure(String key, Optional<User> found, boolean byDevice, LogInCommand command, Instant now) {
        transactions.run(() -> {
            LoginAttempts.Failures failures = loginAttempts.failed(key, now, throttle);
            String what = byDevice ? "wrong password from a known device" : "wrong password";
            if (found.isEmpty()) {
                audit.anonymous(AuditKind.LOGIN_FAILED, command.origin(), now, "unknown login name");
                return;
            }
            User user = found.get();
            audit.record(
                    AuditKind.LOGIN_FAILED, user.id(), user.username(), Optional.empty(), command.origin(), now, what);
            if (failures.count() == throttle.freeFailures()) {
                audit.record(
                        AuditKind.THROTTLED,
                        user.id(),
                        user.username(),
                        Optional.empty(),
                        command.origin(),
                        now,
                        (byDevice ? "device: " : "account: ") + failures.count()
                                + " wrong passwords in a row; later logins wait");
            }
        });
    }

    /**
     * Waits, briefly, for a place to check a password for the key: every place taken means that
     * many checks of this name are in flight, and each frees its place within one hash. A place
     * that stays taken for {@link #CHECK_WAIT} (checks stuck behind a full hashing queue, or held by
     * an instance that died, until their lease runs out) is answered as a busy service, not as
     * throttling: nothing failed.
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
                throw new Overloaded(
                        "Too many logins for this account at once; try again shortly.", Duration.ofSeconds(1));
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

    /** Gives the check's place back when it came to no verdict; the original failure, if any, is what the caller hears. */
    private void abandon(String key, RuntimeException cause) {
        try {
            loginAttempts.abandoned(key, clock.instant());
        } catch (RuntimeException e) {
            // Its lease frees the place in the end.
            if (cause == null) {
                throw e;
            }
            cause.addSuppressed(e);
        }
    }

    @Override
    public SessionGrant refresh(String refreshToken, Origin origin) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new AccountFailure.InvalidCredentials();
        }
        String hash = Sessions.hashOf(refreshToken.strip());
        Instant now = clock.instant();
        // No exception inside: a reuse must commit its revocation before the caller hears "no".
        return transactions
                .inTransaction(() -> rotate(hash, now, origin))
                .orElseThrow(AccountFailure.InvalidCredentials::new);
    }

    private Optional<SessionGrant> rotate(String hash, Instant now, Origin origin) {
        Optional<RefreshToken> stored = sessionStore.findRefreshToken(hash);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        SessionId sessionId = stored.get().sessionId();
        boolean spentNow = !stored.get().isSpent() && sessionStore.spendRefreshToken(hash, now);
        if (!spentNow && !withinReuseInterval(stored.get(), now)) {
            // A spent token came back: someone else may hold the family, so the whole session ends.
            if (sessionStore.revoke(sessionId, now)) {
                sessionStore
                        .findById(sessionId)
                        .flatMap(s -> users.findById(s.userId()))
                        .ifPresent(user -> audit.record(
                                AuditKind.REFRESH_REUSED,
                                user.id(),
                                user.username(),
                                Optional.of(sessionId),
                                origin,
                                now,
                                "a spent refresh token came back; the session was ended"));
            }
            return Optional.empty();
        }
        Optional<Session> session = sessionStore.findById(sessionId).filter(s -> s.isActive(now));
        Optional<User> user = session.flatMap(s -> users.findById(s.userId())).filter(u -> !u.isDisabled());
        if (user.isEmpty()) {
            return Optional.empty();
        }
        sessionStore.touch(sessionId, now);
        String fresh = sessions.issueRefreshToken(sessionId, now);
        return Optional.of(sessions.grant(user.get(), session.get(), Optional.of(fresh), now));
    }

    /**
     * A token spent a moment ago (by another tab of the same client, or by the exchange it raced)
     * may come back within the configured interval and get a fresh token of its own. Zero, the
     * default, allows no reuse at all.
     */
    private boolean withinReuseInterval(RefreshToken token, Instant now) {
        Duration interval = policy.refreshReuseInterval();
        if (interval.isZero()) {
            return false;
        }
        Instant spentAt = token.spentAt() == null ? now : token.spentAt();
        return !now.isAfter(spentAt.plus(interval));
    }

    @Override
    public void logOut(AuthenticatedUser caller, LogOutCommand command, Origin origin) {
        Callers.requireKind(caller, SessionKind.LOGIN);
        Instant now = clock.instant();
        transactions.run(() -> {
            if (command.all()) {
                sessionStore.revokeAllOf(caller.userId(), now);
                audit.record(
                        AuditKind.LOGGED_OUT,
                        caller.userId(),
                        caller.username(),
                        Optional.of(caller.sessionId()),
                        origin,
                        now,
                        "every session");
                return;
            }
            sessionStore.revoke(caller.sessionId(), now);
            // Another session's refresh token is honoured only when it is the caller's own.
            command.refreshToken()
                    .flatMap(token -> sessionStore.findRefreshToken(Sessions.hashOf(token.strip())))
                    .flatMap(token -> sessionStore.findById(token.sessionId()))
                    .filter(session -> session.userId().equals(caller.userId()))
                    .ifPresent(session -> sessionStore.revoke(session.id(), now));
            audit.record(
                    AuditKind.LOGGED_OUT,
                    caller.userId(),
                    caller.username(),
                    Optional.of(caller.sessionId()),
                    origin,
                    now,
                    null);
        });
    }

    @Override
    public List<Session> sessionsOf(AuthenticatedUser caller) {
        Callers.requireKind(caller, SessionKind.LOGIN);
        return sessionStore.findActiveOf(caller.userId(), SessionKind.LOGIN, clock.instant());
    }

    @Override
    public void endSession(AuthenticatedUser caller, SessionId id, Origin origin) {
        Callers.requireKind(caller, SessionKind.LOGIN);
        Instant now = clock.instant();
        transactions.run(() -> {
            Session session = sessionStore
                    .findById(id)
                    .filter(s -> s.userId().equals(caller.userId()) && s.kind() == SessionKind.LOGIN && s.isActive(now))
                    .orElseThrow(AccountFailure.SessionNotFound::new);
            if (sessionStore.revoke(session.id(), now)) {
                audit.record(
                        AuditKind.SESSION_ENDED,
                        caller.userId(),
                        caller.username(),
                        Optional.of(session.id()),
                        origin,
                        now,
                        "ended by its user");
            }
        });
    }

    @Override
    public AuthenticatedUser authenticate(UserId userId, SessionId sessionId) {
        Instant now = clock.instant();
        SessionRepository.SessionOwner owner = sessionStore
                .findWithOwner(sessionId, users)
                .filter(o -> o.session().userId().equals(userId)
                        && o.session().isActive(now)
                        && !o.user().isDisabled())
                .orElseThrow(AccountFailure.SessionEnded::new);
        User user = owner.user();
        return new AuthenticatedUser(
                user.id(),
                sessionId,
                owner.session().kind(),
                user.username(),
                user.status(),
                user.role(),
                user.locale());
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
        return new AccountFailure.Throttled(
                "Too many failed logins; try again later.", Duration.between(now, blockedUntil));
    }

    /**
     * The throttling keys are digests, so that the table of failures lists no names: of a device
     * token's hash, or of the login name as the account look-up normalises it, so that "Ada" and
     * "ada" share one count; for what could be no account's name, of the lower-cased text.
     */
    static String deviceKey(String deviceTokenHash) {
        return Digests.sha256Hex("device:" + deviceTokenHash);
    }

    /** The keys a user's own names are counted under: its username's and its email address's. */
    static List<String> nameKeys(User user) {
        return List.of(nameKey(user.username().key()), nameKey(user.email().key()));
    }

    private static String nameKey(LogInCommand command) {
        String login = command.login();
        String normalised;
        try {
            normalised = command.isEmail() ? new EmailAddress(login).key() : new Username(login).key();
        } catch (InvalidValue malformed) {
            normalised = login.strip().toLowerCase(Locale.ROOT);
        }
        return nameKey(normalised);
    }

    private static String nameKey(String normalised) {
        return Digests.sha256Hex("name:" + normalised);
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
