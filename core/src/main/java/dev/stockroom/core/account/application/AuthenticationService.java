package dev.stockroom.core.account.application;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.AccountPolicy;
import dev.stockroom.core.account.domain.AuditKind;
import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.account.domain.LoginThrottle;
import dev.stockroom.core.account.domain.MfaChallenge;
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
import dev.stockroom.core.account.port.in.LogInStep;
import dev.stockroom.core.account.port.in.LogOutCommand;
import dev.stockroom.core.account.port.in.SecondFactorCode;
import dev.stockroom.core.account.port.in.SecondFactorLogInCommand;
import dev.stockroom.core.account.port.in.SessionGrant;
import dev.stockroom.core.account.port.out.LoginAttempts;
import dev.stockroom.core.account.port.out.PasswordHasher;
import dev.stockroom.core.account.port.out.SessionRepository;
import dev.stockroom.core.account.port.out.TrustedDevices;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.shared.InvalidValue;
import dev.stockroom.core.shared.Transactions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

final class AuthenticationService implements Authentication {
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
    private final CheckPlaces places;
    private final Optional<TwoFactorService> twoFactor;
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
            SecureRandom random,
            Optional<TwoFactorService> twoFactor) {
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
        this.places = new CheckPlaces(loginAttempts, throttle, clock);
        this.twoFactor = twoFactor;
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
        LogInStep step = startLogIn(command);
        if (step instanceof LogInStep.Granted granted) {
            return granted.grant();
        }
        throw new AccountFailure.SecondFactorRequired();
    }

    /**
     * As {@link #logIn}; for a user with two-factor sign-in on, the right password opens no
     * session but a challenge, whose token and a code complete the login in {@link #completeLogIn}.
     */
    @Override
    public LogInStep startLogIn(LogInCommand command) {
        Optional<User> found = findByLogin(command);
        Instant started = clock.instant();
        Optional<String> device = command.deviceToken()
                .map(Sessions::hashOf)
                .filter(hash -> found.isPresent()
                        && devices.ownerOf(hash, started.minus(policy.deviceTokenLifetime()))
                                .filter(found.get().id()::equals)
                                .isPresent());
        String key = device.map(AuthenticationService::deviceKey).orElseGet(() -> nameKey(command));
        places.await(key, "Too many failed logins; try again later.");
        boolean right;
        try {
            if (found.isEmpty()) {
                hasher.matches(command.password(), dummyHash());
                right = false;
            } else {
                right = hasher.matches(command.password(), found.get().passwordHash());
            }
        } catch (RuntimeException e) {
            places.abandon(key, e);
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
            places.abandon(key, null);
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
            if (twoFactor.isPresent() && twoFactor.get().isEnabled(user.id())) {
                // The device token is replaced only when the login completes.
                return twoFactor.get().challenge(user.id(), device, sessions.newSecret(), now);
            }
            return new LogInStep.Granted(openSession(user, device, command.origin(), now, null));
        });
    }

    @Override
    public SessionGrant completeLogIn(SecondFactorLogInCommand command) {
        if (twoFactor.isEmpty()) {
            throw new AccountFailure.InvalidCredentials();
        }
        TwoFactorService factors = twoFactor.get();
        String hash = Sessions.hashOf(command.mfaToken());
        MfaChallenge challenge =
                factors.liveChallenge(hash, clock.instant()).orElseThrow(AccountFailure.InvalidCredentials::new);
        User user = users.findById(challenge.user())
                .filter(u -> !u.isDisabled())
                .orElseThrow(AccountFailure.InvalidCredentials::new);
        factors.check(user, command.code(), command.origin(), Optional.of(hash));
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            // Of two completions with one token (two right codes at once, say), one logs in.
            if (!factors.finish(hash)) {
                throw new AccountFailure.InvalidCredentials();
            }
            return openSession(
                    user,
                    challenge.deviceHash(),
                    command.origin(),
                    now,
                    command.code().kind() == SecondFactorCode.Kind.RECOVERY
                            ? "second factor: recovery code"
                            : "second factor: TOTP");
        });
    }

    /** Opens a login session for the user and hands out its tokens: the end of every successful login. */
    private SessionGrant openSession(User user, Optional<String> device, Origin origin, Instant now, String how) {
        Session session = sessions.openLogin(user.id(), now, origin);
        String refreshToken = sessions.issueRefreshToken(session.id(), now);
        users.recordLogin(user.id(), now);
        // A device token is single use: each login replaces it, so a copied one stops counting.
        device.ifPresent(devices::remove);
        String deviceToken = sessions.newSecret();
        devices.add(Sessions.hashOf(deviceToken), user.id(), now);
        devices.keepNewest(user.id(), MAX_DEVICES_PER_USER);
        String detail = device.isPresent() ? "known device" : null;
        if (how != null) {
            detail = detail == null ? how : detail + "; " + how;
        }
        audit.record(
                AuditKind.LOGIN_SUCCEEDED, user.id(), user.username(), Optional.of(session.id()), origin, now, detail);
        return sessions.grant(user, session, Optional.of(refreshToken), now).withDeviceToken(deviceToken);
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

    /**
     * The throttling keys are digests, so that the table of failures lists no names: of a device
     * token's hash, or of the login name as the account look-up normalises it, so that "Ada" and
     * "ada" share one count; for what could be no account's name, of the lower-cased text.
     */
    static String deviceKey(String deviceTokenHash) {
        return Digests.sha256Hex("device:" + deviceTokenHash);
    }

    /**
     * The keys a user's own logins are counted under: its username's, its email address's, and
     * its second factor's.
     */
    static List<String> nameKeys(User user) {
        return List.of(nameKey(user.username().key()), nameKey(user.email().key()), TwoFactorService.keyOf(user.id()));
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
