package dev.stockroom.core;

import dev.stockroom.core.account.application.AccountHousekeeping;
import dev.stockroom.core.account.application.AccountServices;
import dev.stockroom.core.account.domain.AccountPolicy;
import dev.stockroom.core.account.hashing.Argon2idPasswordHasher;
import dev.stockroom.core.account.port.in.Administration;
import dev.stockroom.core.account.port.in.Authentication;
import dev.stockroom.core.account.port.in.PasswordRecovery;
import dev.stockroom.core.account.port.in.Profiles;
import dev.stockroom.core.account.port.in.Registration;
import dev.stockroom.core.account.port.out.AuditLog;
import dev.stockroom.core.account.port.out.LoginAttempts;
import dev.stockroom.core.account.port.out.OneTimeCodeRepository;
import dev.stockroom.core.account.port.out.PasswordHasher;
import dev.stockroom.core.account.port.out.SessionRepository;
import dev.stockroom.core.account.port.out.TrustedDevices;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.catalog.application.CatalogService;
import dev.stockroom.core.catalog.domain.CatalogPolicy;
import dev.stockroom.core.catalog.port.in.Catalog;
import dev.stockroom.core.catalog.port.out.PhotoStore;
import dev.stockroom.core.catalog.port.out.ProductRepository;
import dev.stockroom.core.notification.application.MailRelay;
import dev.stockroom.core.notification.port.out.MailSender;
import dev.stockroom.core.notification.port.out.Outbox;
import dev.stockroom.core.shared.Transactions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Stockroom for embedding: give it the driven ports (your own adapters, or Stockroom's) and use
 * the driving ports it assembles.
 *
 * <pre>{@code
 * Stockroom stockroom = Stockroom.builder()
 *         .users(users).sessions(sessions).codes(codes).loginAttempts(loginAttempts)
 *         .devices(devices).audit(audit).outbox(outbox).mailSender(mailSender).transactions(transactions)
 *         .products(products).photos(photos)          // optional: the catalogue
 *         .build();
 * Registered registered = stockroom.registration().register(command);
 * // and call stockroom.mailRelay().relayDue() every few seconds, stockroom.housekeeping().purge() hourly
 * }</pre>
 */
public final class Stockroom {
    private final AccountServices accounts;
    private final MailRelay mailRelay;
    private final Catalog catalog;
    private final AccountPolicy accountPolicy;
    private final Clock clock;

    private Stockroom(Builder b) {
        this.accountPolicy = b.accountPolicy;
        this.clock = b.clock;
        this.accounts = new AccountServices(b.users, b.sessions, b.codes, b.loginAttempts, b.devices, b.audit,
                b.outbox, b.transactions, b.passwordHasher, b.accountPolicy, b.clock, b.random);
        this.mailRelay = new MailRelay(b.outbox, b.mailSender, b.clock);
        this.catalog = b.products == null ? null
                : new CatalogService(b.products, b.photos, b.transactions, b.clock, b.catalogPolicy);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Registration registration() {
        return accounts.registration();
    }

    public Authentication authentication() {
        return accounts.authentication();
    }

    public PasswordRecovery passwordRecovery() {
        return accounts.passwordRecovery();
    }

    public Profiles profiles() {
        return accounts.profiles();
    }

    /** What a shop's administrator sees and does: users, sessions, throttling and the audit trail. */
    public Administration administration() {
        return accounts.administration();
    }

    /**
     * The product catalogue.
     *
     * @throws IllegalStateException when the builder was given no products and photos ports
     */
    public Catalog catalog() {
        if (catalog == null) {
            throw new IllegalStateException("The catalogue is not configured: give Stockroom.builder() "
                    + "products(ProductRepository) and photos(PhotoStore)");
        }
        return catalog;
    }

    /**
     * Deletes account records that can no longer matter; the host calls
     * {@link AccountHousekeeping#purge()} on a schedule (hourly is plenty).
     */
    public AccountHousekeeping housekeeping() {
        return accounts.housekeeping();
    }

    /** Sends queued mail; the host calls {@link MailRelay#relayDue()} on a schedule. */
    public MailRelay mailRelay() {
        return mailRelay;
    }

    public AccountPolicy accountPolicy() {
        return accountPolicy;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Collects the ports. Every port without a default is required; {@link #build()} names each
     * one that is missing. A new capability adds its ports here and to {@link #missing()}.
     */
    public static final class Builder {
        // Accounts
        private UserRepository users;
        private SessionRepository sessions;
        private OneTimeCodeRepository codes;
        private LoginAttempts loginAttempts;
        private TrustedDevices devices;
        private AuditLog audit;
        private PasswordHasher passwordHasher;
        private AccountPolicy accountPolicy = AccountPolicy.defaults();
        // Catalogue (optional, both or neither)
        private ProductRepository products;
        private PhotoStore photos;
        private CatalogPolicy catalogPolicy = CatalogPolicy.defaults();
        // Mail
        private Outbox outbox;
        private MailSender mailSender;
        // Shared
        private Transactions transactions;
        private Clock clock = Clock.systemUTC();
        private SecureRandom random;

        private Builder() {
        }

        public Builder users(UserRepository users) {
            this.users = Objects.requireNonNull(users, "users");
            return this;
        }

        public Builder sessions(SessionRepository sessions) {
            this.sessions = Objects.requireNonNull(sessions, "sessions");
            return this;
        }

        public Builder codes(OneTimeCodeRepository codes) {
            this.codes = Objects.requireNonNull(codes, "codes");
            return this;
        }

        /** Where failed logins are counted; in a database, so that every instance enforces one limit. */
        public Builder loginAttempts(LoginAttempts loginAttempts) {
            this.loginAttempts = Objects.requireNonNull(loginAttempts, "loginAttempts");
            return this;
        }

        /** Where device tokens are kept, so that a stranger's wrong passwords never slow the owner's device. */
        public Builder devices(TrustedDevices devices) {
            this.devices = Objects.requireNonNull(devices, "devices");
            return this;
        }

        /** The trail of security events; appended to in the transaction of each change. */
        public Builder audit(AuditLog audit) {
            this.audit = Objects.requireNonNull(audit, "audit");
            return this;
        }

        public Builder products(ProductRepository products) {
            this.products = Objects.requireNonNull(products, "products");
            return this;
        }

        public Builder photos(PhotoStore photos) {
            this.photos = Objects.requireNonNull(photos, "photos");
            return this;
        }

        /** Defaults to {@link CatalogPolicy#defaults()}. */
        public Builder catalogPolicy(CatalogPolicy catalogPolicy) {
            this.catalogPolicy = Objects.requireNonNull(catalogPolicy, "catalogPolicy");
            return this;
        }

        public Builder outbox(Outbox outbox) {
            this.outbox = Objects.requireNonNull(outbox, "outbox");
            return this;
        }

        public Builder mailSender(MailSender mailSender) {
            this.mailSender = Objects.requireNonNull(mailSender, "mailSender");
            return this;
        }

        public Builder transactions(Transactions transactions) {
            this.transactions = Objects.requireNonNull(transactions, "transactions");
            return this;
        }

        /** Defaults to Argon2id ({@link Argon2idPasswordHasher}). */
        public Builder passwordHasher(PasswordHasher passwordHasher) {
            this.passwordHasher = Objects.requireNonNull(passwordHasher, "passwordHasher");
            return this;
        }

        /** Defaults to the system clock in UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Defaults to a new {@link SecureRandom}. */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** Defaults to {@link AccountPolicy#defaults()}. */
        public Builder accountPolicy(AccountPolicy accountPolicy) {
            this.accountPolicy = Objects.requireNonNull(accountPolicy, "accountPolicy");
            return this;
        }

        /** @throws IllegalStateException naming every required port that was not given */
        public Stockroom build() {
            List<String> missing = missing();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Stockroom.builder() is missing " + String.join(", ", missing));
            }
            if (random == null) {
                random = new SecureRandom();
            }
            if (passwordHasher == null) {
                passwordHasher = new Argon2idPasswordHasher(random);
            }
            return new Stockroom(this);
        }

        private List<String> missing() {
            List<String> missing = new ArrayList<>();
            require(missing, users, "users(UserRepository)");
            require(missing, sessions, "sessions(SessionRepository)");
            require(missing, codes, "codes(OneTimeCodeRepository)");
            require(missing, loginAttempts, "loginAttempts(LoginAttempts)");
            require(missing, devices, "devices(TrustedDevices)");
            require(missing, audit, "audit(AuditLog)");
            require(missing, outbox, "outbox(Outbox)");
            require(missing, mailSender, "mailSender(MailSender)");
            require(missing, transactions, "transactions(Transactions)");
            if (products != null || photos != null) {
                require(missing, products, "products(ProductRepository) (the catalogue needs both)");
                require(missing, photos, "photos(PhotoStore) (the catalogue needs both)");
            }
            return missing;
        }

        private static void require(List<String> missing, Object port, String setter) {
            if (port == null) {
                missing.add(setter);
            }
        }
    }
}
