package dev.stockroom.examples.embedding;

import dev.stockroom.adapters.mail.MailSettings;
import dev.stockroom.adapters.mail.SmtpMailSender;
import dev.stockroom.adapters.mail.SmtpSettings;
import dev.stockroom.adapters.persistence.DatabaseMigrator;
import dev.stockroom.adapters.persistence.StockroomDatabase;
import dev.stockroom.adapters.persistence.photo.FilePhotoStore;
import dev.stockroom.core.Stockroom;
import dev.stockroom.core.account.port.in.RegisterCommand;
import dev.stockroom.core.account.port.in.Registered;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.tomcat.jdbc.pool.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * README's "Embedding the core" as a program, with no Dropwizard: an H2 file database in a pool,
 * migrated; the core wired to Stockroom's JDBI, photo and SMTP adapters; one user registered; the
 * mail relay sending the verification code every second until the program is stopped.
 *
 * <pre>java dev.stockroom.examples.embedding.EmbeddingExample DATA_DIR SMTP_HOST SMTP_PORT SMTP|SMTPS|SMTP_TLS</pre>
 */
public final class EmbeddingExample {
    private EmbeddingExample() {}

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        SmtpSettings smtp =
                new SmtpSettings(args[1], Integer.parseInt(args[2]), SmtpSettings.Transport.valueOf(args[3]));

        // README begin
        DataSource dataSource = new DataSource(); // a pool: tomcat-jdbc here, any javax.sql.DataSource will do
        dataSource.setDriverClassName("org.h2.Driver"); // or PostgreSQL's driver, URL, user and password
        dataSource.setUrl(
                "jdbc:h2:file:" + dataDir.resolve("stockroom").toAbsolutePath() + ";" + StockroomDatabase.H2_MODE);
        Jdbi jdbi = Jdbi.create(dataSource);
        DatabaseMigrator.migrate(dataSource); // the Liquibase changelog (adapters-persistence)
        StockroomDatabase db = new StockroomDatabase(jdbi);

        Stockroom stockroom = Stockroom.builder()
                .users(db.users())
                .sessions(db.sessions())
                .codes(db.codes())
                .loginAttempts(db.loginAttempts())
                .devices(db.devices())
                .audit(db.audit())
                .emailChanges(db.emailChanges())
                .outbox(db.outbox())
                .transactions(db.transactions())
                .products(db.products())
                .photos(new FilePhotoStore(dataDir.resolve("photos"), new SecureRandom()))
                .mailSender(new SmtpMailSender(smtp, new MailSettings("no-reply@shop.example")))
                .rateCounters(db.rateCounters()) // optional: caps the mail per address, gives rateLimiter()
                .build(); // Argon2id hashing and the system clock by default

        Registered ada = stockroom
                .registration()
                .register(RegisterCommand.of(
                        "Ada",
                        "Lovelace",
                        "ada",
                        "ada@example.com",
                        "velvet harbor quietly 1987",
                        "velvet harbor quietly 1987"));
        System.out.println("Registered " + ada.profile().username().value() + "; the code waits in the outbox");

        // Mail waits in the outbox: send it on your own schedule (this thread keeps the program running).
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        scheduler.scheduleWithFixedDelay(stockroom.mailRelay()::relayDue, 1, 1, TimeUnit.SECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            scheduler.shutdown();
            dataSource.close();
        }));
        // README end
    }
}
