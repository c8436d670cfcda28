package dev.stockroom.bootstrap.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.stockroom.adapters.mail.MailSettings;
import dev.stockroom.adapters.mail.SmtpMailSender;
import dev.stockroom.adapters.mail.SmtpSettings;
import dev.stockroom.adapters.persistence.DatabaseMigrator;
import dev.stockroom.adapters.persistence.StockroomDatabase;
import dev.stockroom.adapters.persistence.photo.FilePhotoStore;
import dev.stockroom.core.Stockroom;
import dev.stockroom.core.account.port.in.RegisterCommand;
import dev.stockroom.core.account.port.in.Registered;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Embedding the core" example, as written there, in a plain Java program: no Dropwizard. */
class EmbeddingExampleTest {

    @Test
    @SuppressWarnings("FutureReturnValueIgnored") // as in the README: the scheduler's shutdown ends the relaying
    void the_readme_example_registers_a_user_and_mails_the_code(@TempDir Path dir) throws Exception {
        int smtpPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:embedding-" + UUID.randomUUID() + ";" + StockroomDatabase.H2_MODE
                    + ";DB_CLOSE_DELAY=-1");

            // From here on, the README's lines (with the test's SMTP server and folders).
            Jdbi jdbi = Jdbi.create(dataSource);
            DatabaseMigrator.migrate(dataSource);
            StockroomDatabase db = new StockroomDatabase(jdbi);

            Stockroom stockroom = Stockroom.builder()
                    .users(db.users())
                    .sessions(db.sessions())
                    .codes(db.codes())
                    .loginAttempts(db.loginAttempts())
                    .devices(db.devices())
                    .audit(db.audit())
                    .outbox(db.outbox())
                    .transactions(db.transactions())
                    .products(db.products())
                    .photos(new FilePhotoStore(dir.resolve("photos"), new SecureRandom()))
                    .mailSender(new SmtpMailSender(
                            new SmtpSettings("127.0.0.1", smtpPort, SmtpSettings.Transport.SMTP),
                            new MailSettings("no-reply@shop.example")))
                    .rateCounters(db.rateCounters())
                    .build();

            Registered ada = stockroom
                    .registration()
                    .register(RegisterCommand.of(
                            "Ada",
                            "Lovelace",
                            "ada",
                            "ada@example.com",
                            "velvet harbor quietly 1987",
                            "velvet harbor quietly 1987"));
            scheduler.scheduleWithFixedDelay(stockroom.mailRelay()::relayDue, 1, 1, TimeUnit.SECONDS);

            assertThat(ada.profile().username().value()).isEqualTo("ada");
            await().atMost(Duration.ofSeconds(15)).until(() -> smtp.getReceivedMessages().length == 1);
            assertThat(GreenMailUtil.getBody(smtp.getReceivedMessages()[0])).containsPattern("\\d{6}");
        } finally {
            scheduler.shutdownNow();
            smtp.stop();
        }
    }
}
