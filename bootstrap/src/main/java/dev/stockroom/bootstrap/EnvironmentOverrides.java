package dev.stockroom.bootstrap;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.stockroom.adapters.persistence.StockroomDatabase;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.logging.common.AppenderFactory;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.logging.json.EventJsonLayoutBaseFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.h2.engine.SysProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the {@code STOCKROOM_*} variables over the file (or the defaults), then fills in what is
 * derived: the embedded H2 URL when no database URL is set, and the admin port's loopback address
 * when no bind host is set. Idempotent, so every command can call it before it reads the
 * configuration.
 */
final class EnvironmentOverrides {
    private static final Logger LOG = LoggerFactory.getLogger(EnvironmentOverrides.class);
    /** Where the admin port listens unless a bind host is configured: health checks, metrics and tasks stay on the machine. */
    static final String ADMIN_BIND_HOST = "127.0.0.1";
    /** H2's own setting for the address its server sockets bind, read once when H2 is first used in the JVM. */
    static final String H2_BIND_ADDRESS = "h2.bindAddress";
    // AUTO_SERVER lets a CLI command (db migrate, make-admin) in while the server holds the file:
    // the server listens on a TCP port and writes the address and a key into stockroom.lock.db.
    // H2 keeps the parsed form of the last QUERY_CACHE_SIZE statements per connection (8 by
    // default): fewer than the service's distinct statements, so each request parsed its SQL anew.
    static final String H2_OPTIONS = ";" + StockroomDatabase.H2_MODE + ";AUTO_SERVER=TRUE;QUERY_CACHE_SIZE=128";

    private EnvironmentOverrides() {}

    static StockroomConfiguration apply(StockroomConfiguration config, Map<String, String> env) {
        ifSet(env, "STOCKROOM_DATA_DIR", dir -> config.dataDir = dir);
        ifSet(env, "STOCKROOM_PHOTOS_DIR", dir -> config.photosDir = dir);
        ifSet(
                env,
                "STOCKROOM_MAX_IMAGE_PIXELS",
                pixels -> config.catalog.maxImagePixels = parseMaxImagePixels("STOCKROOM_MAX_IMAGE_PIXELS", pixels));
        S3StorageSettings.applyEnvironment(config, env);
        ifSet(env, "STOCKROOM_DRAIN_DELAY", delay -> config.drainDelay = parseDuration("STOCKROOM_DRAIN_DELAY", delay));
        StockroomDataSourceFactory db = config.database;
        ifSet(env, "STOCKROOM_DB_URL", url -> {
            db.setUrl(url);
            db.setDriverClass(
                    url.startsWith("jdbc:postgresql:")
                            ? "org.postgresql.Driver"
                            : url.startsWith("jdbc:h2:") ? "org.h2.Driver" : db.getDriverClass());
        });
        ifSet(env, "STOCKROOM_DB_USER", db::setUser);
        ifSet(env, "STOCKROOM_DB_PASSWORD", db::setPassword);
        ifSet(env, "STOCKROOM_JWT_SECRET", secret -> config.jwt.secret = secret);
        ifSet(env, "STOCKROOM_JWT_PRIVATE_KEY", key -> config.jwt.privateKey = key);
        ifSet(env, "STOCKROOM_JWT_ALGORITHM", algorithm -> config.jwt.algorithm = jwtAlgorithm(algorithm));
        // Here rather than where it is used, so that a bad key stops the start before a migration.
        config.jwt.validate();
        OutgoingMailSettings.Smtp smtp = config.mail.smtp;
        ifSet(env, "STOCKROOM_SMTP_HOST", host -> smtp.host = host);
        ifSet(env, "STOCKROOM_SMTP_PORT", port -> smtp.port = parsePort("STOCKROOM_SMTP_PORT", port));
        ifSet(env, "STOCKROOM_SMTP_USERNAME", username -> smtp.username = username);
        ifSet(env, "STOCKROOM_SMTP_PASSWORD", password -> smtp.password = password);
        ifSet(env, "STOCKROOM_SMTP_TRANSPORT", transport -> smtp.transport = transport);
        ifSet(env, "STOCKROOM_MAIL_FROM", from -> config.mail.from = from);
        ifSet(env, "STOCKROOM_SHOP_NAME", name -> config.mail.shopName = name);
        ifSet(env, "STOCKROOM_SHOP_URL", url -> config.mail.shopUrl = url);
        ifSet(env, "STOCKROOM_MAIL_TEMPLATES_DIR", dir -> config.mail.templatesDir = dir);
        ifSet(
                env,
                "STOCKROOM_DELETED_RETENTION",
                retention ->
                        config.catalog.deletedRetention = parseRetention("STOCKROOM_DELETED_RETENTION", retention));
        ifSet(env, "STOCKROOM_PASSWORD_HASHER", hasher -> config.passwordHashing.implementation = hasher);
        ifSet(
                env,
                "STOCKROOM_ADDRESS_LIMITS",
                value -> config.throttling.perAddress = onOff("STOCKROOM_ADDRESS_LIMITS", value));
        ifSet(
                env,
                "STOCKROOM_TRUSTED_PROXIES",
                value -> config.throttling.trustedProxies = new ArrayList<>(List.of(value.split("\\s*,\\s*", -1))));
        // Here rather than where they are used, so that a bad range stops the start before a migration.
        config.throttling.validate();
        ifSet(
                env,
                "STOCKROOM_CORS_ORIGINS",
                value -> config.cors.allowedOrigins = new ArrayList<>(List.of(value.split("\\s*,\\s*", -1))));
        config.cors.origins();
        ifSet(env, "STOCKROOM_PUBLIC_BASE_URL", url -> config.publicBaseUrl = url);
        config.publicBaseUri();
        applyLogFormat(config, env);
        ifSet(
                env,
                "STOCKROOM_HTTP_PORT",
                port -> setPort(config.getServerFactory(), false, parsePort("STOCKROOM_HTTP_PORT", port)));
        ifSet(
                env,
                "STOCKROOM_ADMIN_PORT",
                port -> setPort(config.getServerFactory(), true, parsePort("STOCKROOM_ADMIN_PORT", port)));
        ifSet(
                env,
                "STOCKROOM_ADMIN_BIND_HOST",
                host -> adminConnectors(config.getServerFactory()).forEach(connector -> connector.setBindHost(host)));
        // Dropwizard's default (no bind host) is every interface.
        adminConnectors(config.getServerFactory()).stream()
                .filter(connector -> connector.getBindHost() == null)
                .forEach(connector -> connector.setBindHost(ADMIN_BIND_HOST));
        if (db.getUrl() == null
                || db.getUrl().isBlank()
                || StockroomConfiguration.EMBEDDED_DATABASE.equals(db.getUrl().strip())) {
            db.setDriverClass("org.h2.Driver");
            db.setUrl(embeddedH2Url(config));
        }
        if (db.getUrl().startsWith("jdbc:h2:")) {
            // Any H2 URL may ask for AUTO_SERVER, the embedded one does.
            keepH2ListenerOnLoopback();
        }
        db.applyTimeouts();
        return config;
    }

    /**
     * {@code STOCKROOM_LOG_FORMAT}: {@code json} or {@code text} for every console appender of
     * {@code logging:}. Applied as the configuration is read, before Dropwizard sets up logging.
     */
    static void applyLogFormat(StockroomConfiguration config, Map<String, String> env) {
        ifSet(env, "STOCKROOM_LOG_FORMAT", value -> {
            boolean json = switch (value.toLowerCase(Locale.ROOT)) {
                case "json" -> true;
                case "text" -> false;
                default ->
                    throw new IllegalArgumentException(
                            "STOCKROOM_LOG_FORMAT must be text or json, not '" + value + "'");
            };
            if (config.getLoggingFactory() instanceof DefaultLoggingFactory logging) {
                for (AppenderFactory<ILoggingEvent> appender : logging.getAppenders()) {
                    if (appender instanceof ConsoleAppenderFactory<ILoggingEvent> console) {
                        // No layout: the appender's own text format (its logFormat).
                        console.setLayout(json ? new EventJsonLayoutBaseFactory() : null);
                    }
                }
            }
        });
    }

    static String embeddedH2Url(StockroomConfiguration config) {
        return "jdbc:h2:file:" + embeddedDatabaseFile(config).toString().replace('\\', '/') + H2_OPTIONS;
    }

    private static Path embeddedDatabaseFile(StockroomConfiguration config) {
        return config.dataPath().resolve("db").resolve("stockroom");
    }

    /** The embedded database's directory, when the configuration uses the embedded database. */
    static Optional<Path> embeddedDatabaseDirectory(StockroomConfiguration config) {
        return embeddedH2Url(config).equals(config.database.getUrl())
                ? Optional.of(embeddedDatabaseFile(config).getParent())
                : Optional.empty();
    }

    /**
     * AUTO_SERVER's listener binds every interface unless {@value #H2_BIND_ADDRESS} says
     * otherwise, and H2 reads that once, when the JVM first uses it: set before that, the listener
     * is on loopback, where the CLI commands on the same machine find it. An address chosen on the
     * command line stays.
     */
    static void keepH2ListenerOnLoopback() {
        if (System.getProperty(H2_BIND_ADDRESS) == null) {
            System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
        }
        // Read back what H2 will really use: a JVM that ran H2 before this point (an application
        // embedding the service, a test run) keeps the address it started with.
        if (SysProperties.BIND_ADDRESS == null && !warnedOfOpenListener) {
            warnedOfOpenListener = true;
            LOG.warn(
                    "H2 was in use in this JVM before Stockroom could set -D{}=127.0.0.1: the embedded database's "
                            + "AUTO_SERVER listener binds every interface. Start the JVM with that option.",
                    H2_BIND_ADDRESS);
        }
    }

    private static volatile boolean warnedOfOpenListener;

    private static String jwtAlgorithm(String value) {
        String algorithm = value.strip().toUpperCase(Locale.ROOT);
        if (!algorithm.equals("ES256") && !algorithm.equals("HS256")) {
            throw new IllegalArgumentException("STOCKROOM_JWT_ALGORITHM must be ES256 or HS256, not '" + value + "'");
        }
        return algorithm;
    }

    private static void ifSet(Map<String, String> env, String name, java.util.function.Consumer<String> setter) {
        String value = env.get(name);
        if (value != null && !value.isBlank()) {
            setter.accept(value.strip());
        }
    }

    private static boolean onOff(String name, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException(name + " must be on or off, not '" + value + "'");
        };
    }

    private static io.dropwizard.util.Duration parseDuration(String name, String value) {
        io.dropwizard.util.Duration duration;
        try {
            duration = io.dropwizard.util.Duration.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be a duration such as 5s or 500ms, not '" + value + "'");
        }
        if (duration.toMinutes() > 5) {
            throw new IllegalArgumentException(name + " must be at most 5 minutes, not '" + value + "'");
        }
        return duration;
    }

    private static long parseMaxImagePixels(String name, String value) {
        try {
            long pixels = Long.parseLong(value.replace("_", ""));
            if (pixels >= 1 && pixels <= StockroomConfiguration.CatalogSettings.MAX_IMAGE_PIXELS_LIMIT) {
                return pixels;
            }
        } catch (NumberFormatException e) {
            // fall through to the explanation below
        }
        throw new IllegalArgumentException(name + " must be a whole number of pixels from 1 to "
                + StockroomConfiguration.CatalogSettings.MAX_IMAGE_PIXELS_LIMIT + ", not '" + value + "'");
    }

    private static io.dropwizard.util.Duration parseRetention(String name, String value) {
        io.dropwizard.util.Duration duration;
        try {
            duration = io.dropwizard.util.Duration.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be a duration such as 30d or 12h, not '" + value + "'");
        }
        if (duration.toSeconds() < 60) {
            throw new IllegalArgumentException(name + " must be at least 1 minute, not '" + value + "'");
        }
        return duration;
    }

    private static int parsePort(String name, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // fall through to the explanation below
        }
        throw new IllegalArgumentException(name + " must be a port number from 0 to 65535, not '" + value + "'");
    }

    /** The admin port's HTTP(S) connectors; none when one connector serves both (the simple server). */
    private static List<HttpConnectorFactory> adminConnectors(ServerFactory server) {
        if (server instanceof DefaultServerFactory defaults) {
            return defaults.getAdminConnectors().stream()
                    .filter(HttpConnectorFactory.class::isInstance)
                    .map(HttpConnectorFactory.class::cast)
                    .toList();
        }
        return List.of();
    }

    private static void setPort(ServerFactory server, boolean admin, int port) {
        List<ConnectorFactory> connectors;
        if (server instanceof DefaultServerFactory defaults) {
            connectors = admin ? defaults.getAdminConnectors() : defaults.getApplicationConnectors();
        } else if (server instanceof SimpleServerFactory simple) {
            if (admin) {
                return; // one connector serves both; STOCKROOM_HTTP_PORT sets it
            }
            connectors = List.of(simple.getConnector());
        } else {
            throw new IllegalStateException(
                    "Cannot set ports on " + server.getClass().getName());
        }
        for (ConnectorFactory connector : connectors) {
            if (connector instanceof HttpConnectorFactory http) {
                http.setPort(port);
                return;
            }
        }
        throw new IllegalStateException(
                "No HTTP connector to set the " + (admin ? "admin" : "application") + " port on");
    }
}
