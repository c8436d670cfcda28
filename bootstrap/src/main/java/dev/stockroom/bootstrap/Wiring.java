package dev.stockroom.bootstrap;

import com.codahale.metrics.MetricRegistry;
import dev.stockroom.adapters.mail.FileMailSender;
import dev.stockroom.adapters.mail.MailSettings;
import dev.stockroom.adapters.mail.MailTemplates;
import dev.stockroom.adapters.mail.SmtpMailSender;
import dev.stockroom.adapters.mail.SmtpSettings;
import dev.stockroom.adapters.persistence.DatabaseMigrator;
import dev.stockroom.adapters.persistence.StockroomDatabase;
import dev.stockroom.adapters.rest.StockroomApi;
import dev.stockroom.adapters.rest.http.TrustedProxies;
import dev.stockroom.adapters.rest.security.AccessTokens;
import dev.stockroom.adapters.rest.throttling.AddressLimits;
import dev.stockroom.core.Stockroom;
import dev.stockroom.core.account.hashing.HashingPool;
import dev.stockroom.core.notification.port.out.MailSender;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.lifecycle.Managed;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the object graph from the configuration, by hand: database, persistence adapter, mail
 * sender, the core, and what the HTTP API needs. Used by the server and by the CLI commands.
 */
final class Wiring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);

    private final Stockroom stockroom;
    private final StockroomConfiguration config;
    private final Path dataDir;
    private final Clock clock;
    private final SecureRandom random;
    private final MailSender mailSender;
    private final ManagedDataSource ownDataSource;
    private final HashingPool hashing;
    private final PhotoStorage photos;

    private Wiring(
            StockroomConfiguration config,
            Jdbi jdbi,
            ManagedDataSource ownDataSource,
            PhotoStorage photos,
            SecureRandom random,
            Clock clock,
            MetricRegistry metrics) {
        this.ownDataSource = ownDataSource;
        this.photos = photos;
        Path dataDir = config.dataPath(); // prepared by forServer or forCommand
        this.hashing = PasswordHashing.pool(config.passwordHashing, random);
        StockroomDatabase persistence = new StockroomDatabase(jdbi);
        this.mailSender = mailSender(config.mail, dataDir, clock);
        ThrottlingSettings throttling = config.throttling;
        Stockroom.Builder builder = Stockroom.builder()
                .users(persistence.users())
                .sessions(persistence.sessions())
                .codes(persistence.codes())
                .loginAttempts(persistence.loginAttempts())
                .devices(persistence.devices())
                .audit(persistence.audit())
                .emailChanges(persistence.emailChanges())
                .deletedOwnerProducts(config.accounts.deletedAccountsProducts)
                .secondFactors(persistence.secondFactors())
                .outbox(persistence.outbox())
                .products(persistence.products())
                .photos(photos.store())
                .transactions(persistence.transactions())
                .passwordHasher(StockroomMetrics.timed(hashing, metrics))
                .mailSender(mailSender)
                .mailParallelism(config.mail.relayConnections)
                .clock(clock)
                .random(random)
                .accountPolicy(config.accountPolicy())
                .catalogPolicy(config.catalog.toPolicy())
                .productImages(persistence.productImages())
                .imagePolicy(config.catalog.toImagePolicy())
                // Given even with the limits off, so that housekeeping still clears old counts.
                .rateCounters(persistence.rateCounters());
        this.stockroom = (throttling.perAddress
                        ? builder.mailCap(throttling.mailsPerEmail.limit, throttling.mailsPerEmail.javaWindow())
                        : builder.noMailCap())
                .build();
        this.config = config;
        this.dataDir = dataDir;
        this.clock = clock;
        this.random = random;
    }

    /** For the server: the pool is managed by Dropwizard, with its health check and metrics. */
    static Wiring forServer(StockroomConfiguration config, Environment environment, Clock clock) {
        StockroomDataSourceFactory database = config.database;
        DataDirectory.prepare(config);
        SecureRandom random = new SecureRandom();
        PhotoStorage photos = PhotoStorage.open(config, random);
        // Before the database: an unusable bucket stops the start in one line, with nothing migrated.
        try {
            photos.checkReachable();
        } catch (RuntimeException e) {
            photos.close();
            throw e;
        }
        if (config.migrateOnStart) {
            migrate(database.forMigrations(), environment.metrics());
        } else {
            // Nothing to migrate, but an unreachable database still stops the start here, in one line.
            open(database.forMigrations(), environment.metrics(), false);
        }
        Jdbi jdbi = new JdbiFactory().build(environment, database, "database");
        // No statement of ours uses JDBI's <attribute> templates; the default engine (under
        // Dropwizard's comment-prepending one, which defeats its cache) ran ANTLR over every
        // statement of every request.
        jdbi.setTemplateEngine(TemplateEngine.NOP);
        Wiring wiring = new Wiring(config, jdbi, null, photos, random, clock, environment.metrics());
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                wiring.closeMailSender();
                wiring.hashing.close();
                wiring.photos.close();
            }
        });
        return wiring;
    }

    /** For a CLI command: opens its own small pool, migrated, closed by {@link #close()}. */
    static Wiring forCommand(StockroomConfiguration config, MetricRegistry metrics) throws Exception {
        DataDirectory.prepare(config);
        migrate(config.database.forMigrations(), metrics);
        ManagedDataSource dataSource = config.database.build(metrics, "command");
        dataSource.start();
        SecureRandom random = new SecureRandom();
        return new Wiring(
                config,
                Jdbi.create(dataSource),
                dataSource,
                PhotoStorage.open(config, random),
                random,
                Clock.systemUTC(),
                metrics);
    }

    private static void migrate(DataSourceFactory database, MetricRegistry metrics) {
        open(database, metrics, true);
    }

    private static void open(DataSourceFactory database, MetricRegistry metrics, boolean migrate) {
        ManagedDataSource dataSource = database.build(metrics, migrate ? "migrations" : "first-connection");
        try {
            dataSource.start();
            if (migrate) {
                DatabaseMigrator.migrate(dataSource);
            } else {
                dataSource.getConnection().close();
            }
        } catch (Exception e) {
            throw StartChecks.database(database, e);
        } finally {
            try {
                dataSource.stop();
            } catch (Exception e) {
                LOG.warn("Could not close the migration connection pool: {}", e.toString());
            }
        }
    }

    private static MailSender mailSender(OutgoingMailSettings mail, Path dataDir, Clock clock) {
        MailSettings from = mail.sender();
        MailTemplates templates = mail.templates();
        if (mail.smtp.isConfigured()) {
            SmtpSettings smtp = mail.smtp.toSettings();
            LOG.info("Mail goes out through SMTP at {}:{} ({})", smtp.host(), smtp.port(), smtp.transport());
            return new SmtpMailSender(smtp, from, templates);
        }
        Path mailDir = DataDirectory.create(DataDirectory.mailDirectory(dataDir));
        LOG.info("No SMTP host configured: mail is written as .eml files to {}", mailDir);
        return new FileMailSender(mailDir, from, templates, clock);
    }

    /** The photo store's health check on the admin port, when it has one (S3). */
    Optional<com.codahale.metrics.health.HealthCheck> photoStoreHealth() {
        return photos.healthCheck();
    }

    Stockroom stockroom() {
        return stockroom;
    }

    /** What the HTTP API needs; resolves (and on first use generates) the JWT key, so only the server calls it. */
    StockroomApi api() {
        AccessTokens accessTokens = new AccessTokens(config.jwt.toSettings(dataDir, random), clock);
        ThrottlingSettings throttling = config.throttling;
        TrustedProxies proxies = throttling.proxies();
        LOG.info(
                "Limits per client address and per email address are {}; {} trusted {}",
                throttling.perAddress ? "on" : "off (throttling.perAddress / STOCKROOM_ADDRESS_LIMITS)",
                proxies.size(),
                proxies.size() == 1 ? "proxy range" : "proxy ranges");
        Optional<AddressLimits> limits = throttling.perAddress
                ? Optional.of(new AddressLimits(stockroom.rateLimiter(), throttling.addressPolicies()))
                : Optional.empty();
        return new StockroomApi(
                stockroom.registration(),
                stockroom.authentication(),
                stockroom.passwordRecovery(),
                stockroom.profiles(),
                stockroom.administration(),
                stockroom.emailChanges(),
                stockroom.accountDeletion(),
                stockroom.personalData(),
                stockroom.catalog(),
                stockroom.productImages(),
                stockroom.catalogPolicy(),
                accessTokens,
                clock,
                proxies,
                limits,
                Optional.of(stockroom.twoFactor()));
    }

    private void closeMailSender() {
        if (mailSender instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("Could not close the mail sender: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        closeMailSender();
        hashing.close();
        photos.close();
        if (ownDataSource != null) {
            try {
                ownDataSource.stop();
            } catch (Exception e) {
                LOG.warn("Could not close the command's connection pool: {}", e.toString());
            }
        }
    }
}
