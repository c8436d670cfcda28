package dev.stockroom.core.account.application;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.AccountPolicy;
import dev.stockroom.core.account.domain.AuditKind;
import dev.stockroom.core.account.domain.CodePurpose;
import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.account.domain.EmailChangeRequest;
import dev.stockroom.core.account.domain.EmailChangeUndo;
import dev.stockroom.core.account.domain.OneTimeCode;
import dev.stockroom.core.account.domain.Origin;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.port.in.AuthenticatedUser;
import dev.stockroom.core.account.port.in.ChangeEmailCommand;
import dev.stockroom.core.account.port.in.CodeCommand;
import dev.stockroom.core.account.port.in.EmailChanges;
import dev.stockroom.core.account.port.in.Profile;
import dev.stockroom.core.account.port.in.UndoEmailChangeCommand;
import dev.stockroom.core.account.port.out.EmailChangeRepository;
import dev.stockroom.core.account.port.out.PasswordHasher;
import dev.stockroom.core.account.port.out.SessionRepository;
import dev.stockroom.core.account.port.out.TrustedDevices;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.notification.domain.NotificationKind;
import dev.stockroom.core.notification.port.out.Outbox;
import dev.stockroom.core.shared.Transactions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

final class EmailChangeService implements EmailChanges {
    /** How long the address an email change leaves can still undo it. */
    static final Duration UNDO_LIFETIME = Duration.ofDays(7);

    private static final int CODE_SPACE = 1_000_000;

    private final UserRepository users;
    private final SessionRepository sessionStore;
    private final TrustedDevices devices;
    private final EmailChangeRepository changes;
    private final OneTimeCodes codes;
    private final Outbox outbox;
    private final AccountMail mail;
    private final Transactions transactions;
    private final PasswordHasher hasher;
    private final AccountPolicy policy;
    private final Clock clock;
    private final SecureRandom random;
    private final Audit audit;

    EmailChangeService(
            UserRepository users,
            SessionRepository sessionStore,
            TrustedDevices devices,
            EmailChangeRepository changes,
            OneTimeCodes codes,
            Outbox outbox,
            AccountMail mail,
            Transactions transactions,
            PasswordHasher hasher,
            AccountPolicy policy,
            Clock clock,
            SecureRandom random,
            Audit audit) {
        this.users = users;
        this.sessionStore = sessionStore;
        this.devices = devices;
        this.changes = changes;
        this.codes = codes;
        this.outbox = outbox;
        this.mail = mail;
        this.transactions = transactions;
        this.hasher = hasher;
        this.policy = policy;
        this.clock = clock;
        this.random = random;
        this.audit = audit;
    }

    @Override
    public void request(AuthenticatedUser caller, ChangeEmailCommand command, Origin origin) {
        Callers.requireKind(caller, SessionKind.LOGIN);
        User user = Callers.storedUser(users, caller);
        if (!user.isVerified()) {
            throw new AccountFailure.NotVerified();
        }
        EmailAddress newEmail = command.newEmail();
        if (newEmail.key().equals(user.email().key())) {
            throw AccountFailure.InvalidInput.of("new_email", "This is already your email address.");
        }
        if (!hasher.matches(command.password(), user.passwordHash())) {
            throw new AccountFailure.WrongPassword("password");
        }
        if (users.findByEmail(newEmail).isPresent()) {
            throw new AccountFailure.EmailTaken("new_email");
        }
        Instant now = clock.instant();
        Optional<Duration> wait = codes.cooldownLeft(user.id(), CodePurpose.CHANGE_EMAIL, now);
        if (wait.isPresent()) {
            throw new AccountFailure.Throttled("Please wait before asking for another code.", wait.get());
        }
        // Beyond the cap on mails to the new address the answer is the same, and nothing changes:
        // a code that is never mailed would only replace one that was.
        if (!outbox.accepts(NotificationKind.EMAIL_CHANGE_CODE, newEmail.value())) {
            return;
        }
        String undoCode = String.format("%06d", random.nextInt(CODE_SPACE));
        UUID undoId = UUID.randomUUID();
        transactions.run(() -> {
            String code = codes.issue(user.id(), CodePurpose.CHANGE_EMAIL, now);
            changes.replaceRequest(new EmailChangeRequest(user.id(), newEmail, now, now.plus(policy.codeLifetime())));
            changes.addUndo(new EmailChangeUndo(
                    undoId,
                    user.id(),
                    user.email(),
                    newEmail,
                    undoHash(undoId, undoCode),
                    now,
                    now.plus(UNDO_LIFETIME),
                    0));
            outbox.enqueue(mail.emailChangeCode(user, newEmail, code), now);
            outbox.enqueue(mail.emailChangeRequested(user, newEmail, undoCode, UNDO_LIFETIME), now);
            audit.record(
                    AuditKind.EMAIL_CHANGED,
                    user.id(),
                    user.username(),
                    Optional.of(caller.sessionId()),
                    origin,
                    now,
                    "change requested; code sent to the new address");
        });
    }

    @Override
    public Profile verify(AuthenticatedUser caller, CodeCommand code, Origin origin) {
        Callers.requireKind(caller, SessionKind.LOGIN);
        User user = Callers.storedUser(users, caller);
        Instant now = clock.instant();
        OneTimeCode matched = codes.check(user.id(), CodePurpose.CHANGE_EMAIL, code.code(), now);
        EmailChangeRequest request = changes.findRequest(user.id())
                .filter(r -> !r.isExpired(now))
                .orElseThrow(AccountFailure.WrongCode::new);
        return transactions.inTransaction(() -> {
            User current = users.findByIdForUpdate(user.id()).orElseThrow(AccountFailure.SessionEnded::new);
            codes.consume(matched, now);
            User changed = current.withEmail(request.newEmail(), now);
            moveTo(changed, "new_email");
            changes.removeRequest(user.id());
            audit.record(
                    AuditKind.EMAIL_CHANGED,
                    user.id(),
                    user.username(),
                    Optional.of(caller.sessionId()),
                    origin,
                    now,
                    "email changed; the old address may undo it for " + UNDO_LIFETIME.toDays() + " days");
            return Profile.from(changed);
        });
    }

    @Override
    public void undo(UndoEmailChangeCommand command, Origin origin) {
        Instant now = clock.instant();
        List<EmailChangeUndo> live = changes.findUndosTo(command.email()).stream()
                .filter(u -> !u.isExpired(now))
                .toList();
        EmailChangeUndo matched = null;
        boolean exhausted = false;
        for (EmailChangeUndo candidate : live) {
            // Each try is counted (committed) before the comparison, as for codes.
            if (!changes.claimUndoAttempt(candidate.id(), policy.maxCodeAttempts())) {
                exhausted = true;
                continue;
            }
            if (Digests.sameDigest(undoHash(candidate.id(), command.code()), candidate.codeHash())) {
                matched = candidate;
                break;
            }
        }
        if (matched == null) {
            if (live.isEmpty()) {
                // The same work as a real check, so that the answer does not tell a stranger more.
                undoHash(UUID.randomUUID(), command.code());
            }
            throw exhausted && live.size() == 1 ? new AccountFailure.TooManyAttempts() : new AccountFailure.WrongCode();
        }
        EmailChangeUndo undo = matched;
        transactions.run(() -> {
            User user = users.findByIdForUpdate(undo.userId()).orElseThrow(AccountFailure.WrongCode::new);
            // Spends every way back of the user's: a later change's undo must not undo this one.
            if (changes.removeUndosOf(user.id()) == 0) {
                throw new AccountFailure.WrongCode();
            }
            changes.removeRequest(user.id());
            boolean reverted = !user.email().key().equals(undo.oldEmail().key());
            if (reverted) {
                moveTo(user.withEmail(undo.oldEmail(), now), "email");
            }
            // Whoever asked for the change knew the password: their sessions and devices end here.
            int ended = sessionStore.revokeAllOf(user.id(), now);
            devices.removeAllOf(user.id());
            audit.record(
                    AuditKind.EMAIL_CHANGED,
                    user.id(),
                    user.username(),
                    Optional.empty(),
                    origin,
                    now,
                    (reverted ? "email change undone" : "pending email change cancelled") + " from the old address; "
                            + ended + " sessions ended");
        });
    }

    /** Stores the user at the new address, or fails naming {@code field} when another account has it. */
    private void moveTo(User changed, String field) {
        Optional<User> holder = users.findByEmail(changed.email());
        if (holder.isPresent() && !holder.get().id().equals(changed.id())) {
            throw new AccountFailure.EmailTaken(field);
        }
        try {
            users.update(changed);
        } catch (AccountFailure.EmailTaken raced) {
            throw new AccountFailure.EmailTaken(field);
        }
    }

    private static String undoHash(UUID undoId, String code) {
        return Digests.sha256Hex(undoId + ":undo-email-change:" + code);
    }
}
