package dev.stockroom.bootstrap.e2e;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.stockroom.adapters.persistence.testing.TestDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabases;
import dev.stockroom.bootstrap.StockroomApplication;
import dev.stockroom.bootstrap.StockroomConfiguration;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.util.Duration;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension (one per test class, {@code @RegisterExtension static}) running the whole
 * service as it runs in production (the real application class, Jetty on a loopback
 * port, the real database, SMTP), with a GreenMail server standing in for the mail provider and a
 * clock the test can move. The limits per client address are off, as for any test rig: every
 * request comes from 127.0.0.1. A test of the limits turns them on with {@link #with}.
 * {@link #besides} runs a second instance on the same database, mail server and clock.
 */
final class RunningStockroom implements BeforeAllCallback, AfterAllCallback {
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    final ShiftableClock clock;
    private final Supplier<TestDatabase> database;
    // The instance this one runs beside (sharing its database, data directory, mail and clock), or null.
    private final RunningStockroom first;
    // The instance whose SMTP server this one sends to, or null for one of its own.
    private RunningStockroom mailTo;
    private String jwtSecret;
    private Map<String, String> variables = Map.of();
    private final List<Object> extraResources = new ArrayList<>();
    GreenMail greenMail;
    private int smtpPort;
    DropwizardAppExtension<StockroomConfiguration> app;
    Path dataDir;
    TestDatabase databaseInUse;
    HttpApi http;
    /** The Jetty server, once started: a test can stop it as SIGTERM would. */
    volatile org.eclipse.jetty.server.Server jetty;

    private Consumer<StockroomConfiguration> settings = config -> {};

    private RunningStockroom(Supplier<TestDatabase> database) {
        this.database = database;
        this.first = null;
        this.clock = new ShiftableClock();
    }

    private RunningStockroom(RunningStockroom first) {
        this.database = null;
        this.first = first;
        this.clock = first.clock;
        this.settings = first.settings;
    }

    /** The same service with some settings changed from what the tests usually run. */
    RunningStockroom with(Consumer<StockroomConfiguration> changes) {
        this.settings = changes;
        return this;
    }

    /** The same service with these {@code STOCKROOM_*} variables set, as the process's environment would. */
    RunningStockroom withEnvironment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
        return this;
    }

    /**
     * This instance sends its mail to {@code other}'s SMTP server. Instances on one database share
     * the outbox, and either relay may send a queued message: with SMTP servers of their own, a test
     * could not tell whose server a code went to. Register it after {@code other} ({@code @Order}).
     */
    RunningStockroom sendingMailTo(RunningStockroom other) {
        this.mailTo = other;
        return this;
    }

    /** The same service with one more Jersey component, a resource of the test's, say. */
    RunningStockroom withResource(Object resource) {
        this.extraResources.add(resource);
        return this;
    }

    /**
     * A second instance of the service on the same database (and data directory, SMTP server, JWT
     * key and clock) as {@code first}, with its settings unless {@link #with} changes them. Register
     * it after {@code first} ({@code @Order}).
     */
    static RunningStockroom besides(RunningStockroom first) {
        return new RunningStockroom(first);
    }

    /** On the embedded default, as {@code server} runs with no file: the H2 file under the data directory. */
    static RunningStockroom onEmbeddedH2() {
        return new RunningStockroom(() -> null);
    }

    /** On the JVM's embedded PostgreSQL, started on first use. */
    static RunningStockroom onPostgres() {
        return new RunningStockroom(TestDatabases::postgres);
    }

    /**
     * On a database of its own on the JVM's embedded PostgreSQL, as each H2 instance has its own file:
     * for a suite that counts rows no other suite may have written (at a later time by its clock).
     */
    static RunningStockroom onPostgresOfItsOwn() {
        return new RunningStockroom(TestDatabases::emptyPostgres);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (first == null) {
            dataDir = Files.createTempDirectory("stockroom-e2e");
            databaseInUse = database.get();
            if (mailTo == null) {
                smtpPort = freePort();
                restoreSmtp();
            } else {
                smtpPort = mailTo.smtpPort;
                greenMail = mailTo.greenMail;
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            jwtSecret = Base64.getEncoder().encodeToString(key);
        } else {
            // The embedded H2 file too: AUTO_SERVER lets the second instance in beside the first.
            dataDir = first.dataDir;
            databaseInUse = first.databaseInUse;
            smtpPort = first.smtpPort;
            greenMail = first.greenMail;
            jwtSecret = first.jwtSecret;
        }
        app = new DropwizardAppExtension<>(
                new DropwizardTestSupport<>(StockroomApplication.class, configuration(smtpPort)) {
                    @Override
                    public Application<StockroomConfiguration> newApplication() {
                        return new StockroomApplication(variables, clock) {
                            @Override
                            public void run(StockroomConfiguration configuration, Environment environment) {
                                super.run(configuration, environment);
                                extraResources.forEach(environment.jersey()::register);
                                environment.lifecycle().addServerLifecycleListener(server -> jetty = server);
                            }
                        };
                    }
                });
        app.before();
        http = new HttpApi(app.getLocalPort());
    }

    private StockroomConfiguration configuration(int smtpPort) {
        StockroomConfiguration config = new StockroomConfiguration();
        config.dataDir = dataDir.toString();
        DefaultServerFactory server = (DefaultServerFactory) config.getServerFactory();
        for (HttpConnectorFactory connector :
                List.of((HttpConnectorFactory) server.getApplicationConnectors().get(0), (HttpConnectorFactory)
                        server.getAdminConnectors().get(0))) {
            connector.setPort(0);
            connector.setBindHost("127.0.0.1");
        }
        if (databaseInUse != null) {
            config.database.setUrl(databaseInUse.url());
            config.database.setDriverClass("org.postgresql.Driver");
            config.database.setUser(databaseInUse.user());
            config.database.setPassword(databaseInUse.password());
        }
        config.mail.smtp.host = "127.0.0.1";
        config.mail.smtp.port = smtpPort;
        config.mail.smtp.transport = "SMTP";
        config.mail.relayInterval = Duration.milliseconds(50);
        config.jwt.secret = jwtSecret;
        config.throttling.perAddress = false;
        settings.accept(config);
        return config;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            app.after();
        } finally {
            if (first == null && mailTo == null) {
                greenMail.stop();
            }
        }
    }

    /** Takes the SMTP server away, as an outage would. */
    void stopSmtp() {
        greenMail.stop();
    }

    /** A fresh SMTP server on the port the service was configured with. */
    void restoreSmtp() {
        greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    /** The YAML a CLI command needs to reach the same database as this service. */
    String commandConfig() {
        String config = "dataDir: " + dataDir + "\n";
        if (databaseInUse == null) {
            // The same embedded file: H2's AUTO_SERVER lets the command in beside the running service.
            return config;
        }
        return config + "database:\n"
                + "  driverClass: org.postgresql.Driver\n"
                + "  url: " + databaseInUse.url() + "\n"
                + "  user: " + databaseInUse.user() + "\n"
                + "  password: " + databaseInUse.password() + "\n";
    }

    /** Runs {@code make-admin} beside the running service, as an operator would. */
    void makeAdmin(String username) throws Exception {
        Path config = Files.createTempFile(dataDir, "command", ".yml");
        Files.writeString(config, commandConfig());
        new StockroomApplication(Map.of(), clock) {
            @Override
            protected void onFatalError(Throwable t) {
                throw new AssertionError("make-admin failed", t);
            }
        }.run("make-admin", username, config.toString());
    }

    /** Waits for the {@code n}th mail to {@code address} and returns its plain-text part. */
    String mail(String address, int n) {
        MimeMessage[] messages = await().atMost(java.time.Duration.ofSeconds(15))
                .until(() -> greenMail.getReceivedMessagesForDomain(address), m -> m.length >= n);
        return textOf(messages[n - 1]);
    }

    int mailCount(String address) {
        return greenMail.getReceivedMessagesForDomain(address).length;
    }

    /** The code in the {@code n}th mail to {@code address}. */
    String code(String address, int n) {
        Matcher matcher = CODE.matcher(mail(address, n));
        if (!matcher.find()) {
            throw new AssertionError("No code in mail " + n + " to " + address);
        }
        return matcher.group(1);
    }

    String subject(String address, int n) {
        try {
            mail(address, n);
            return greenMail.getReceivedMessagesForDomain(address)[n - 1].getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    /** A header of the {@code n}th mail to {@code address}. */
    String mailHeader(String address, int n, String name) {
        try {
            mail(address, n);
            return greenMail.getReceivedMessagesForDomain(address)[n - 1].getHeader(name, ",");
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static String textOf(Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    text.append(textOf(child));
                }
                return text.toString();
            }
            return "";
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new AssertionError("Unreadable mail", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
