package dev.stockroom.adapters.persistence;

import dev.stockroom.adapters.persistence.account.JdbiAuditLog;
import dev.stockroom.adapters.persistence.account.JdbiEmailChangeRepository;
import dev.stockroom.adapters.persistence.account.JdbiLoginAttempts;
import dev.stockroom.adapters.persistence.account.JdbiOneTimeCodeRepository;
import dev.stockroom.adapters.persistence.account.JdbiSecondFactors;
import dev.stockroom.adapters.persistence.account.JdbiSessionRepository;
import dev.stockroom.adapters.persistence.account.JdbiTrustedDevices;
import dev.stockroom.adapters.persistence.account.JdbiUserRepository;
import dev.stockroom.adapters.persistence.catalog.JdbiProductImageRepository;
import dev.stockroom.adapters.persistence.catalog.JdbiProductRepository;
import dev.stockroom.adapters.persistence.outbox.JdbiOutbox;
import dev.stockroom.adapters.persistence.throttling.JdbiRateCounters;
import dev.stockroom.adapters.persistence.transaction.JdbiTransactions;
import dev.stockroom.core.account.port.out.AuditLog;
import dev.stockroom.core.account.port.out.EmailChangeRepository;
import dev.stockroom.core.account.port.out.LoginAttempts;
import dev.stockroom.core.account.port.out.OneTimeCodeRepository;
import dev.stockroom.core.account.port.out.SecondFactorRepository;
import dev.stockroom.core.account.port.out.SessionRepository;
import dev.stockroom.core.account.port.out.TrustedDevices;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.catalog.port.out.ProductImageRepository;
import dev.stockroom.core.catalog.port.out.ProductRepository;
import dev.stockroom.core.notification.port.out.Outbox;
import dev.stockroom.core.shared.Transactions;
import dev.stockroom.core.throttling.port.out.RateCounters;
import org.jdbi.v3.core.Jdbi;

/**
 * Stockroom's driven ports on one relational database (PostgreSQL, or H2 in PostgreSQL mode),
 * all sharing one {@link Transactions}. The database must have been migrated with
 * {@link DatabaseMigrator}. The caller owns the {@link Jdbi} and the pool behind it; an embedding
 * application may pass {@code Jdbi.create(dataSource)}.
 */
public final class StockroomDatabase {
    /**
     * The H2 URL settings under which the SQL of this module behaves as on PostgreSQL (append them
     * to an H2 URL after a {@code ;}): PostgreSQL syntax, nulls sorted last. Not
     * {@code DATABASE_TO_LOWER=TRUE}: Liquibase then fails to find its own changelog table and
     * tries to create it again, so a second migration (a restart) fails.
     */
    public static final String H2_MODE = "MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";

    private final JdbiTransactions transactions;
    private final UserRepository users;
    private final SessionRepository sessions;
    private final OneTimeCodeRepository codes;
    private final LoginAttempts loginAttempts;
    private final TrustedDevices devices;
    private final AuditLog audit;
    private final EmailChangeRepository emailChanges;
    private final Outbox outbox;
    private final ProductRepository products;
    private final ProductImageRepository productImages;
    private final RateCounters rateCounters;
    private final SecondFactorRepository secondFactors;

    public StockroomDatabase(Jdbi jdbi) {
        this.transactions = new JdbiTransactions(jdbi);
        this.users = new JdbiUserRepository(transactions);
        this.sessions = new JdbiSessionRepository(transactions);
        this.codes = new JdbiOneTimeCodeRepository(transactions);
        this.loginAttempts = new JdbiLoginAttempts(transactions);
        this.devices = new JdbiTrustedDevices(transactions);
        this.audit = new JdbiAuditLog(transactions);
        this.emailChanges = new JdbiEmailChangeRepository(transactions);
        this.outbox = new JdbiOutbox(transactions);
        this.products = new JdbiProductRepository(transactions);
        this.productImages = new JdbiProductImageRepository(transactions);
        this.rateCounters = new JdbiRateCounters(transactions);
        this.secondFactors = new JdbiSecondFactors(transactions);
    }

    public Transactions transactions() {
        return transactions;
    }

    public UserRepository users() {
        return users;
    }

    public SessionRepository sessions() {
        return sessions;
    }

    public OneTimeCodeRepository codes() {
        return codes;
    }

    public LoginAttempts loginAttempts() {
        return loginAttempts;
    }

    public TrustedDevices devices() {
        return devices;
    }

    public AuditLog audit() {
        return audit;
    }

    public EmailChangeRepository emailChanges() {
        return emailChanges;
    }

    public Outbox outbox() {
        return outbox;
    }

    public ProductImageRepository productImages() {
        return productImages;
    }

    public ProductRepository products() {
        return products;
    }

    /** The counts of the limits per client address and per email address ({@code Stockroom.Builder.rateCounters}). */
    public RateCounters rateCounters() {
        return rateCounters;
    }

    /** TOTP factors, recovery codes and two-step login challenges ({@code Stockroom.Builder.secondFactors}). */
    public SecondFactorRepository secondFactors() {
        return secondFactors;
    }

    /** Whether the database answers a trivial query now; never throws. For health checks. */
    public boolean ping() {
        return transactions.ping();
    }
}
