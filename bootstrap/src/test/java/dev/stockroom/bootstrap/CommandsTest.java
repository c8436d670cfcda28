package dev.stockroom.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI commands as a user runs them, against the embedded H2 default in a fresh data directory. */
class CommandsTest {

    private static void run(String... args) throws Exception {
        new StockroomApplication(Map.of(), Clock.systemUTC()) {
            @Override
            protected void onFatalError(Throwable t) {
                throw new CommandFailed(t);
            }
        }.run(args);
    }

    static final class CommandFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CommandFailed(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    @Test
    void db_migrate_creates_the_embedded_database_and_can_run_again(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("config.yml"), "dataDir: " + dir + "\n");

        run("db", "migrate", config.toString());
        run("db", "migrate", config.toString());

        assertThat(dir.resolve("db").resolve("stockroom.mv.db")).exists();
    }

    @Test
    void make_admin_names_a_user_it_cannot_find(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("config.yml"), "dataDir: " + dir + "\n");

        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThatThrownBy(() -> run("make-admin", "nobody-here", config.toString()))
                    .isInstanceOf(CommandFailed.class)
                    .hasMessageContaining("nobody-here");
        } finally {
            System.setErr(original);
        }
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8).strip())
                .as("one line, no stack trace")
                .isEqualTo("No user named 'nobody-here'.");
        assertThat(dir.resolve("jwt.key")).doesNotExist();
        assertThat(dir.resolve("jwt-es256.pem")).doesNotExist();
    }
}
