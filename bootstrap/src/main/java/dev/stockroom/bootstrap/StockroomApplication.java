package dev.stockroom.bootstrap;

import com.codahale.metrics.health.HealthCheck;
import dev.stockroom.adapters.rest.StockroomApi;
import dev.stockroom.adapters.rest.error.JsonErrorHandler;
import dev.stockroom.adapters.rest.headers.RequestIds;
import dev.stockroom.adapters.rest.headers.SecurityHeaders;
import dev.stockroom.adapters.rest.http.Cors;
import dev.stockroom.adapters.rest.http.HttpFilters;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.ConfigurationFactory;
import io.dropwizard.configuration.ConfigurationFactoryFactory;
import io.dropwizard.configuration.ConfigurationSourceProvider;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.TimeBoundHealthCheck;
import io.dropwizard.migrations.MigrationsBundle;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The composition root: configuration in, adapters built, core assembled, resources registered.
 * No business logic lives here.
 */
public class StockroomApplication extends Application<StockroomConfiguration> {
    static final String CHANGELOG = "db/changelog/stockroom.xml";

    private final Map<String, String> env;
    private final Clock clock;

    public StockroomApplication() {
        // Microsecond ticks: what both databases store, so a value read back equals the one written.
        this(System.getenv(), Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1000)));
    }

    /** For tests: the environment variables to apply instead of the process's, and the clock. */
    public StockroomApplication(Map<String, String> env, Clock clock) {
        this.env = Map.copyOf(env);
        this.clock = clock;
    }

    public static void main(String[] args) throws Exception {
        // Liquibase would otherwise try to report anonymous usage over the network on every migration.
        if (System.getProperty("liquibase.analytics.enabled") == null) {
            System.setProperty("liquibase.analytics.enabled", "false");
        }
        // Liquibase prints its update summary on standard output besides its log, which is at WARN.
        if (System.getProperty("liquibase.command.showSummaryOutput") == null) {
            System.setProperty("liquibase.command.showSummaryOutput", "log");
        }
        new StockroomApplication().run(args);
    }

    @Override
    public String getName() {
        return "stockroom";
    }

    @Override
    public void initialize(Bootstrap<StockroomConfiguration> bootstrap) {
        // ${VAR} and ${VAR:-default} work in config files too.
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        // STOCKROOM_LOG_FORMAT is applied as the file is read: Dropwizard sets up logging before run().
        ConfigurationFactoryFactory<StockroomConfiguration> files = bootstrap.getConfigurationFactoryFactory();
        bootstrap.setConfigurationFactoryFactory(
                (klass, validator, mapper, prefix) -> withLogFormat(files.create(klass, validator, mapper, prefix)));
        bootstrap.addBundle(new MigrationsBundle<StockroomConfiguration>() {
            @Override
            public DataSourceFactory getDataSourceFactory(StockroomConfiguration configuration) {
                EnvironmentOverrides.apply(configuration, env);
                // The db commands open the database next: H2 would create its directory with the umask's rights.
                DataDirectory.prepare(configuration);
                return configuration.database.forMigrations();
            }

            @Override
            public String getMigrationsFileName() {
                return CHANGELOG;
            }
        });
        bootstrap.addCommand(new MakeAdminCommand(env));
        DocsPage.addTo(bootstrap);
    }

    /** Dropwizard's, with the version read by {@link Version} (the jar's manifest, else the build's). */
    @Override
    public void run(String... arguments) throws Exception {
        Bootstrap<StockroomConfiguration> bootstrap = new Bootstrap<>(this);
        addDefaultCommands(bootstrap);
        initialize(bootstrap);
        bootstrap.registerMetrics();
        Cli cli = new Cli(new Version.Location(getClass()), bootstrap, System.out, System.err);
        cli.run(arguments).ifPresent(this::onFatalError);
    }

    /** Dropwizard's server and check, saying the operator's mistakes in one line. */
    @Override
    protected void addDefaultCommands(Bootstrap<StockroomConfiguration> bootstrap) {
        bootstrap.addCommand(new OneLineErrors.Server(this));
        bootstrap.addCommand(new OneLineErrors.Check(this, env));
    }

    private ConfigurationFactory<StockroomConfiguration> withLogFormat(
            ConfigurationFactory<StockroomConfiguration> files) {
        return new ConfigurationFactory<>() {
            @Override
            public StockroomConfiguration build(ConfigurationSourceProvider provider, String path)
                    throws IOException, ConfigurationException {
                StockroomConfiguration configuration = files.build(provider, path);
                EnvironmentOverrides.applyLogFormat(configuration, env);
                return configuration;
            }

            @Override
            public StockroomConfiguration build() throws IOException, ConfigurationException {
                StockroomConfiguration configuration = files.build();
                EnvironmentOverrides.applyLogFormat(configuration, env);
                return configuration;
            }
        };
    }

    @Override
    public void run(StockroomConfiguration configuration, Environment environment) {
        StartChecks.overrides(configuration, env);
        // Before anything touches the database or a port.
        StartChecks.server(configuration);
        if (configuration.getServerFactory() instanceof AbstractServerFactory server) {
            // Our mappers keep every error in the JSON envelope; Dropwizard's defaults would not.
            server.setRegisterDefaultExceptionMappers(false);
        }
        if (configuration.getServerFactory() instanceof AbstractServerFactory server) {
            // Each request log line ends with the request's id.
            server.setRequestLogFactory(new RequestLogWithIds(server.getRequestLogFactory()));
        }
        // Every request's X-Request-Id (and its MDC entry), settled before anything else in the
        // context runs; inserted after CORS, so that it wraps it and preflights carry the id too.
        configuration.cors.origins().stream()
                .findAny()
                .ifPresent(any -> environment
                        .getApplicationContext()
                        .insertHandler(Cors.handler(
                                configuration.cors.origins(),
                                configuration.cors.allowCredentials,
                                configuration.cors.maxAge.toJavaDuration())));
        environment.getApplicationContext().insertHandler(RequestIds.handler());
        configuration
                .publicBaseUri()
                .ifPresent(base -> HttpFilters.registerPublicBaseUrl(environment.jersey()::register, base));
        // Errors Jetty raises before Jersey sees the request get the JSON envelope too.
        environment.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(new JsonErrorHandler()));
        // As a servlet filter, not a Jersey one, so that answers Jersey never sees carry them too.
        SecurityHeaders.addTo(environment.servlets());
        SecurityHeaders.addToAdmin(environment.admin());
        Wiring wiring = Wiring.forServer(configuration, environment, clock);
        StockroomApi.register(environment.jersey()::register, wiring.api());
        environment
                .lifecycle()
                .manage(new MailRelayRunner(
                        wiring.stockroom().mailRelay(), configuration.mail.relayInterval.toMilliseconds()));
        environment
                .lifecycle()
                .manage(new HousekeepingRunner(
                        wiring.stockroom().housekeeping()::purge,
                        wiring.stockroom()::purgeDeletedProducts,
                        configuration.accounts.housekeepingInterval.toJavaDuration()));
        // Registered on the server, whose stop it delays: health says "draining" before a port closes.
        Draining draining = new Draining(configuration.drainDelay.toJavaDuration());
        environment.lifecycle().addEventListener(draining);
        environment.healthChecks().register("draining", draining);
        // The outbox is read from the database: bounded as Dropwizard bounds its "database" check,
        // so that a hung database makes /healthcheck unhealthy in about twice that, not longer.
        MailOutboxHealthCheck mail = new MailOutboxHealthCheck(
                wiring.stockroom().mailRelay(), wiring.stockroom().clock(), Duration.ofMinutes(15));
        TimeBoundHealthCheck mailInTime = new TimeBoundHealthCheck(
                environment.getHealthCheckExecutorService(),
                configuration
                        .database
                        .getValidationQueryTimeout()
                        .orElse(StockroomDataSourceFactory.DEFAULT_VALIDATION_QUERY_TIMEOUT));
        StockroomMetrics.registerOutbox(
                environment.metrics(),
                wiring.stockroom().mailRelay(),
                wiring.stockroom().clock());
        environment.healthChecks().register("mail", new HealthCheck() {
            @Override
            protected Result check() {
                return mailInTime.check(mail::execute);
            }
        });
        wiring.photoStoreHealth().ifPresent(photos -> {
            // Bounded by the connect timeout: a hung S3 endpoint makes /healthcheck unhealthy, not slow.
            TimeBoundHealthCheck photosInTime = new TimeBoundHealthCheck(
                    environment.getHealthCheckExecutorService(), configuration.s3.connectTimeout);
            environment.healthChecks().register("photos", new HealthCheck() {
                @Override
                protected Result check() {
                    return photosInTime.check(photos::execute);
                }
            });
        });
        environment.lifecycle().addServerLifecycleListener(new StartupSummary(configuration));
    }
}
