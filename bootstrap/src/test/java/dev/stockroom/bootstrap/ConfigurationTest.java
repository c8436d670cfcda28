package dev.stockroom.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import dev.stockroom.adapters.mail.MailSettings;
import dev.stockroom.adapters.mail.SmtpSettings;
import dev.stockroom.adapters.rest.throttling.AddressLimit;
import dev.stockroom.core.account.domain.AccountPolicy;
import dev.stockroom.core.account.domain.LoginThrottle;
import dev.stockroom.core.account.hashing.Argon2idPasswordHasher;
import dev.stockroom.core.catalog.domain.CatalogPolicy;
import dev.stockroom.core.catalog.domain.ImagePolicy;
import dev.stockroom.core.throttling.domain.RatePolicy;
import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.request.logging.old.LogbackClassicRequestLogFactory;
import io.dropwizard.util.Duration;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration as Dropwizard really builds it: with no file, from a file, and under STOCKROOM_* variables. */
class ConfigurationTest {
    private final YamlConfigurationFactory<StockroomConfiguration> factory = new YamlConfigurationFactory<>(
            StockroomConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw");

    @Test
    void with_no_file_the_defaults_are_the_embedded_service() throws Exception {
        StockroomConfiguration config = EnvironmentOverrides.apply(factory.build(), Map.of());

        assertThat(config.database.getUrl())
                .startsWith("jdbc:h2:file:")
                .contains(Path.of("stockroom-data").toAbsolutePath().normalize().toString())
                .contains("MODE=PostgreSQL")
                .contains("AUTO_SERVER=TRUE");
        assertThat(config.mail.smtp.isConfigured()).isFalse();
        assertThat(config.accounts.toPolicy()).isEqualTo(AccountPolicy.defaults());
        assertThat(config.accountPolicy()).isEqualTo(AccountPolicy.defaults());
        assertThat(config.accounts.housekeepingInterval).isEqualTo(Duration.hours(1));
        DefaultServerFactory server = (DefaultServerFactory) config.getServerFactory();
        assertThat(((HttpConnectorFactory) server.getApplicationConnectors().get(0)).getPort())
                .isEqualTo(8080);
        assertThat(((HttpConnectorFactory) server.getAdminConnectors().get(0)).getPort())
                .isEqualTo(8081);
        assertThat(((HttpConnectorFactory) server.getAdminConnectors().get(0)).getBindHost())
                .isEqualTo("127.0.0.1");
        assertThat(((HttpConnectorFactory) server.getApplicationConnectors().get(0)).getBindHost())
                .isNull();
    }

    @Test
    void the_admin_port_stays_on_loopback_unless_a_bind_host_is_given() throws Exception {
        StockroomConfiguration noBindHost = EnvironmentOverrides.apply(fromYaml("""
                server:
                  adminConnectors:
                    - type: http
                      port: 9081
                """), Map.of());
        StockroomConfiguration everywhere = EnvironmentOverrides.apply(fromYaml("""
                server:
                  adminConnectors:
                    - type: http
                      port: 9081
                      bindHost: 0.0.0.0
                """), Map.of());
        StockroomConfiguration byVariable =
                EnvironmentOverrides.apply(factory.build(), Map.of("STOCKROOM_ADMIN_BIND_HOST", "10.1.2.3"));

        assertThat(adminBindHost(noBindHost)).isEqualTo("127.0.0.1");
        assertThat(adminBindHost(everywhere)).isEqualTo("0.0.0.0");
        assertThat(adminBindHost(byVariable)).isEqualTo("10.1.2.3");
        assertThat(((HttpConnectorFactory) ((DefaultServerFactory) byVariable.getServerFactory())
                                .getApplicationConnectors()
                                .get(0))
                        .getBindHost())
                .isNull();
    }

    private StockroomConfiguration fromYaml(String yaml) throws Exception {
        Path file = java.nio.file.Files.createTempFile("stockroom", ".yml");
        try {
            java.nio.file.Files.writeString(file, yaml);
            return factory.build(new FileConfigurationSourceProvider(), file.toString());
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    private static String adminBindHost(StockroomConfiguration config) {
        return ((HttpConnectorFactory) ((DefaultServerFactory) config.getServerFactory())
                        .getAdminConnectors()
                        .get(0))
                .getBindHost();
    }

    @Test
    void environment_variables_override_the_common_settings() throws Exception {
        StockroomConfiguration config = EnvironmentOverrides.apply(
                factory.build(),
                Map.ofEntries(
                        Map.entry("STOCKROOM_HTTP_PORT", "9090"),
                        Map.entry("STOCKROOM_ADMIN_PORT", "9091"),
                        Map.entry("STOCKROOM_DATA_DIR", "/tmp/elsewhere"),
                        Map.entry("STOCKROOM_DB_URL", "jdbc:postgresql://db.internal/stockroom"),
                        Map.entry("STOCKROOM_DB_USER", "shop"),
                        Map.entry("STOCKROOM_DB_PASSWORD", "s3cret"),
                        Map.entry("STOCKROOM_JWT_SECRET", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="),
                        Map.entry("STOCKROOM_SMTP_HOST", "smtp.example.com"),
                        Map.entry("STOCKROOM_SMTP_PORT", "2525"),
                        Map.entry("STOCKROOM_SMTP_USERNAME", "mailer"),
                        Map.entry("STOCKROOM_SMTP_PASSWORD", "m41l"),
                        Map.entry("STOCKROOM_SMTP_TRANSPORT", "SMTPS"),
                        Map.entry("STOCKROOM_MAIL_FROM", "Shop <shop@example.com>")));

        DefaultServerFactory server = (DefaultServerFactory) config.getServerFactory();
        assertThat(((HttpConnectorFactory) server.getApplicationConnectors().get(0)).getPort())
                .isEqualTo(9090);
        assertThat(((HttpConnectorFactory) server.getAdminConnectors().get(0)).getPort())
                .isEqualTo(9091);
        assertThat(config.dataPath()).isEqualTo(Path.of("/tmp/elsewhere"));
        assertThat(config.database.getUrl()).isEqualTo("jdbc:postgresql://db.internal/stockroom");
        assertThat(config.database.getDriverClass()).isEqualTo("org.postgresql.Driver");
        assertThat(config.database.getUser()).isEqualTo("shop");
        assertThat(config.database.getPassword()).isEqualTo("s3cret");
        assertThat(config.jwt.secret).startsWith("AAAA");
        assertThat(config.mail.smtp.host).isEqualTo("smtp.example.com");
        assertThat(config.mail.smtp.port).isEqualTo(2525);
        assertThat(config.mail.smtp.username).isEqualTo("mailer");
        assertThat(config.mail.smtp.password).isEqualTo("m41l");
        assertThat(config.mail.smtp.transport).isEqualTo("SMTPS");
        assertThat(config.mail.sender().fromAddress()).isEqualTo("shop@example.com");
        assertThat(config.mail.sender().fromName()).contains("Shop");
    }

    @Test
    void a_database_block_that_gives_only_the_url_still_gets_every_timeout() throws Exception {
        StockroomConfiguration config = EnvironmentOverrides.apply(fromYaml("""
                database:
                  driverClass: org.postgresql.Driver
                  url: jdbc:postgresql://db.internal/stockroom
                """), Map.of());

        StockroomDataSourceFactory db = config.database;
        assertThat(db.getMaxWaitForConnection()).isEqualTo(Duration.milliseconds(500));
        assertThat(db.getValidationQueryTimeout()).contains(Duration.seconds(1));
        assertThat(db.getProperties())
                .containsEntry("connectTimeout", "1")
                .containsEntry("loginTimeout", "1")
                .containsEntry("socketTimeout", "2")
                .containsEntry("options", "-c statement_timeout=1000 -c lock_timeout=1000");
        assertThat(db.getJdbcInterceptors()).contains("dev.stockroom.bootstrap.SocketTimeout(millis=1500)");
        // Applying again (every command does) changes nothing.
        EnvironmentOverrides.apply(config, Map.of());
        assertThat(db.getProperties().get("options")).isEqualTo("-c statement_timeout=1000 -c lock_timeout=1000");
        assertThat(db.getJdbcInterceptors()).contains("dev.stockroom.bootstrap.SocketTimeout(millis=1500)");
        // The migrations at start get their own, longer limit.
        assertThat(db.forMigrations().getProperties())
                .containsEntry("socketTimeout", "630")
                .containsEntry("options", "-c statement_timeout=600000 -c lock_timeout=600000");
        assertThat(db.forMigrations().getUrl()).isEqualTo(db.getUrl());
    }

    @Test
    void timeouts_and_driver_properties_the_file_gives_are_kept() throws Exception {
        StockroomConfiguration config = EnvironmentOverrides.apply(fromYaml("""
                database:
                  driverClass: org.postgresql.Driver
                  url: jdbc:postgresql://db.internal/stockroom
                  maxWaitForConnection: 2s
                  statementTimeout: 5s
                  socketTimeout: 7s
                  properties:
                    socketTimeout: "9"
                    options: "-c search_path=shop"
                """), Map.of());

        StockroomDataSourceFactory db = config.database;
        assertThat(db.getMaxWaitForConnection()).isEqualTo(Duration.seconds(2));
        assertThat(db.getProperties())
                .containsEntry("socketTimeout", "9")
                .containsEntry("options", "-c search_path=shop -c statement_timeout=5000 -c lock_timeout=1000");
        assertThat(db.getJdbcInterceptors()).contains("dev.stockroom.bootstrap.SocketTimeout(millis=7000)");
        assertThat(db.forMigrations().getProperties())
                .containsEntry("socketTimeout", "9")
                .containsEntry("options", "-c search_path=shop -c statement_timeout=600000 -c lock_timeout=600000");
    }

    @Test
    void the_embedded_h2_database_gets_a_lock_and_a_query_timeout() throws Exception {
        StockroomConfiguration config = EnvironmentOverrides.apply(factory.build(), Map.of());

        assertThat(config.database.getProperties())
                .containsEntry("LOCK_TIMEOUT", "1000")
                .containsEntry("QUERY_TIMEOUT", "1000");
        assertThat(config.database.forMigrations().getProperties())
                .containsEntry("LOCK_TIMEOUT", "600000")
                .containsEntry("QUERY_TIMEOUT", "600000");
        assertThat(config.database.getJdbcInterceptors()).isEmpty();
    }

    @Test
    void a_bad_port_variable_is_explained() throws Exception {
        StockroomConfiguration config = factory.build();

        assertThatThrownBy(() -> EnvironmentOverrides.apply(config, Map.of("STOCKROOM_HTTP_PORT", "eighty")))
                .hasMessageContaining("STOCKROOM_HTTP_PORT")
                .hasMessageContaining("eighty");
    }

    @Test
    void the_deployment_file_parses_and_points_at_pgbouncer_without_server_side_prepared_statements() throws Exception {
        Path deploy = Path.of("..", "deploy", "stockroom.yml");

        StockroomConfiguration config = EnvironmentOverrides.apply(
                factory.build(
                        new SubstitutingSourceProvider(
                                new FileConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)),
                        deploy.toString()),
                Map.of("STOCKROOM_PHOTOS_DIR", "/srv/photos", "STOCKROOM_DRAIN_DELAY", "2s"));

        assertThat(config.database.getUrl()).startsWith("jdbc:postgresql:").contains("prepareThreshold=0");
        assertThat(config.migrateOnStart).isFalse();
        assertThat(((AbstractServerFactory) config.getServerFactory()).getShutdownGracePeriod())
                .isEqualTo(Duration.seconds(20));
        assertThat(config.photosPath()).isEqualTo(Path.of("/srv/photos"));
        assertThat(config.drainDelay).isEqualTo(Duration.seconds(2));
    }

    @Test
    void the_pixel_limit_of_image_uploads_defaults_to_40_megapixels_and_is_set_by_its_variable() throws Exception {
        assertThat(EnvironmentOverrides.apply(factory.build(), Map.of()).catalog.toImagePolicy())
                .isEqualTo(ImagePolicy.defaults());
        assertThat(EnvironmentOverrides.apply(factory.build(), Map.of("STOCKROOM_MAX_IMAGE_PIXELS", "12_000_000"))
                        .catalog
                        .maxImagePixels)
                .isEqualTo(12_000_000L);
        for (String bad : List.of("0", "-5", "lots", "1000000001")) {
            assertThatThrownBy(() ->
                            EnvironmentOverrides.apply(factory.build(), Map.of("STOCKROOM_MAX_IMAGE_PIXELS", bad)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("STOCKROOM_MAX_IMAGE_PIXELS");
        }
    }

    @Test
    void the_example_file_parses_and_validates() throws Exception {
        Path example = Path.of("..", "config", "example.yml");

        StockroomConfiguration config = factory.build(
                new SubstitutingSourceProvider(
                        new FileConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)),
                example.toString());

        assertThat(config.database.getUrl()).startsWith("jdbc:postgresql:");
        assertThat(config.mail.smtp.isConfigured()).isTrue();
        assertThat(config.accounts.housekeepingInterval).isEqualTo(Duration.hours(1));
        assertThat(config.passwordHashing.implementation).isEqualTo("auto");
        assertThat(config.passwordHashing.maxWaiting).isEqualTo(64);
        assertThat(((AbstractServerFactory) config.getServerFactory()).getRequestLogFactory())
                .isInstanceOf(LogbackClassicRequestLogFactory.class);
        assertThat(config.throttling.perAddress).isTrue();
        assertThat(config.throttling.proxies().size()).isZero();
        assertThat(config.throttling.addressPolicies()).isEqualTo(defaultAddressPolicies());
        assertThat(config.throttling.mailsPerEmail.limit).isEqualTo(5);
        assertThat(config.accountPolicy().loginThrottle()).isEqualTo(LoginThrottle.defaults());
        assertThat(config.accountPolicy().refreshReuseInterval()).isZero();
        assertThat(config.photosPath()).isEqualTo(Path.of("/var/lib/stockroom/photos"));
        assertThat(config.drainDelay).isEqualTo(Duration.seconds(5));
        assertThat(config.accountPolicy().auditRetention()).isEqualTo(java.time.Duration.ofDays(365));
        assertThat(adminBindHost(EnvironmentOverrides.apply(config, Map.of()))).isEqualTo("127.0.0.1");
    }

    @Test
    void wrong_password_throttling_and_the_audit_settings_read_from_a_file_and_a_bad_one_names_itself()
            throws Exception {
        Path file = java.nio.file.Files.createTempFile("per-account", ".yml");
        java.nio.file.Files.writeString(file, """
                throttling:
                  perAccount: {freeFailures: 3, firstDelay: 2s, maxDelay: 1h, memory: 2d}
                accounts:
                  refreshReuseInterval: 10s
                  auditRetention: 30d
                """);
        StockroomConfiguration config = EnvironmentOverrides.apply(
                factory.build(new FileConfigurationSourceProvider(), file.toString()), Map.of());

        assertThat(config.accountPolicy().loginThrottle())
                .isEqualTo(new LoginThrottle(
                        3,
                        java.time.Duration.ofSeconds(2),
                        java.time.Duration.ofHours(1),
                        java.time.Duration.ofDays(2)));
        assertThat(config.accountPolicy().refreshReuseInterval()).isEqualTo(java.time.Duration.ofSeconds(10));
        assertThat(config.accountPolicy().auditRetention()).isEqualTo(java.time.Duration.ofDays(30));

        java.nio.file.Files.writeString(file, """
                throttling:
                  perAccount: {maxDelay: 2d}
                """);
        assertThatThrownBy(() -> EnvironmentOverrides.apply(
                        factory.build(new FileConfigurationSourceProvider(), file.toString()), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("throttling.perAccount: memory must be longer than maxDelay");
    }

    private static Map<AddressLimit, RatePolicy> defaultAddressPolicies() {
        Map<AddressLimit, RatePolicy> defaults = new EnumMap<>(AddressLimit.class);
        for (AddressLimit limit : AddressLimit.values()) {
            defaults.put(limit, limit.defaultPolicy());
        }
        return defaults;
    }

    @Test
    void by_default_limits_per_address_are_on_with_the_designs_values_and_no_proxy_is_trusted() throws Exception {
        StockroomConfiguration config = EnvironmentOverrides.apply(factory.build(), Map.of());

        assertThat(config.throttling.perAddress).isTrue();
        assertThat(config.throttling.proxies().size()).isZero();
        assertThat(config.throttling.addressPolicies()).isEqualTo(defaultAddressPolicies());
        assertThat(config.throttling.addressPolicies().get(AddressLimit.LOGIN_FAILURES))
                .isEqualTo(new RatePolicy("login", 100, java.time.Duration.ofHours(1)));
        assertThat(config.throttling.addressPolicies().get(AddressLimit.REGISTRATION))
                .isEqualTo(new RatePolicy("register", 20, java.time.Duration.ofHours(1)));
        assertThat(config.throttling.mailsPerEmail.limit).isEqualTo(5);
        assertThat(config.throttling.mailsPerEmail.javaWindow()).isEqualTo(java.time.Duration.ofHours(1));
    }

    @Test
    void throttling_reads_from_a_file_and_from_its_variables() throws Exception {
        Path file = java.nio.file.Files.createTempFile("throttling", ".yml");
        java.nio.file.Files.writeString(file, """
                throttling:
                  perAddress: false
                  trustedProxies: [192.0.2.0/24]
                  addressLimits:
                    registrations: {limit: 3, window: 10m}
                  mailsPerEmail: {limit: 2, window: 30m}
                """);
        StockroomConfiguration fromFile = EnvironmentOverrides.apply(
                factory.build(new FileConfigurationSourceProvider(), file.toString()), Map.of());

        assertThat(fromFile.throttling.perAddress).isFalse();
        assertThat(fromFile.throttling.proxies().toString()).isEqualTo("[192.0.2.0/24]");
        assertThat(fromFile.throttling.addressPolicies().get(AddressLimit.REGISTRATION))
                .isEqualTo(new RatePolicy("register", 3, java.time.Duration.ofMinutes(10)));
        assertThat(fromFile.throttling.addressPolicies().get(AddressLimit.LOGIN_FAILURES))
                .isEqualTo(AddressLimit.LOGIN_FAILURES.defaultPolicy());
        assertThat(fromFile.throttling.mailsPerEmail.limit).isEqualTo(2);

        StockroomConfiguration overridden = EnvironmentOverrides.apply(
                fromFile,
                Map.of(
                        "STOCKROOM_ADDRESS_LIMITS",
                        "on",
                        "STOCKROOM_TRUSTED_PROXIES",
                        " 10.0.0.0/8 , 2001:db8::/32,127.0.0.1"));
        assertThat(overridden.throttling.perAddress).isTrue();
        assertThat(overridden.throttling.proxies().toString()).isEqualTo("[10.0.0.0/8, 2001:db8::/32, 127.0.0.1/32]");
        assertThat(EnvironmentOverrides.apply(overridden, Map.of("STOCKROOM_ADDRESS_LIMITS", "OFF"))
                        .throttling
                        .perAddress)
                .isFalse();
    }

    @Test
    void photos_live_under_the_data_directory_unless_a_shared_photo_directory_is_given() throws Exception {
        StockroomConfiguration defaults =
                EnvironmentOverrides.apply(factory.build(), Map.of("STOCKROOM_DATA_DIR", "/tmp/instance-1"));
        assertThat(defaults.photosPath()).isEqualTo(Path.of("/tmp/instance-1/photos"));
        assertThat(defaults.drainDelay).isEqualTo(Duration.seconds(0));

        StockroomConfiguration fromFile = EnvironmentOverrides.apply(fromYaml("""
                dataDir: /tmp/instance-2
                photosDir: /srv/shared/photos
                drainDelay: 5s
                """), Map.of());
        assertThat(fromFile.photosPath()).isEqualTo(Path.of("/srv/shared/photos"));
        assertThat(fromFile.dataPath()).isEqualTo(Path.of("/tmp/instance-2"));
        assertThat(fromFile.drainDelay).isEqualTo(Duration.seconds(5));

        StockroomConfiguration overridden = EnvironmentOverrides.apply(
                fromFile, Map.of("STOCKROOM_PHOTOS_DIR", "/mnt/photos/../photos", "STOCKROOM_DRAIN_DELAY", "1500ms"));
        assertThat(overridden.photosPath()).isEqualTo(Path.of("/mnt/photos"));
        assertThat(overridden.drainDelay.toMilliseconds()).isEqualTo(1500);
        assertThatThrownBy(() -> EnvironmentOverrides.apply(
                        new StockroomConfiguration(), Map.of("STOCKROOM_DRAIN_DELAY", "soon")))
                .hasMessageContaining("STOCKROOM_DRAIN_DELAY")
                .hasMessageContaining("soon");
    }

    @Test
    void a_bad_address_limits_switch_stops_the_start_naming_the_variable() {
        assertThatThrownBy(() -> EnvironmentOverrides.apply(
                        new StockroomConfiguration(), Map.of("STOCKROOM_ADDRESS_LIMITS", "maybe")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("STOCKROOM_ADDRESS_LIMITS")
                .hasMessageContaining("maybe");
        assertThatThrownBy(() -> EnvironmentOverrides.apply(
                        new StockroomConfiguration(), Map.of("STOCKROOM_ADDRESS_LIMITS", "true")))
                .hasMessageContaining("STOCKROOM_ADDRESS_LIMITS must be on or off");
    }

    @Test
    void a_bad_trusted_proxy_stops_the_start_naming_the_setting_and_the_range() {
        assertThatThrownBy(() -> EnvironmentOverrides.apply(
                        new StockroomConfiguration(), Map.of("STOCKROOM_TRUSTED_PROXIES", "10.0.0.0/8,lb.internal")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("throttling.trustedProxies / STOCKROOM_TRUSTED_PROXIES")
                .hasMessageContaining("'lb.internal'");
        StockroomConfiguration inFile = new StockroomConfiguration();
        inFile.throttling.trustedProxies = List.of("10.0.0.0/33");
        assertThatThrownBy(() -> EnvironmentOverrides.apply(inFile, Map.of()))
                .hasMessageContaining("throttling.trustedProxies")
                .hasMessageContaining("'10.0.0.0/33'");
    }

    @Test
    void a_window_of_part_of_a_second_stops_the_start_naming_the_setting() {
        StockroomConfiguration config = new StockroomConfiguration();
        config.throttling.addressLimits.tokenRefresh.window = Duration.milliseconds(1500);

        assertThatThrownBy(() -> EnvironmentOverrides.apply(config, Map.of()))
                .hasMessageContaining("throttling.addressLimits.tokenRefresh")
                .hasMessageContaining("whole number");
    }

    @Test
    void with_no_file_the_request_log_is_the_cheap_one_and_hashing_runs_one_thread_per_core() {
        StockroomConfiguration config = new StockroomConfiguration();

        assertThat(((AbstractServerFactory) config.getServerFactory()).getRequestLogFactory())
                .isInstanceOf(LogbackClassicRequestLogFactory.class);
        assertThat(config.passwordHashing.effectiveThreads())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        config.passwordHashing.threads = 3;
        assertThat(config.passwordHashing.effectiveThreads()).isEqualTo(3);
    }

    @Test
    void an_unknown_hasher_stops_the_start_naming_the_setting_and_its_variable() {
        StockroomConfiguration config =
                EnvironmentOverrides.apply(new StockroomConfiguration(), Map.of("STOCKROOM_PASSWORD_HASHER", "md5"));

        assertThatThrownBy(() -> PasswordHashing.pool(config.passwordHashing, new SecureRandom()))
                .hasMessageContaining("STOCKROOM_PASSWORD_HASHER")
                .hasMessageContaining("md5");
    }

    @Test
    void by_default_the_service_hashes_with_libargon2_where_it_loads() {
        try (var pool = PasswordHashing.pool(new StockroomConfiguration().passwordHashing, new SecureRandom())) {
            assertThat(pool.toString()).startsWith("NativeArgon2idPasswordHasher[libargon2");
            String hash = pool.hash("velvet harbor quietly 1987");
            assertThat(new Argon2idPasswordHasher().matches("velvet harbor quietly 1987", hash))
                    .isTrue();
        }
    }

    @Test
    void java_hashing_is_chosen_on_request() {
        StockroomConfiguration config =
                EnvironmentOverrides.apply(new StockroomConfiguration(), Map.of("STOCKROOM_PASSWORD_HASHER", "java"));

        try (var pool = PasswordHashing.pool(config.passwordHashing, new SecureRandom())) {
            assertThat(pool.toString()).startsWith("Argon2idPasswordHasher");
            assertThat(pool.matches("velvet harbor quietly 1987", pool.hash("velvet harbor quietly 1987")))
                    .isTrue();
        }
    }

    @Test
    void the_photo_limit_of_the_file_is_the_one_the_core_and_the_api_enforce(@TempDir Path dir) throws Exception {
        assertThat(new StockroomConfiguration().catalog.toPolicy()).isEqualTo(CatalogPolicy.defaults());
        StockroomConfiguration config = EnvironmentOverrides.apply(fromYaml("""
                dataDir: %s
                catalog:
                  maxPhotoBytes: 1048576
                """.formatted(dir)), Map.of());

        try (Wiring wiring = Wiring.forCommand(config, new MetricRegistry())) {
            assertThat(wiring.stockroom().catalogPolicy()).isEqualTo(new CatalogPolicy(1_048_576));
            assertThat(wiring.api().catalogPolicy()).isEqualTo(new CatalogPolicy(1_048_576));
        }
        assertThatThrownBy(() -> fromYaml("catalog: {maxPhotoBytes: 0}\n"))
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("catalog.maxPhotoBytes");
    }

    @Test
    void the_retention_of_deleted_products_comes_from_the_file_or_its_variable(@TempDir Path dir) throws Exception {
        assertThat(new StockroomConfiguration().catalog.toPolicy().deletedRetention())
                .isEqualTo(java.time.Duration.ofDays(30));
        StockroomConfiguration fromFile = EnvironmentOverrides.apply(fromYaml("""
                dataDir: %s
                catalog:
                  deletedRetention: 7d
                """.formatted(dir)), Map.of());
        assertThat(fromFile.catalog.toPolicy().deletedRetention()).isEqualTo(java.time.Duration.ofDays(7));
        StockroomConfiguration fromVariable = EnvironmentOverrides.apply(
                fromYaml("dataDir: %s\n".formatted(dir)), Map.of("STOCKROOM_DELETED_RETENTION", "12h"));
        try (Wiring wiring = Wiring.forCommand(fromVariable, new MetricRegistry())) {
            assertThat(wiring.stockroom().catalogPolicy().deletedRetention()).isEqualTo(java.time.Duration.ofHours(12));
        }
        assertThatThrownBy(() -> EnvironmentOverrides.apply(
                        new StockroomConfiguration(), Map.of("STOCKROOM_DELETED_RETENTION", "soon")))
                .hasMessageContaining("STOCKROOM_DELETED_RETENTION must be a duration");
        assertThatThrownBy(() -> EnvironmentOverrides.apply(
                        new StockroomConfiguration(), Map.of("STOCKROOM_DELETED_RETENTION", "5s")))
                .hasMessageContaining("at least 1 minute");
        assertThatThrownBy(() -> fromYaml("catalog: {deletedRetention: 10s}\n"))
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("catalog.deletedRetention");
    }

    @Test
    void the_sender_is_read_as_a_mail_header_and_a_bad_one_names_the_setting_and_its_variable() throws Exception {
        assertThat(new StockroomConfiguration().mail.sender())
                .isEqualTo(new MailSettings("no-reply@stockroom.local", Optional.of("Stockroom")));
        assertThat(EnvironmentOverrides.apply(
                                new StockroomConfiguration(),
                                Map.of("STOCKROOM_MAIL_FROM", "\"Shop, Inc.\" <shop@example.com>"))
                        .mail
                        .sender())
                .isEqualTo(new MailSettings("shop@example.com", Optional.of("Shop, Inc.")));

        StockroomConfiguration bad = EnvironmentOverrides.apply(
                new StockroomConfiguration(), Map.of("STOCKROOM_MAIL_FROM", "Shop shop@example.com"));
        assertThatThrownBy(() -> bad.mail.sender())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("mail.from / STOCKROOM_MAIL_FROM: ")
                .hasMessageContaining("Shop shop@example.com");
    }

    @Test
    void an_unknown_mail_transport_names_the_setting_and_its_variable() {
        StockroomConfiguration config = EnvironmentOverrides.apply(
                new StockroomConfiguration(),
                Map.of("STOCKROOM_SMTP_HOST", "smtp.example.com", "STOCKROOM_SMTP_TRANSPORT", "smtp_tls"));
        assertThat(config.mail.smtp.toSettings().transport()).isEqualTo(SmtpSettings.Transport.SMTP_TLS);

        config.mail.smtp.transport = "STARTTLS";
        assertThatThrownBy(() -> config.mail.smtp.toSettings())
                .hasMessage("mail.smtp.transport / STOCKROOM_SMTP_TRANSPORT must be SMTP, SMTPS or SMTP_TLS, "
                        + "not 'STARTTLS'");
    }

    @Test
    void the_account_defaults_are_the_cores_to_the_nanosecond() {
        AccountSettings accounts = new AccountSettings();
        AccountPolicy defaults = AccountPolicy.defaults();

        assertThat(accounts.codeLifetime.toJavaDuration()).isEqualTo(defaults.codeLifetime());
        assertThat(accounts.resendCooldown.toJavaDuration()).isEqualTo(defaults.resendCooldown());
        assertThat(accounts.sessionLifetime.toJavaDuration()).isEqualTo(defaults.sessionLifetime());
        assertThat(accounts.deviceTokenLifetime.toJavaDuration()).isEqualTo(defaults.deviceTokenLifetime());
        assertThat(StockroomConfiguration.exactly(java.time.Duration.ofMillis(1500))
                        .toJavaDuration())
                .isEqualTo(java.time.Duration.ofMillis(1500));
    }
}
