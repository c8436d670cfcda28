package dev.stockroom.bootstrap;

import dev.stockroom.adapters.persistence.StockroomDatabase;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies the {@code STOCKROOM_*} variables over the file (or the defaults), then fills in what is
 * derived: the embedded H2 URL when no database URL is set. Idempotent, so every command can call
 * it before it reads the configuration.
 */
final class EnvironmentOverrides {
    // AUTO_SERVER lets a CLI command (db migrate, make-admin) in while the server holds the file.
    // H2 keeps the parsed form of the last QUERY_CACHE_SIZE statements per connection (8 by
    // default): fewer than the service's distinct statements, so each request parsed its SQL anew.
    static final String H2_OPTIONS = ";" + StockroomDatabase.H2_MODE + ";AUTO_SERVER=TRUE;QUERY_CACHE_SIZE=128";

    private EnvironmentOverrides() {
    }

    static StockroomConfiguration apply(StockroomConfiguration config, Map<String, String> env) {
        ifSet(env, "STOCKROOM_DATA_DIR", config::setDataDir);
        DataSourceFactory db = config.getDatabase();
        ifSet(env, "STOCKROOM_DB_URL", url -> {
            db.setUrl(url);
            db.setDriverClass(url.startsWith("jdbc:postgresql:") ? "org.postgresql.Driver"
                    : url.startsWith("jdbc:h2:") ? "org.h2.Driver" : db.getDriverClass());
        });
        ifSet(env, "STOCKROOM_DB_USER", db::setUser);
        ifSet(env, "STOCKROOM_DB_PASSWORD", db::setPassword);
        ifSet(env, "STOCKROOM_JWT_SECRET", config.getJwt()::setSecret);
        StockroomConfiguration.SmtpSettings smtp = config.getMail().getSmtp();
        ifSet(env, "STOCKROOM_SMTP_HOST", smtp::setHost);
        ifSet(env, "STOCKROOM_SMTP_PORT", port -> smtp.setPort(parsePort("STOCKROOM_SMTP_PORT", port)));
        ifSet(env, "STOCKROOM_SMTP_USERNAME", smtp::setUsername);
        ifSet(env, "STOCKROOM_SMTP_PASSWORD", smtp::setPassword);
        ifSet(env, "STOCKROOM_SMTP_TRANSPORT", smtp::setTransport);
        ifSet(env, "STOCKROOM_MAIL_FROM", config.getMail()::setFrom);
        ifSet(env, "STOCKROOM_PASSWORD_HASHER", config.getPasswordHashing()::setImplementation);
        ifSet(env, "STOCKROOM_ADDRESS_LIMITS", value -> config.throttling.perAddress = onOff("STOCKROOM_ADDRESS_LIMITS",
                value));
        ifSet(env, "STOCKROOM_TRUSTED_PROXIES", value -> config.throttling.trustedProxies =
                new ArrayList<>(List.of(value.split("\\s*,\\s*", -1))));
        // Here rather than where they are used, so that a bad range stops the start before a migration.
        config.throttling.validate();
        ifSet(env, "STOCKROOM_HTTP_PORT", port -> setPort(config.getServerFactory(), false,
                parsePort("STOCKROOM_HTTP_PORT", port)));
        ifSet(env, "STOCKROOM_ADMIN_PORT", port -> setPort(config.getServerFactory(), true,
                parsePort("STOCKROOM_ADMIN_PORT", port)));
        if (db.getUrl() == null || db.getUrl().isBlank()
                || StockroomConfiguration.EMBEDDED_DATABASE.equals(db.getUrl().strip())) {
            db.setDriverClass("org.h2.Driver");
            db.setUrl(embeddedH2Url(config));
        }
        return config;
    }

    static String embeddedH2Url(StockroomConfiguration config) {
        return "jdbc:h2:file:" + config.dataPath().resolve("db").resolve("stockroom").toString().replace('\\', '/')
                + H2_OPTIONS;
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
            throw new IllegalStateException("Cannot set ports on " + server.getClass().getName());
        }
        for (ConnectorFactory connector : connectors) {
            if (connector instanceof HttpConnectorFactory http) {
                http.setPort(port);
                return;
            }
        }
        throw new IllegalStateException("No HTTP connector to set the " + (admin ? "admin" : "application") + " port on");
    }
}
