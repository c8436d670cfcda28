package dev.stockroom.core.account.application;

import dev.stockroom.core.account.domain.AccountPolicy;
import dev.stockroom.core.account.port.in.AccountDeletion;
import dev.stockroom.core.account.port.in.EmailChanges;
import dev.stockroom.core.account.port.in.PersonalData;
import dev.stockroom.core.account.port.in.SecondFactorCheck;
import dev.stockroom.core.account.port.out.AuditLog;
import dev.stockroom.core.account.port.out.EmailChangeRepository;
import dev.stockroom.core.account.port.out.LoginAttempts;
import dev.stockroom.core.account.port.out.OneTimeCodeRepository;
import dev.stockroom.core.account.port.out.OwnedProducts;
import dev.stockroom.core.account.port.out.PasswordHasher;
import dev.stockroom.core.account.port.out.SessionRepository;
import dev.stockroom.core.account.port.out.TrustedDevices;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.notification.port.out.Outbox;
import dev.stockroom.core.shared.Transactions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

/**
 * The use cases of an account's later life, assembled from their driven ports: moving to a new
 * email address, deleting the account, and exporting what is stored about it. Shares the stores
 * (and so the codes, sessions and trail) of {@link AccountServices}.
 */
public final class AccountLifecycleServices {
    private final EmailChanges emailChanges;
    private final AccountDeletion deletion;
    private final PersonalData personalData;

    /**
     * @param ownedProducts what becomes of a deleted account's products ({@link OwnedProducts#NONE} without a catalogue)
     * @param secondFactor  the second factor a deletion asks for when enabled ({@link SecondFactorCheck#NONE} without one)
     */
    public AccountLifecycleServices(
            UserRepository users,
            SessionRepository sessionStore,
            OneTimeCodeRepository codeStore,
            LoginAttempts loginAttempts,
            TrustedDevices devices,
            AuditLog auditLog,
            EmailChangeRepository emailChangeStore,
            OwnedProducts ownedProducts,
            SecondFactorCheck secondFactor,
            Outbox outbox,
            Transactions transactions,
            PasswordHasher hasher,
            AccountPolicy policy,
            Clock clock,
            SecureRandom random) {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(sessionStore, "sessionStore");
        Objects.requireNonNull(codeStore, "codeStore");
        Objects.requireNonNull(loginAttempts, "loginAttempts");
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(auditLog, "auditLog");
        Objects.requireNonNull(emailChangeStore, "emailChangeStore");
        Objects.requireNonNull(ownedProducts, "ownedProducts");
        Objects.requireNonNull(secondFactor, "secondFactor");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(hasher, "hasher");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        OneTimeCodes codes = new OneTimeCodes(codeStore, policy, random);
        AccountMail mail = new AccountMail(policy);
        Audit audit = new Audit(auditLog);
        this.emailChanges = new EmailChangeService(
                users,
                sessionStore,
                devices,
                emailChangeStore,
                codes,
                outbox,
                mail,
                transactions,
                hasher,
                policy,
                clock,
                random,
                audit);
        this.deletion = new AccountDeletionService(
                users,
                sessionStore,
                devices,
                loginAttempts,
                emailChangeStore,
                auditLog,
                audit,
                ownedProducts,
                secondFactor,
                outbox,
                mail,
                transactions,
                hasher,
                clock);
        this.personalData = new PersonalDataService(users, sessionStore, auditLog, clock);
    }

    public EmailChanges emailChanges() {
        return emailChanges;
    }

    public AccountDeletion deletion() {
        return deletion;
    }

    public PersonalData personalData() {
        return personalData;
    }
}
