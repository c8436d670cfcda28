package dev.stockroom.bootstrap.e2e;

import static dev.stockroom.bootstrap.e2e.HttpApi.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stockroom.adapters.persistence.StockroomDatabase;
import dev.stockroom.bootstrap.e2e.HttpApi.Reply;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 2's promise about mail: an SMTP outage delays mail, loses none, and never fails a
 * request. The service runs on its embedded H2 file, which the test reads beside it (AUTO_SERVER)
 * to see the failed attempt in the outbox.
 */
class MailOutageTest {
    @RegisterExtension
    static final RunningStockroom STOCKROOM = RunningStockroom.onEmbeddedH2();

    private static int failedAttempts() throws SQLException {
        String url = "jdbc:h2:file:" + STOCKROOM.dataDir.resolve("db").resolve("stockroom") + ";"
                + StockroomDatabase.H2_MODE + ";AUTO_SERVER=TRUE";
        try (Connection connection = DriverManager.getConnection(url, "stockroom", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COALESCE(SUM(attempts), 0) FROM outbox")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Test
    void an_smtp_outage_delays_mail_loses_none_and_never_fails_a_request() throws Exception {
        String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String email = username + "@example.com";
        STOCKROOM.stopSmtp();

        Reply registered = STOCKROOM.http.post(
                "/users/register/",
                map(
                        "first_name",
                        "Ada",
                        "last_name",
                        "Lovelace",
                        "username",
                        username,
                        "email",
                        email,
                        "password",
                        AccountFlowsTest.PASSWORD,
                        "confirm_password",
                        AccountFlowsTest.PASSWORD));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(15)).until(MailOutageTest::failedAttempts, n -> n >= 1);

        STOCKROOM.restoreSmtp();
        STOCKROOM.clock.advance(Duration.ofSeconds(11)); // past the relay's first backoff

        String code = STOCKROOM.code(email, 1);
        Reply verified = STOCKROOM.http.post("/users/verify/", map("code", code), registered.text("access_token"));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(STOCKROOM.mailCount(email)).isEqualTo(1);
    }
}
