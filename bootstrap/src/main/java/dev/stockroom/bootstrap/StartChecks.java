package dev.stockroom.bootstrap;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks that run before anything touches the database or opens a port: the variables, every
 * rule between settings the file's own validation cannot see, and (for {@code server}) whether the
 * ports are free. Each failure is a {@link SettingProblem} naming the setting and its variable.
 */
final class StartChecks {
    private static final Logger LOG = LoggerFactory.getLogger(StartChecks.class);
    private static final Set<String> HASHERS = Set.of("auto", "native", "java");

    private StartChecks() {}

    /** {@link EnvironmentOverrides#apply}, a variable it refuses said as a {@link SettingProblem}. */
    static StockroomConfiguration overrides(StockroomConfiguration config, Map<String, String> env) {
        try {
            return EnvironmentOverrides.apply(config, env);
        } catch (IllegalArgumentException | IllegalStateException e) {
            LOG.debug("A variable was refused", e);
            throw new SettingProblem(e.getMessage(), e);
        }
    }

    /** What every command that assembles the service needs: accounts, mail, hashing, the JWT secret. */
    static void settings(StockroomConfiguration config) {
        try {
            StockroomConfiguration.named("accounts", config.accounts::toPolicy);
            config.accountPolicy();
            config.mail.sender();
            PhotoStorage.validate(config);
            if (config.mail.smtp.isConfigured()) {
                config.mail.smtp.toSettings();
            }
            String hasher = config.passwordHashing.implementation;
            if (hasher == null || !HASHERS.contains(hasher.strip().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("passwordHashing.implementation / STOCKROOM_PASSWORD_HASHER must be"
                        + " auto, native or java, not '" + hasher + "'");
            }
            if (config.jwt.secret != null && !config.jwt.secret.isBlank()) {
                // A configured secret is only decoded: no key file is read or written.
                JwtKeys.resolve(config.jwt.secret, config.dataPath(), new SecureRandom());
            }
        } catch (IllegalArgumentException e) {
            LOG.debug("A setting was refused", e);
            throw new SettingProblem(e.getMessage(), e);
        }
    }

    /** For {@code server}: {@link #settings}, then every port it will listen on must be free. */
    static void server(StockroomConfiguration config) {
        settings(config);
        ServerFactory server = config.getServerFactory();
        if (server instanceof DefaultServerFactory defaults) {
            ports(defaults.getApplicationConnectors(), "server.applicationConnectors", "STOCKROOM_HTTP_PORT");
            ports(defaults.getAdminConnectors(), "server.adminConnectors", "STOCKROOM_ADMIN_PORT");
        } else if (server instanceof SimpleServerFactory simple) {
            ports(List.of(simple.getConnector()), "server.connector", "STOCKROOM_HTTP_PORT");
        }
    }

    private static void ports(List<ConnectorFactory> connectors, String setting, String variable) {
        for (int i = 0; i < connectors.size(); i++) {
            if (connectors.get(i) instanceof HttpConnectorFactory http && http.getPort() != 0) {
                String name = connectors.size() == 1 && setting.equals("server.connector")
                        ? setting + ".port"
                        : setting + "[" + i + "].port";
                // The variable sets the first connector only.
                free(http.getBindHost(), http.getPort(), i == 0 ? name + " / " + variable : name);
            }
        }
    }

    private static void free(String host, int port, String setting) {
        InetSocketAddress address =
                host == null || host.isBlank() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
        try (ServerSocket probe = new ServerSocket()) {
            // As Jetty binds: reusing an address in TIME_WAIT, never one something listens on.
            probe.setReuseAddress(true);
            probe.bind(address);
        } catch (IOException e) {
            LOG.debug("Port {} is not free", port, e);
            throw new SettingProblem(setting + ": cannot listen on " + (host == null ? "*" : host) + ":" + port + " ("
                    + e.getMessage() + "); is another process using it?");
        }
    }

    /**
     * What a failure to reach the database says: the user and password when the database refused
     * them (SQL state class 28), else the URL; the URL always without its password.
     */
    static RuntimeException database(DataSourceFactory database, Exception e) {
        LOG.debug("The database failed", e);
        String url = JdbcUrls.withoutSecrets(database.getUrl());
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String why = firstLine(sql.getMessage());
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                if (state.startsWith("28")) {
                    return new SettingProblem("database.user / STOCKROOM_DB_USER, database.password / "
                            + "STOCKROOM_DB_PASSWORD: the database at " + url + " refused them (" + why + ")");
                }
                return new SettingProblem(
                        "database.url / STOCKROOM_DB_URL: cannot use the database at " + url + " (" + why + ")");
            }
        }
        return new IllegalStateException(
                "Could not migrate the database at " + url + ": " + JdbcUrls.withoutSecrets(e.getMessage()), e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return JdbcUrls.withoutSecrets(line);
    }
}
