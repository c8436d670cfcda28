package dev.stockroom.bootstrap;

import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.lifecycle.ServerLifecycleListener;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one INFO line at the end of a start: what runs, against what, and where to reach it. */
final class StartupSummary implements ServerLifecycleListener {
    private static final Logger LOG = LoggerFactory.getLogger(StartupSummary.class);

    private final StockroomConfiguration config;

    StartupSummary(StockroomConfiguration config) {
        this.config = config;
    }

    @Override
    public void serverStarted(Server server) {
        LOG.info(line(server));
    }

    String line(Server server) {
        String api = url(server, "application").orElse("?");
        String admin = url(server, "admin").orElse(api);
        if (config.getServerFactory() instanceof SimpleServerFactory simple) {
            // One connector: the API and the admin pages under their context paths.
            admin = api + path(simple.getAdminContextPath());
            api = api + path(simple.getApplicationContextPath());
        }
        OutgoingMailSettings.Smtp smtp = config.mail.smtp;
        String mail = smtp.isConfigured()
                ? "SMTP " + smtp.host.strip() + ":" + smtp.port
                : "files in " + DataDirectory.mailDirectory(config.dataPath());
        return "Stockroom " + Version.current() + " started: database "
                + JdbcUrls.withoutSecrets(config.database.getUrl())
                + ", data " + config.dataPath() + ", photos " + PhotoStorage.describe(config) + ", mail " + mail
                + ", API " + api + ", docs " + api + "docs/, admin "
                + admin;
    }

    /** The first connector of that name (Dropwizard's "application" and "admin"), as a URL ending in "/". */
    private static Optional<String> url(Server server, String name) {
        return Arrays.stream(server.getConnectors())
                .filter(connector -> name.equals(connector.getName()))
                .filter(ServerConnector.class::isInstance)
                .map(ServerConnector.class::cast)
                .findFirst()
                .map(connector ->
                        scheme(connector) + "://" + host(connector.getHost()) + ":" + connector.getLocalPort() + "/");
    }

    private static String scheme(Connector connector) {
        return connector.getProtocols().stream()
                        .anyMatch(protocol ->
                                protocol.toLowerCase(java.util.Locale.ROOT).startsWith("ssl"))
                ? "https"
                : "http";
    }

    private static String path(String contextPath) {
        String trimmed = contextPath == null ? "" : contextPath.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? "" : trimmed + "/";
    }

    private static String host(String bindHost) {
        return bindHost == null || bindHost.isBlank() || "0.0.0.0".equals(bindHost) ? "localhost" : bindHost;
    }
}
