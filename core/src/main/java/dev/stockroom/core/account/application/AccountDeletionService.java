package dev.stockroom.core.account.application;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.AuditKind;
import dev.stockroom.core.account.domain.Origin;
import dev.stockroom.core.account.domain.Role;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.port.in.AccountDeletion;
import dev.stockroom.core.account.port.in.AuthenticatedUser;
import dev.stockroom.core.account.port.in.DeleteAccountCommand;
import dev.stockroom.core.account.port.in.SecondFactorCheck;
import dev.stockroom.core.account.port.out.AuditLog;
import dev.stockroom.core.account.port.out.EmailChangeRepository;
import dev.stockroom.core.account.port.out.LoginAttempts;
import dev.stockroom.core.account.port.out.OwnedProducts;
import dev.stockroom.core.account.port.out.PasswordHasher;
import dev.stockroom.core.account.port.out.SessionRepository;
import dev.stockroom.core.account.port.out.TrustedDevices;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.notification.port.out.Outbox;
import dev.stockroom.core.shared.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Deletes accounts. The user's row goes, and with it (in the store) sessions, codes, device
 * tokens and pending email changes; the audit trail keeps its events under the bare id, with the
 * username and client details cleared. The products go first, outside the account's transaction
 * (the catalogue deletes photo files after its own commits), and once more after it, for any added
 * meanwhile.
 */
final class AccountDeletionService implements AccountDeletion {
    private final UserRepository users;
    private final SessionRepository sessionStore;
    private final TrustedDevices devices;
    private final LoginAttempts loginAttempts;
    private final EmailChangeRepository emailChanges;
    private final AuditLog auditLog;
    private final Audit audit;
    private final OwnedProducts products;
    private final SecondFactorCheck secondFactor;
    private final Outbox outbox;
    private final AccountMail mail;
    private final Transactions transactions;
    private final PasswordHasher hasher;
    private final Clock clock;

    AccountDeletionService(
            UserRepository users,
            SessionRepository sessionStore,
            TrustedDevices devices,
            LoginAttempts loginAttempts,
            EmailChangeRepository emailChanges,
            AuditLog auditLog,
            Audit audit,
            OwnedProducts products,
            SecondFactorCheck secondFactor,
            Outbox outbox,
            AccountMail mail,
            Transactions transactions,
            PasswordHasher hasher,
            Clock clock) {
        this.users = users;
        this.sessionStore = sessionStore;
        this.devices = devices;
        this.loginAttempts = loginAttempts;
        this.emailChanges = emailChanges;
        this.auditLog = auditLog;
        this.audit = audit;
        this.products = products;
        this.secondFactor = secondFactor;
        this.outbox = outbox;
        this.mail = mail;
        this.transactions = transactions;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Override
    public void deleteOwn(AuthenticatedUser caller, DeleteAccountCommand command, Origin origin) {
        Callers.requireKind(caller, SessionKind.LOGIN);
        User user = Callers.storedUser(users, caller);
        if (!hasher.matches(command.password(), user.passwordHash())) {
            throw new AccountFailure.WrongPassword("password");
        }
        if (secondFactor.isEnabled(user.id())) {
            String code = command.code()
                    .orElseThrow(() -> AccountFailure.InvalidInput.of(
                            "code", "Two-factor sign-in is on: give a code from your app or a recovery code."));
            secondFactor.verify(user.id(), code);
        }
        // The client address of a request that deletes a person's data is that person's data too.
        delete(user, Optional.empty(), Origin.UNKNOWN, "deleted by the user");
    }

    @Override
    public void deleteByAdmin(AuthenticatedUser admin, UserId id, Origin origin) {
        Callers.requireKind(admin, SessionKind.LOGIN);
        if (!admin.isAdmin()) {
            throw new AccountFailure.NotAdmin();
        }
        User user = users.findById(id).orElseThrow(() -> new AccountFailure.UserNotFound("with that id"));
        delete(user, Optional.of(admin.userId()), origin, "deleted by an admin");
    }

    private void delete(User user, Optional<UserId> admin, Origin origin, String detail) {
        // Checked before anything goes, and again under lock below.
        transactions.run(() -> requireNotLastAdmin(user, users.countEnabledWithRoleForUpdate(Role.ADMIN)));
        int released = products.releaseAllOf(user.id());
        Instant now = clock.instant();
        boolean deleted = transactions.inTransaction(() -> {
            // The admins first, then the user, as every admin change takes its locks.
            int admins = users.countEnabledWithRoleForUpdate(Role.ADMIN);
            Optional<User> stored = users.findByIdForUpdate(user.id());
            if (stored.isEmpty()) {
                return false;
            }
            User current = stored.get();
            requireNotLastAdmin(current, admins);
            sessionStore.revokeAllOf(current.id(), now);
            devices.removeAllOf(current.id());
            emailChanges.removeRequest(current.id());
            emailChanges.removeUndosOf(current.id());
            loginAttempts.forget(AuthenticationService.nameKeys(current));
            users.remove(current.id());
            auditLog.forgetPersonalDataOf(current.id());
            audit.withoutName(
                    AuditKind.ACCOUNT_DELETED,
                    current.id(),
                    admin,
                    origin,
                    now,
                    detail + "; " + released + " products released");
            outbox.enqueue(mail.accountDeleted(current, now), now);
            return true;
        });
        if (!deleted) {
            throw new AccountFailure.UserNotFound("with that id");
        }
        products.releaseAllOf(user.id());
    }

    private static void requireNotLastAdmin(User user, int enabledAdmins) {
        if (user.role() == Role.ADMIN && !user.isDisabled() && enabledAdmins <= 1) {
            throw new AccountFailure.LastAdmin();
        }
    }
}
