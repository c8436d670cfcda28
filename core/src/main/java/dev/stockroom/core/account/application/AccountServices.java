package dev.stockroom.core.account.application;

import dev.stockroom.core.account.domain.AccountPolicy;
import dev.stockroom.core.account.port.in.Administration;
import dev.stockroom.core.account.port.in.Authentication;
import dev.stockroom.core.account.port.in.PasswordRecovery;
import dev.stockroom.core.account.port.in.Profiles;
import dev.stockroom.core.account.port.in.Registration;
import dev.stockroom.core.account.port.in.SecondFactorCheck;
import dev.stockroom.core.account.port.in.TwoFactorSignIn;
import dev.stockroom.core.account.port.out.AuditLog;
import dev.stockroom.core.account.port.out.LoginAttempts;
import dev.stockroom.core.account.port.out.OneTimeCodeRepository;
import dev.stockroom.core.account.port.out.PasswordHasher;
import dev.stockroom.core.account.port.out.SecondFactorRepository;
import dev.stockroom.core.account.port.out.SessionRepository;
import dev.stockroom.core.account.port.out.TrustedDevices;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.notification.port.out.Outbox;
import dev.stockroom.core.shared.LanguageTag;
import dev.stockroom.core.shared.Transactions;
import dev.stockroom.core.throttling.port.out.RateCounters;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The account use cases assembled from their driven ports. The services themselves stay
 * package-private; hosts see only the driving ports (most go through {@code Stockroom}).
 */
public final class AccountServices {
    private final Registration registration;
    private final Authentication authentication;
    private final PasswordRecovery passwordRecovery;
    private final Profiles profiles;
    private final Administration administration;
    private final AccountHousekeeping housekeeping;
    private final Optional<TwoFactorSignIn> twoFactor;

    public AccountServices(
            UserRepository users,
            SessionRepository sessionStore,
            OneTimeCodeRepository codeStore,
            LoginAttempts loginAttempts,
            TrustedDevices devices,
            AuditLog auditLog,
            Outbox outbox,
            Transactions transactions,
            PasswordHasher hasher,
            AccountPolicy policy,
            Clock clock,
            SecureRandom random) {
        this(
                users,
                sessionStore,
                codeStore,
                loginAttempts,
                devices,
                auditLog,
                outbox,
                transactions,
                hasher,
                policy,
                clock,
                random,
                Optional.empty());
    }

    /**
     * As above, and housekeeping also forgets the ended windows of {@code rateCounters} (the limits
     * per client and email address), when given.
     */
    public AccountServices(
            UserRepository users,
            SessionRepository sessionStore,
            OneTimeCodeRepository codeStore,
            LoginAttempts loginAttempts,
            TrustedDevices devices,
            AuditLog auditLog,
            Outbox outbox,
            Transactions transactions,
            PasswordHasher hasher,
            AccountPolicy policy,
            Clock clock,
            SecureRandom random,
            Optional<RateCounters> rateCounters) {
        this(
                users,
                sessionStore,
                codeStore,
                loginAttempts,
                devices,
                auditLog,
                outbox,
                transactions,
                hasher,
                policy,
                clock,
                random,
                rateCounters,
                Optional.empty());
    }

    /**
     * As above, and two-factor sign-in is available when {@code secondFactors} is given; without
     * it, {@link #twoFactor()} is empty and {@link #secondFactorCheck()} is {@link SecondFactorCheck#NONE}.
     */
    public AccountServices(
            UserRepository users,
            SessionRepository sessionStore,
            OneTimeCodeRepository codeStore,
            LoginAttempts loginAttempts,
            TrustedDevices devices,
            AuditLog auditLog,
            Outbox outbox,
            Transactions transactions,
            PasswordHasher hasher,
            AccountPolicy policy,
            Clock clock,
            SecureRandom random,
            Optional<RateCounters> rateCounters,
            Optional<SecondFactorRepository> secondFactors) {
        this(
                users,
                sessionStore,
                codeStore,
                loginAttempts,
                devices,
                auditLog,
                outbox,
                transactions,
                hasher,
                policy,
                clock,
                random,
                rateCounters,
                secondFactors,
                Set.of(LanguageTag.ENGLISH));
    }

    /**
     * As above, and a new user whose client reads one of {@code mailLanguages} (the languages the
     * mail sender writes) gets it as their language.
     */
    public AccountServices(
            UserRepository users,
            SessionRepository sessionStore,
            OneTimeCodeRepository codeStore,
            LoginAttempts loginAttempts,
            TrustedDevices devices,
            AuditLog auditLog,
            Outbox outbox,
            Transactions transactions,
            PasswordHasher hasher,
            AccountPolicy policy,
            Clock clock,
            SecureRandom random,
            Optional<RateCounters> rateCounters,
            Optional<SecondFactorRepository> secondFactors,
            Set<LanguageTag> mailLanguages) {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(sessionStore, "sessionStore");
        Objects.requireNonNull(codeStore, "codeStore");
        Objects.requireNonNull(loginAttempts, "loginAttempts");
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(auditLog, "auditLog");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(hasher, "hasher");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(rateCounters, "rateCounters");
        Objects.requireNonNull(secondFactors, "secondFactors");
        Objects.requireNonNull(mailLanguages, "mailLanguages");
        PasswordPolicy passwordPolicy = PasswordPolicy.from(policy);
        Sessions sessions = new Sessions(sessionStore, policy, random);
        OneTimeCodes codes = new OneTimeCodes(codeStore, policy, random);
        AccountMail mail = new AccountMail(policy);
        Audit audit = new Audit(auditLog);
        Optional<TwoFactorService> twoFactor = secondFactors.map(factors -> new TwoFactorService(
                users, factors, loginAttempts, policy.loginThrottle(), audit, transactions, hasher, clock, random));
        this.twoFactor = twoFactor.map(TwoFactorSignIn.class::cast);
        this.registration = new RegistrationService(
                users,
                sessionStore,
                sessions,
                codes,
                outbox,
                mail,
                transactions,
                hasher,
                passwordPolicy,
                clock,
                audit,
                mailLanguages);
        this.authentication = new AuthenticationService(
                users,
                sessionStore,
                sessions,
                loginAttempts,
                devices,
                audit,
                policy,
                transactions,
                hasher,
                clock,
                random,
                twoFactor);
        this.passwordRecovery = new PasswordRecoveryService(
                users, sessionStore, sessions, codes, outbox, mail, transactions, hasher, passwordPolicy, clock, audit);
        this.profiles = new ProfileService(users, transactions, audit, clock);
        this.administration = new AdministrationService(
                users, sessionStore, loginAttempts, devices, auditLog, audit, transactions, clock);
        this.housekeeping = new AccountHousekeeping(
                sessionStore, codeStore, loginAttempts, devices, auditLog, rateCounters, policy, clock);
    }

    public Registration registration() {
        return registration;
    }

    public Authentication authentication() {
        return authentication;
    }

    public PasswordRecovery passwordRecovery() {
        return passwordRecovery;
    }

    public Profiles profiles() {
        return profiles;
    }

    public Administration administration() {
        return administration;
    }

    /** Two-factor sign-in; empty when no second-factor store was given. */
    public Optional<TwoFactorSignIn> twoFactor() {
        return twoFactor;
    }

    /** What a use case that re-authenticates asks; {@link SecondFactorCheck#NONE} without a second-factor store. */
    public SecondFactorCheck secondFactorCheck() {
        return twoFactor.<SecondFactorCheck>map(t -> t).orElse(SecondFactorCheck.NONE);
    }

    /**
     * Purges ended sessions, spent tokens, dead codes, stale login counts, unused device tokens,
     * old audit events and ended rate-limit windows; the host runs it on a schedule.
     */
    public AccountHousekeeping housekeeping() {
        return housekeeping;
    }
}
