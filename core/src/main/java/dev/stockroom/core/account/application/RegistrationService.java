package dev.stockroom.core.account.application;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.AuditKind;
import dev.stockroom.core.account.domain.AuthStatus;
import dev.stockroom.core.account.domain.CodePurpose;
import dev.stockroom.core.account.domain.OneTimeCode;
import dev.stockroom.core.account.domain.Origin;
import dev.stockroom.core.account.domain.Session;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.port.in.AuthenticatedUser;
import dev.stockroom.core.account.port.in.CodeCommand;
import dev.stockroom.core.account.port.in.Profile;
import dev.stockroom.core.account.port.in.RegisterCommand;
import dev.stockroom.core.account.port.in.Registered;
import dev.stockroom.core.account.port.in.Registration;
import dev.stockroom.core.account.port.in.SessionGrant;
import dev.stockroom.core.account.port.out.PasswordHasher;
import dev.stockroom.core.account.port.out.SessionRepository;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.notification.domain.NotificationKind;
import dev.stockroom.core.notification.port.out.Outbox;
import dev.stockroom.core.shared.LanguageTag;
import dev.stockroom.core.shared.Transactions;
import dev.stockroom.core.shared.Violations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

final class RegistrationService implements Registration {
    static final String USERNAME_TAKEN = "A user with that username already exists.";
    static final String EMAIL_TAKEN = "A user with that email already exists.";

    private final UserRepository users;
    private final SessionRepository sessionStore;
    private final Sessions sessions;
    private final OneTimeCodes codes;
    private final Outbox outbox;
    private final AccountMail mail;
    private final Transactions transactions;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final Clock clock;
    private final Audit audit;
    private final Set<LanguageTag> languages;

    RegistrationService(
            UserRepository users,
            SessionRepository sessionStore,
            Sessions sessions,
            OneTimeCodes codes,
            Outbox outbox,
            AccountMail mail,
            Transactions transactions,
            PasswordHasher hasher,
            PasswordPolicy passwordPolicy,
            Clock clock,
            Audit audit,
            Set<LanguageTag> languages) {
        this.audit = audit;
        this.languages = Set.copyOf(languages);
        this.users = users;
        this.sessionStore = sessionStore;
        this.sessions = sessions;
        this.codes = codes;
        this.outbox = outbox;
        this.mail = mail;
        this.transactions = transactions;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.clock = clock;
    }

    @Override
    public Registered register(RegisterCommand command, Origin origin) {
        // Checked up front so that every problem is reported at once; the store's unique
        // constraints still decide a race (UsernameTaken / EmailTaken from add).
        Violations v = new Violations();
        if (users.findByUsername(command.username()).isPresent()) {
            v.add("username", USERNAME_TAKEN);
        }
        if (users.findByEmail(command.email()).isPresent()) {
            v.add("email", EMAIL_TAKEN);
        }
        passwordPolicy
                .problems(command.password(), command.username(), command.email())
                .forEach(problem -> v.add("password", problem));
        v.throwIfAny(AccountFailure.InvalidInput::new);

        // Argon2 is slow on purpose: keep it out of the transaction.
        String passwordHash = hasher.hash(command.password());
        Instant now = clock.instant();
        User user = User.register(
                UserId.random(),
                command.firstName(),
                command.lastName(),
                command.username(),
                command.email(),
                passwordHash,
                language(command),
                now);
        Session session = transactions.inTransaction(() -> {
            users.add(user);
            Session opened = sessions.openLogin(user.id(), now, origin);
            String code = codes.issue(user.id(), CodePurpose.VERIFY_EMAIL, now);
            outbox.enqueue(mail.verificationCode(user, code), now);
            audit.record(AuditKind.REGISTERED, user.id(), user.username(), Optional.of(opened.id()), origin, now, null);
            return opened;
        });
        return new Registered(Profile.from(user), sessions.grant(user, session, Optional.empty(), now));
    }

    @Override
    public SessionGrant verify(AuthenticatedUser caller, CodeCommand code, Origin origin) {
        Callers.requireKind(caller, SessionKind.LOGIN);
        User user = requireNew(caller);
        Instant now = clock.instant();
        OneTimeCode matched = codes.check(user.id(), CodePurpose.VERIFY_EMAIL, code.code(), now);
        return transactions.inTransaction(() -> {
            codes.consume(matched, now);
            Session session = sessionStore
                    .findById(caller.sessionId())
                    .filter(s -> s.isActive(now))
                    .orElseThrow(AccountFailure.SessionEnded::new);
            User verified = user.verified(now);
            users.update(verified);
            audit.record(AuditKind.VERIFIED, user.id(), user.username(), Optional.of(session.id()), origin, now, null);
            String refreshToken = sessions.issueRefreshToken(session.id(), now);
            return sessions.grant(verified, session, Optional.of(refreshToken), now);
        });
    }

    @Override
    public void resendCode(AuthenticatedUser caller) {
        Callers.requireKind(caller, SessionKind.LOGIN);
        User user = requireNew(caller);
        Instant now = clock.instant();
        Optional<Duration> wait = codes.cooldownLeft(user.id(), CodePurpose.VERIFY_EMAIL, now);
        if (wait.isPresent()) {
            throw new AccountFailure.Throttled("Please wait before asking for another code.", wait.get());
        }
        // Beyond the cap on mails to the address the answer is the same, but no new code replaces
        // the one mailed last: it still works, and a replacement would never arrive.
        if (!outbox.accepts(NotificationKind.VERIFICATION_CODE, user.email().value())) {
            return;
        }
        transactions.run(() -> {
            String code = codes.issue(user.id(), CodePurpose.VERIFY_EMAIL, now);
            outbox.enqueue(mail.verificationCode(user, code), now);
        });
    }

    /** The language asked for, else the client's best that mail is written in, else English. */
    private LanguageTag language(RegisterCommand command) {
        return command.locale()
                .or(() -> LanguageTag.lookup(command.preferences(), languages))
                .orElse(LanguageTag.ENGLISH);
    }

    private User requireNew(AuthenticatedUser caller) {
        User user = Callers.storedUser(users, caller);
        if (user.status() != AuthStatus.NEW) {
            throw new AccountFailure.AlreadyVerified();
        }
        return user;
    }
}
