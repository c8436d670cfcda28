package dev.stockroom.core;

import dev.stockroom.core.account.application.AccountHousekeeping;
import dev.stockroom.core.account.application.AccountLifecycleServices;
import dev.stockroom.core.account.application.AccountServices;
import dev.stockroom.core.account.domain.AccountPolicy;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.hashing.Argon2idPasswordHasher;
import dev.stockroom.core.account.port.in.AccountDeletion;
import dev.stockroom.core.account.port.in.Administration;
import dev.stockroom.core.account.port.in.Authentication;
import dev.stockroom.core.account.port.in.EmailChanges;
import dev.stockroom.core.account.port.in.PasswordRecovery;
import dev.stockroom.core.account.port.in.PersonalData;
import dev.stockroom.core.account.port.in.Profiles;
import dev.stockroom.core.account.port.in.Registration;
import dev.stockroom.core.account.port.in.SecondFactorCheck;
import dev.stockroom.core.account.port.in.TwoFactorSignIn;
import dev.stockroom.core.account.port.out.AuditLog;
import dev.stockroom.core.account.port.out.EmailChangeRepository;
import dev.stockroom.core.account.port.out.LoginAttempts;
import dev.stockroom.core.account.port.out.OneTimeCodeRepository;
import dev.stockroom.core.account.port.out.OwnedProducts;
import dev.stockroom.core.account.port.out.PasswordHasher;
import dev.stockroom.core.account.port.out.SecondFactorRepository;
import dev.stockroom.core.account.port.out.SessionRepository;
import dev.stockroom.core.account.port.out.TrustedDevices;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.catalog.application.CatalogService;
import dev.stockroom.core.catalog.application.CatalogWithImages;
import dev.stockroom.core.catalog.application.ProductImageService;
import dev.stockroom.core.catalog.application.ProductsOfDeletedAccounts;
import dev.stockroom.core.catalog.domain.CatalogPolicy;
import dev.stockroom.core.catalog.domain.DeletedOwnerProducts;
import dev.stockroom.core.catalog.domain.ImagePolicy;
import dev.stockroom.core.catalog.port.in.Catalog;
import dev.stockroom.core.catalog.port.in.ProductImages;
import dev.stockroom.core.catalog.port.out.PhotoStore;
import dev.stockroom.core.catalog.port.out.ProductImageRepository;
import dev.stockroom.core.catalog.port.out.ProductRepository;
import dev.stockroom.core.notification.application.CappedOutbox;
import dev.stockroom.core.notification.application.MailRelay;
import dev.stockroom.core.notification.port.out.MailSender;
import dev.stockroom.core.notification.port.out.Outbox;
import dev.stockroom.core.shared.Transactions;
import dev.stockroom.core.throttling.application.FixedWindowRateLimiter;
import dev.stockroom.core.throttling.domain.RatePolicy;
import dev.stockroom.core.throttling.port.in.RateLimiter;
import dev.stockroom.core.throttling.port.out.RateCounters;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Stockroom for embedding: give it the driven ports (your own adapters, or Stockroom's) and use
 * the driving ports it assembles.
 *
 * <pre>{@code
 * Stockroom stockroom = Stockroom.builder()
 *         .users(users).sessions(sessions).codes(codes).loginAttempts(loginAttempts)
 *         .devices(devices).audit(audit).emailChanges(emailChanges).outbox(outbox).mailSender(mailSender)
 *         .transactions(transactions)
 *         .products(products).photos(photos)          // optional: the catalogue
 *         .productImages(images)                      // optional: several images per product
 *         .rateCounters(rateCounters)                 // optional: the cap on mail per address, rateLimiter()
 *         .secondFactors(secondFactors)               // optional: two-factor sign-in, twoFactor()
 *         .build();
 * Registered registered = stockroom.registration().register(command);
 * // and call stockroom.mailRelay().relayDue() every few seconds, stockroom.housekeeping().purge() hourly
 * }</pre>
 */
public final class Stockroom {
    private final AccountServices accounts;
    private final AccountLifecycleServices lifecycle;
    private final MailRelay mailRelay;
    private final Catalog catalog;
    private final CatalogService catalogService;
    private final ProductImages productImages;
    private final RateLimiter rateLimiter;
    private final AccountPolicy accountPolicy;
    private final CatalogPolicy catalogPolicy;
    private final Clock clock;

    private Stockroom(Builder b) {
        this.accountPolicy = b.accountPolicy;
        this.catalogPolicy = b.catalogPolicy;
        this.clock = b.clock;
        this.rateLimiter = b.rateCounters == null ? null : new FixedWindowRateLimiter(b.rateCounters, b.clock);
        // Only the account use cases' mail is capped; the relay works on the outbox itself.
        Outbox accountMail = rateLimiter == null || b.mailsOfOneKind == 0
                ? b.outbox
                : new CappedOutbox(b.outbox, rateLimiter, b.mailsOfOneKind, b.mailCapWindow);
        this.accounts = new AccountServices(
                b.users,
                b.sessions,
                b.codes,
                b.loginAttempts,
                b.devices,
                b.audit,
                accountMail,
                b.transactions,
                b.passwordHasher,
                b.accountPolicy,
                b.clock,
                b.random,
                Optional.ofNullable(b.rateCounters),
                Optional.ofNullable(b.secondFactors),
                b.mailSender.languages());
        this.mailRelay = new MailRelay(b.outbox, b.mailSender, b.clock, b.mailParallelism);
        CatalogService plainCatalog = b.products == null
                ? null
                : new CatalogService(
                        b.products,
                        b.photos,
                        b.transactions,
                        b.clock,
                        b.catalogPolicy,
                        Optional.ofNullable(b.productImages));
        OwnedProducts ownedProducts = b.products == null
                ? OwnedProducts.NONE
                : new ProductsOfDeletedAccounts(b.products, b.transactions, b.clock, b.deletedOwnerProducts);
        this.lifecycle = new AccountLifecycleServices(
                b.users,
                b.sessions,
                b.codes,
                b.loginAttempts,
                b.devices,
                b.audit,
                b.emailChanges,
                ownedProducts,
                accounts.secondFactorCheck(),
                accountMail,
                b.transactions,
                b.passwordHasher,
                b.accountPolicy,
                b.clock,
                b.random);
        this.catalogService = plainCatalog;
        if (plainCatalog != null && b.productImages != null) {
            ProductImageService images = new ProductImageService(
                    b.products, b.productImages, b.photos, b.transactions, b.clock, b.catalogPolicy, b.imagePolicy);
            this.productImages = images;
            this.catalog = new CatalogWithImages(plainCatalog, images, b.productImages, b.products);
        } else {
            this.productImages = null;
            this.catalog = plainCatalog;
        }
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

    /** Moving an account to a new email address, and back. */
    public EmailChanges emailChanges() {
        return lifecycle.emailChanges();
    }

    /**
     * Deleting an account, by its user or an admin; the products go as
     * {@link Builder#deletedOwnerProducts} says.
     */
    public AccountDeletion accountDeletion() {
        return lifecycle.deletion();
    }

    /** What the accounts store about the caller, for export. */
    public PersonalData personalData() {
        return lifecycle.personalData();
    }

    /** What a shop's administrator sees and does: users, sessions, throttling and the audit trail. */
    public Administration administration() {
        return accounts.administration();
    }

    /**
     * Two-factor sign-in (TOTP): set-up, confirmation and disabling; logging in with it is
     * {@link #authentication()}'s.
     *
     * @throws IllegalStateException when the builder was given no second-factor store
     */
    public TwoFactorSignIn twoFactor() {
        return accounts.twoFactor()
                .orElseThrow(() -> new IllegalStateException("Two-factor sign-in is not configured: give "
                        + "Stockroom.builder() secondFactors(SecondFactorRepository)"));
    }

    /** Whether a user has a second factor on, and checking one; {@link SecondFactorCheck#NONE} without a store. */
    public SecondFactorCheck secondFactorCheck() {
        return accounts.secondFactorCheck();
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
     * Several images per product, with thumbnails; {@link #catalog()} then keeps each product's
     * {@code photo} its first image.
     *
     * @throws IllegalStateException when the builder was given no products, photos and product images ports
     */
    public ProductImages productImages() {
        if (productImages == null) {
            throw new IllegalStateException("Product images are not configured: give Stockroom.builder() "
                    + "products(ProductRepository), photos(PhotoStore) and productImages(ProductImageRepository)");
        }
        return productImages;
    }

    /**
     * Limits on events per subject (a client address, say), counted in the builder's
     * {@link Builder#rateCounters rate counters}, so that every instance on the same store enforces
     * one limit. The HTTP adapter limits requests per client address with it.
     *
     * @throws IllegalStateException when the builder was given no rate counters
     */
    public RateLimiter rateLimiter() {
        if (rateLimiter == null) {
            throw new IllegalStateException(
                    "No rate limits are configured: give Stockroom.builder() " + "rateCounters(RateCounters)");
        }
        return rateLimiter;
    }

    /**
     * Deletes account records that can no longer matter; the host calls
     * {@link AccountHousekeeping#purge()} on a schedule (hourly is plenty).
     */
    public AccountHousekeeping housekeeping() {
        return accounts.housekeeping();
    }

    /**
     * Removes for good the products soft-deleted longer ago than {@link CatalogPolicy#deletedRetention()},
     * with their photos; the host calls it on a schedule, with {@link #housekeeping()}.
     *
     * @return how many products went; 0 when no catalogue is configured
     */
    public int purgeDeletedProducts() {
        return catalogService == null ? 0 : catalogService.purgeDeleted();
    }

    /**
     * Soft-deletes every live product of {@code owner} (restorable within the retention), for a use
     * case that removes the owner's account; joins the caller's transaction.
     *
     * @return how many products were deleted; 0 when no catalogue is configured
     */
    public int deleteProductsOf(UserId owner) {
        return catalogService == null ? 0 : catalogService.deleteAllOf(owner);
    }

    /** Sends queued mail; the host calls {@link MailRelay#relayDue()} on a schedule. */
    public MailRelay mailRelay() {
        return mailRelay;
    }

    public AccountPolicy accountPolicy() {
        return accountPolicy;
    }

    /** The catalogue rules the core enforces; an HTTP adapter sizes its upload limit by the same policy. */
    public CatalogPolicy catalogPolicy() {
        return catalogPolicy;
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
        private EmailChangeRepository emailChanges;
        private SecondFactorRepository secondFactors;
        private PasswordHasher passwordHasher;
        private AccountPolicy accountPolicy = AccountPolicy.defaults();
        // Catalogue (optional, both or neither)
        private ProductRepository products;
        private PhotoStore photos;
        private CatalogPolicy catalogPolicy = CatalogPolicy.defaults();
        private DeletedOwnerProducts deletedOwnerProducts = DeletedOwnerProducts.DELETE;
        private ProductImageRepository productImages;
        private ImagePolicy imagePolicy = ImagePolicy.defaults();
        // Mail
        private Outbox outbox;
        private MailSender mailSender;
        private int mailParallelism = 1;
        // Limits (optional)
        private RateCounters rateCounters;
        private int mailsOfOneKind = CappedOutbox.DEFAULT_MAILS_OF_ONE_KIND;
        private Duration mailCapWindow = CappedOutbox.DEFAULT_WINDOW;
        // Shared
        private Transactions transactions;
        private Clock clock = Clock.systemUTC();
        private SecureRandom random;

        private Builder() {}

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

        /** Where pending email changes and the ways back from them are kept. */
        public Builder emailChanges(EmailChangeRepository emailChanges) {
            this.emailChanges = Objects.requireNonNull(emailChanges, "emailChanges");
            return this;
        }

        /** What becomes of a deleted account's products; defaults to {@link DeletedOwnerProducts#DELETE}. */
        public Builder deletedOwnerProducts(DeletedOwnerProducts deletedOwnerProducts) {
            this.deletedOwnerProducts = Objects.requireNonNull(deletedOwnerProducts, "deletedOwnerProducts");
            return this;
        }

        /**
         * Where TOTP factors, recovery codes and pending two-step logins are kept. Optional: without
         * it there is no two-factor sign-in and every login is one step.
         */
        public Builder secondFactors(SecondFactorRepository secondFactors) {
            this.secondFactors = Objects.requireNonNull(secondFactors, "secondFactors");
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

        /** Where image rows are kept; optional, and only with {@link #products} and {@link #photos}. */
        public Builder productImages(ProductImageRepository productImages) {
            this.productImages = Objects.requireNonNull(productImages, "productImages");
            return this;
        }

        /** Defaults to {@link ImagePolicy#defaults()}. */
        public Builder imagePolicy(ImagePolicy imagePolicy) {
            this.imagePolicy = Objects.requireNonNull(imagePolicy, "imagePolicy");
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

        /**
         * How many mails the relay sends at once, each on a thread of its own (1, the default: one
         * at a time on the thread that calls {@link MailRelay#relayDue()}). The sender must then
         * be safe for that many threads; the SMTP adapter keeps a connection per thread.
         */
        public Builder mailParallelism(int mailParallelism) {
            if (mailParallelism < 1 || mailParallelism > 256) {
                throw new IllegalArgumentException("mailParallelism must be 1 to 256: " + mailParallelism);
            }
            this.mailParallelism = mailParallelism;
            return this;
        }

        /**
         * Where rate limits are counted; in a database, so that every instance enforces one limit.
         * Optional. With it, the account use cases mail at most {@link #mailCap} notifications of
         * one kind to one address per window (beyond that they drop the mail and answer as usual),
         * {@link Stockroom#rateLimiter()} is available, and housekeeping forgets ended windows.
         * Without it nothing is capped or limited here: an application that needs the caps must
         * limit elsewhere.
         */
        public Builder rateCounters(RateCounters rateCounters) {
            this.rateCounters = Objects.requireNonNull(rateCounters, "rateCounters");
            return this;
        }

        /**
         * At most {@code mailsOfOneKind} mails of one kind (verification code, reset code, password
         * changed) to one email address per {@code window}; the account use cases drop the rest
         * silently, with the same answer as ever. Takes effect only with {@link #rateCounters}.
         * Defaults to {@value CappedOutbox#DEFAULT_MAILS_OF_ONE_KIND} per hour.
         */
        public Builder mailCap(int mailsOfOneKind, Duration window) {
            if (mailsOfOneKind < 1) {
                throw new IllegalArgumentException("mailsOfOneKind must be at least 1; noMailCap() turns the cap off");
            }
            new RatePolicy("mail", mailsOfOneKind, window); // the same checks as the policies it becomes
            this.mailsOfOneKind = mailsOfOneKind;
            this.mailCapWindow = window;
            return this;
        }

        /** No cap on the mail to one address, even with {@link #rateCounters}. */
        public Builder noMailCap() {
            this.mailsOfOneKind = 0;
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

        /**
         * Assembles the use cases.
         *
         * @throws IllegalStateException naming every required port that was not given
         */
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
            require(missing, emailChanges, "emailChanges(EmailChangeRepository)");
            require(missing, outbox, "outbox(Outbox)");
            require(missing, mailSender, "mailSender(MailSender)");
            require(missing, transactions, "transactions(Transactions)");
            if (products != null || photos != null) {
                require(missing, products, "products(ProductRepository) (the catalogue needs both)");
                require(missing, photos, "photos(PhotoStore) (the catalogue needs both)");
            }
            if (productImages != null) {
                require(missing, products, "products(ProductRepository) (product images need it)");
                require(missing, photos, "photos(PhotoStore) (product images need it)");
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
