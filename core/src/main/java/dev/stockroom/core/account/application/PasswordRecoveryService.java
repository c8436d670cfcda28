package dev.stockroom.core.account.application;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.AuditKind;
import dev.stockroom.core.account.domain.AuthStatus;
import dev.stockroom.core.account.domain.CodePurpose;
import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.account.domain.OneTimeCode;
import dev.stockroom.core.account.domain.Origin;
import dev.stockroom.core.account.domain.Session;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.port.in.AuthenticatedUser;
import dev.stockroom.core.account.port.in.NewPasswordCommand;
import dev.stockroom.core.account.port.in.PasswordRecovery;
import dev.stockroom.core.account.port.in.SessionGrant;
import dev.stockroom.core.account.port.in.VerifyResetCodeCommand;
import dev.stockroom.core.account.port.out.PasswordHasher;
import dev.stockroom.core.account.port.out.SessionRepository;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.notification.domain.NotificationKind;
import dev.stockroom.core.notification.port.out.Outbox;
import dev.stockroom.core.shared.InvalidValue;
import dev.stockroom.core.shared.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class PasswordRecoveryService implements PasswordRecovery {
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

    PasswordRecoveryService(
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
            Audit audit) {
        this.audit = audit;
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
    public void forget(String email) {
        EmailAddress address;
        try {
            address = new EmailAddress(email);
        } catch (InvalidValue e) {
            throw AccountFailure.InvalidInput.of("email", e.getMessage());
        }
        Instant now = clock.instant();
        Optional<User> found = users.findByEmail(address);
        if (found.isEmpty()) {
            // Nothing to send, but make and hash a code as for a real account.
            codes.issueNothing(UserId.random(), CodePurpose.RESET_PASSWORD);
            return;
        }
        User user = found.get();
        // Inside the cooldown the request is dropped silently: a 429 here would tell a stranger
        // that the address has an account.
        if (codes.cooldownLeft(user.id(), CodePurpose.RESET_PASSWORD, now).isPresent()) {
            return;
        }
        // Beyond the cap on mails to the address, dropped as silently; and no new code, so the one
        // mailed last still works (a replacement that is never mailed would lock its owner out).
        if (!outbox.accepts(NotificationKind.PASSWORD_RESET_CODE, user.email().value())) {
            return;
        }
        transactions.run(() -> {
            String code = codes.issue(user.id(), CodePurpose.RESET_PASSWORD, now);
            outbox.enqueue(mail.passwordResetCode(user, code), now);
        });
    }

    @Override
    public SessionGrant verifyCode(VerifyResetCodeCommand command) {
        Instant now = clock.instant();
        // An unknown address gets the same answer as a wrong code.
        User user = users.findByEmail(command.email()).orElseThrow(AccountFailure.WrongCode::new);
        OneTimeCode matched = codes.check(user.id(), CodePurpose.RESET_PASSWORD, command.code(), now);
        return transactions.inTransaction(() -> {
            codes.consume(matched, now);
            Session session = sessions.openPasswordReset(user.id(), now, Origin.UNKNOWN);
            return sessions.grant(user, session, Optional.empty(), now);
        });
    }

    @Override
    public void reset(AuthenticatedUser caller, NewPasswordCommand command, Origin origin) {
        Callers.requireKind(caller, SessionKind.PASSWORD_RESET);
        User user = Callers.storedUser(users, caller);
        String newHash = hashAcceptable(command.password(), user);
        Instant now = clock.instant();
        User changed = user.withPasswordHash(newHash, now);
        // Completing a reset proves the address, as a verification code would have.
        replacePassword(
                caller,
                changed.status() == AuthStatus.NEW ? changed.verified(now) : changed,
                now,
                AuditKind.PASSWORD_RESET,
                origin);
    }

    @Override
    public void change(AuthenticatedUser caller, NewPasswordCommand command, Origin origin) {
        Callers.requireKind(caller, SessionKind.LOGIN);
        User user = Callers.storedUser(users, caller);
        if (!user.isVerified()) {
            throw new AccountFailure.NotVerified();
        }
        String oldPassword = command.oldPassword();
        if (oldPassword == null || oldPassword.isEmpty()) {
            throw new AccountFailure.InvalidInput(Map.of("old_password", List.of("This field is required.")));
        }
        if (!hasher.matches(oldPassword, user.passwordHash())) {
            throw new AccountFailure.WrongPassword();
        }
        String newHash = hashAcceptable(command.password(), user);
        Instant now = clock.instant();
        replacePassword(caller, user.withPasswordHash(newHash, now), now, AuditKind.PASSWORD_CHANGED, origin);
    }

    private String hashAcceptable(String password, User user) {
        List<String> problems = passwordPolicy.problems(password, user.username(), user.email());
        if (!problems.isEmpty()) {
            throw new AccountFailure.InvalidInput(Map.of("password", problems));
        }
        return hasher.hash(password);
    }

    /**
     * Stores the new password and ends every session of the user. The caller's own session is
     * revoked first, conditionally: of two requests with one reset token, only one gets past it.
     */
    private void replacePassword(AuthenticatedUser caller, User changed, Instant now, AuditKind kind, Origin origin) {
        transactions.run(() -> {
            if (!sessionStore.revoke(caller.sessionId(), now)) {
                throw new AccountFailure.SessionEnded();
            }
            users.update(changed);
            sessionStore.revokeAllOf(changed.id(), now);
            outbox.enqueue(mail.passwordChanged(changed, now), now);
            audit.record(
                    kind,
                    changed.id(),
                    changed.username(),
                    Optional.of(caller.sessionId()),
                    origin,
                    now,
                    "every session ended");
        });
    }
}
