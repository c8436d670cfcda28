package dev.stockroom.core.account.application;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.AuditKind;
import dev.stockroom.core.account.domain.Base32;
import dev.stockroom.core.account.domain.LoginThrottle;
import dev.stockroom.core.account.domain.MfaChallenge;
import dev.stockroom.core.account.domain.Origin;
import dev.stockroom.core.account.domain.SecondFactor;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.domain.Totp;
import dev.stockroom.core.account.domain.TotpSecret;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.port.in.AuthenticatedUser;
import dev.stockroom.core.account.port.in.CodeCommand;
import dev.stockroom.core.account.port.in.LogInStep;
import dev.stockroom.core.account.port.in.SecondFactorCode;
import dev.stockroom.core.account.port.in.TotpEnrolment;
import dev.stockroom.core.account.port.in.TwoFactorSignIn;
import dev.stockroom.core.account.port.out.LoginAttempts;
import dev.stockroom.core.account.port.out.PasswordHasher;
import dev.stockroom.core.account.port.out.SecondFactorRepository;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.shared.Transactions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Two-factor sign-in with TOTP: set-up, confirmation with recovery codes, disabling, and the
 * throttled check of a code that logins and re-authenticating use cases share. Wrong codes count
 * under one key per user in {@link LoginAttempts}, with the login throttle's free failures and
 * delays: whoever guesses codes already knows the password, so no device is spared.
 */
final class TwoFactorService implements TwoFactorSignIn {
    static final String ISSUER = "Stockroom";
    static final int RECOVERY_CODES = 10;
    /** Base32 characters per recovery code: 50 random bits, written as two groups of five. */
    private static final int RECOVERY_CODE_CHARS = 10;

    static final Duration MFA_TOKEN_LIFETIME = Duration.ofMinutes(5);
    static final int MFA_TOKEN_TRIES = 5;
    private static final String THROTTLED_MESSAGE = "Too many wrong codes; try again later.";

    private final UserRepository users;
    private final SecondFactorRepository factors;
    private final LoginAttempts loginAttempts;
    private final LoginThrottle throttle;
    private final CheckPlaces places;
    private final Audit audit;
    private final Transactions transactions;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final SecureRandom random;

    TwoFactorService(
            UserRepository users,
            SecondFactorRepository factors,
            LoginAttempts loginAttempts,
            LoginThrottle throttle,
            Audit audit,
            Transactions transactions,
            PasswordHasher hasher,
            Clock clock,
            SecureRandom random) {
        this.users = users;
        this.factors = factors;
        this.loginAttempts = loginAttempts;
        this.throttle = throttle;
        this.places = new CheckPlaces(loginAttempts, throttle, clock);
        this.audit = audit;
        this.transactions = transactions;
        this.hasher = hasher;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public TotpEnrolment setUp(AuthenticatedUser caller, String password, Origin origin) {
        Callers.requireKind(caller, SessionKind.LOGIN);
        User user = Callers.storedUser(users, caller);
        requirePassword(user, password);
        if (isEnabled(user.id())) {
            throw new AccountFailure.SecondFactorOn();
        }
        TotpSecret secret = TotpSecret.generate(random);
        if (!factors.putPending(SecondFactor.pending(user.id(), secret, clock.instant()))) {
            throw new AccountFailure.SecondFactorOn();
        }
        return new TotpEnrolment(secret.base32(), otpauthUri(user.username().value(), secret));
    }

    @Override
    public List<String> confirm(AuthenticatedUser caller, CodeCommand code, Origin origin) {
        Callers.requireKind(caller, SessionKind.LOGIN);
        User user = Callers.storedUser(users, caller);
        SecondFactor pending = factors.find(user.id())
                .orElseThrow(() -> new AccountFailure.SecondFactorOff("Set up two-factor sign-in first."));
        if (pending.isEnabled()) {
            throw new AccountFailure.SecondFactorOn();
        }
        String key = keyOf(user.id());
        places.await(key, THROTTLED_MESSAGE);
        OptionalLong step;
        try {
            step = Totp.matchingStep(pending.secret(), code.code(), clock.instant());
        } catch (RuntimeException e) {
            places.abandon(key, e);
            throw e;
        }
        Instant now = clock.instant();
        if (step.isEmpty()) {
            recordFailure(key, user, origin, now, "wrong code at confirmation");
            throw new AccountFailure.WrongCode();
        }
        List<String> recoveryCodes = newRecoveryCodes();
        List<String> hashes =
                recoveryCodes.stream().map(TwoFactorService::hashOf).toList();
        boolean enabled = transactions.inTransaction(() -> {
            loginAttempts.succeeded(key, now);
            if (!factors.enable(user.id(), pending.secret(), step.getAsLong(), now, hashes)) {
                return false;
            }
            audit.record(
                    AuditKind.MFA_ENABLED,
                    user.id(),
                    user.username(),
                    Optional.of(caller.sessionId()),
                    origin,
                    now,
                    "TOTP, " + RECOVERY_CODES + " recovery codes");
            return true;
        });
        if (!enabled) {
            // A concurrent confirmation or a newer set-up got there first.
            throw factors.find(user.id()).filter(SecondFactor::isEnabled).isPresent()
                    ? new AccountFailure.SecondFactorOn()
                    : new AccountFailure.WrongCode();
        }
        return recoveryCodes;
    }

    @Override
    public void disable(AuthenticatedUser caller, String password, SecondFactorCode code, Origin origin) {
        Callers.requireKind(caller, SessionKind.LOGIN);
        User user = Callers.storedUser(users, caller);
        requirePassword(user, password);
        check(user, code, origin, Optional.empty());
        Instant now = clock.instant();
        transactions.run(() -> {
            if (factors.remove(user.id())) {
                audit.record(
                        AuditKind.MFA_DISABLED,
                        user.id(),
                        user.username(),
                        Optional.of(caller.sessionId()),
                        origin,
                        now,
                        "TOTP and its recovery codes removed");
            }
        });
    }

    @Override
    public boolean isEnabled(UserId user) {
        return factors.find(user).filter(SecondFactor::isEnabled).isPresent();
    }

    @Override
    public void verify(UserId user, String code) {
        User stored = users.findById(user).orElseThrow(() -> new AccountFailure.UserNotFound(user.toString()));
        check(stored, SecondFactorCode.either("code", code), Origin.UNKNOWN, Optional.empty());
    }

    /** A new login challenge for the user, stored by the hash of the token it answers; run in the login's transaction. */
    LogInStep.SecondFactorRequired challenge(UserId user, Optional<String> deviceHash, String token, Instant now) {
        Instant expiresAt = now.plus(MFA_TOKEN_LIFETIME);
        // Abandoned logins leave their challenges behind; each new one clears the expired (an indexed delete).
        factors.purgeExpiredChallenges(now);
        factors.addChallenge(
                new MfaChallenge(Sessions.hashOf(token), user, now, expiresAt, MFA_TOKEN_TRIES, deviceHash));
        return new LogInStep.SecondFactorRequired(token, expiresAt);
    }

    /** The live challenge with the token's hash. */
    Optional<MfaChallenge> liveChallenge(String tokenHash, Instant now) {
        return factors.findChallenge(tokenHash).filter(c -> !c.isExpired(now));
    }

    /** Ends a challenge; true for the one completion that may log in with it. */
    boolean finish(String tokenHash) {
        return factors.removeChallenge(tokenHash);
    }

    /**
     * Accepts a current code (spending its time step) or an unused recovery code (spending it) of
     * the user's enabled factor, once a place to check it is granted; with a challenge, the check
     * also takes one of its tries. Wrong codes are counted and recorded as wrong passwords are.
     */
    void check(User user, SecondFactorCode code, Origin origin, Optional<String> challengeHash) {
        String key = keyOf(user.id());
        places.await(key, THROTTLED_MESSAGE);
        boolean right;
        String what;
        try {
            if (challengeHash.isPresent() && !factors.takeTry(challengeHash.get(), clock.instant())) {
                places.abandon(key, null);
                throw new AccountFailure.TooManyAttempts();
            }
            Optional<SecondFactor> factor = factors.find(user.id()).filter(SecondFactor::isEnabled);
            if (factor.isEmpty()) {
                places.abandon(key, null);
                throw new AccountFailure.SecondFactorOff("Two-factor sign-in is not on.");
            }
            if (code.kind() == SecondFactorCode.Kind.TOTP) {
                OptionalLong step = Totp.matchingStep(factor.get().secret(), code.value(), clock.instant());
                right = step.isPresent() && factors.useStep(user.id(), step.getAsLong());
                what = step.isPresent() ? "reused code" : "wrong code";
            } else {
                right = factors.spendRecoveryCode(user.id(), hashOf(code.value()), clock.instant());
                what = "wrong or used recovery code";
            }
        } catch (AccountFailure refused) {
            throw refused;
        } catch (RuntimeException e) {
            places.abandon(key, e);
            throw e;
        }
        Instant now = clock.instant();
        if (!right) {
            recordFailure(key, user, origin, now, what);
            throw wrongCode(code.field());
        }
        transactions.run(() -> {
            loginAttempts.succeeded(key, now);
            if (code.kind() == SecondFactorCode.Kind.RECOVERY) {
                audit.record(
                        AuditKind.MFA_RECOVERY_CODE_USED,
                        user.id(),
                        user.username(),
                        Optional.empty(),
                        origin,
                        now,
                        factors.recoveryCodesLeft(user.id()) + " recovery codes left");
            }
        });
    }

    /**
     * Counts the wrong code and records it, in one transaction; the failure that uses up the free
     * ones is also recorded as THROTTLED.
     */
    private void recordFailure(String key, User user, Origin origin, Instant now, String what) {
        transactions.run(() -> {
            LoginAttempts.Failures failures = loginAttempts.failed(key, now, throttle);
            audit.record(AuditKind.MFA_FAILED, user.id(), user.username(), Optional.empty(), origin, now, what);
            if (failures.count() == throttle.freeFailures()) {
                audit.record(
                        AuditKind.THROTTLED,
                        user.id(),
                        user.username(),
                        Optional.empty(),
                        origin,
                        now,
                        "second factor: " + failures.count() + " wrong codes in a row; later codes wait");
            }
        });
    }

    private static AccountFailure wrongCode(String field) {
        return "code".equals(field)
                ? new AccountFailure.WrongCode()
                : AccountFailure.InvalidInput.of(field, "Invalid code.");
    }

    private void requirePassword(User user, String password) {
        if (password == null || password.isEmpty()) {
            throw AccountFailure.InvalidInput.of("password", "This field is required.");
        }
        if (!hasher.matches(password, user.passwordHash())) {
            throw new AccountFailure.WrongPassword("password");
        }
    }

    private List<String> newRecoveryCodes() {
        List<String> codes = new ArrayList<>(RECOVERY_CODES);
        while (codes.size() < RECOVERY_CODES) {
            byte[] bytes = new byte[(RECOVERY_CODE_CHARS * 5 + 7) / 8];
            random.nextBytes(bytes);
            String text = Base32.encode(bytes).substring(0, RECOVERY_CODE_CHARS).toLowerCase(Locale.ROOT);
            String code = text.substring(0, 5) + "-" + text.substring(5);
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        return codes;
    }

    /** Recovery codes are stored as digests of their normalised text (no dash, lower case). */
    private static String hashOf(String recoveryCode) {
        return Digests.sha256Hex("recovery:" + recoveryCode.replace("-", ""));
    }

    static String keyOf(UserId user) {
        return Digests.sha256Hex("second-factor:" + user);
    }

    static String otpauthUri(String username, TotpSecret secret) {
        String issuer = encode(ISSUER);
        return "otpauth://totp/" + issuer + ":" + encode(username) + "?secret=" + secret.base32() + "&issuer=" + issuer
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.PERIOD_SECONDS;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
