package dev.stockroom.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings an operator gets wrong, each run through the real command line in-process: one line
 * on standard error naming the setting and its variable, a non-zero exit (Dropwizard's
 * {@code onFatalError}), and nothing migrated or listened on first.
 */
class StartErrorsTest {
    @TempDir
    Path dir;

    /** What one run of the command line left: the failure it exited with (or null) and its standard error. */
    record Outcome(Throwable fatal, String stderr, String stdout) {
        String line() {
            assertThat(fatal).as("a non-zero exit; stderr: %s", stderr).isNotNull();
            String text = stderr.strip();
            assertThat(text).as("one line, no stack trace").isNotEmpty().doesNotContain("\n");
            return text;
        }
    }

    private Outcome run(Map<String, String> env, String... args) throws Exception {
        Map<String, String> variables = new HashMap<>(env);
        variables.putIfAbsent("STOCKROOM_DATA_DIR", dir.resolve("data").toString());
        // Free ports, so that a run that wrongly got as far as listening does not collide with anything.
        variables.putIfAbsent("STOCKROOM_HTTP_PORT", "0");
        variables.putIfAbsent("STOCKROOM_ADMIN_PORT", "0");
        AtomicReference<Throwable> fatal = new AtomicReference<>();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            new StockroomApplication(variables, Clock.systemUTC()) {
                @Override
                protected void onFatalError(Throwable t) {
                    fatal.set(t);
                }
            }.run(args);
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        return new Outcome(fatal.get(), err.toString(StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
    }

    private Path database() {
        return dir.resolve("data").resolve("db").resolve("stockroom.mv.db");
    }

    @Test
    void a_port_in_use_is_named_with_its_variable_before_the_database_is_touched() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            String port = Integer.toString(taken.getLocalPort());

            String line = run(Map.of("STOCKROOM_HTTP_PORT", port), "server").line();

            assertThat(line)
                    .contains("server.applicationConnectors[0].port / STOCKROOM_HTTP_PORT")
                    .contains(port);
        }
        assertThat(database()).doesNotExist();
    }

    @Test
    void an_unreachable_database_is_named_without_its_password() throws Exception {
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        String url = "jdbc:postgresql://stockroom:hunter2@127.0.0.1:" + closed + "/stockroom?password=hunter2";

        String line = run(Map.of("STOCKROOM_DB_URL", url), "server").line();

        assertThat(line)
                .startsWith("database.url / STOCKROOM_DB_URL")
                .contains("127.0.0.1:" + closed)
                .doesNotContain("hunter2");
    }

    @Test
    void a_refused_password_names_the_user_and_password_settings(@TempDir Path other) throws Exception {
        assertThat(run(Map.of(), "db", "migrate").fatal()).isNull();
        assertThat(database()).exists();

        String line = run(Map.of("STOCKROOM_DB_PASSWORD", "not-the-password"), "server")
                .line();

        assertThat(line).contains("database.password / STOCKROOM_DB_PASSWORD").doesNotContain("not-the-password");
    }

    @Test
    void a_data_directory_that_cannot_be_created_is_named() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");

        String line = run(Map.of("STOCKROOM_DATA_DIR", file.resolve("data").toString()), "server")
                .line();

        assertThat(line).startsWith("dataDir / STOCKROOM_DATA_DIR").contains(file.toString());
    }

    @Test
    void a_bad_secret_stops_the_start_before_any_migration() throws Exception {
        String line = run(Map.of("STOCKROOM_JWT_SECRET", "c2hvcnQ="), "server").line();

        assertThat(line).contains("jwt.secret / STOCKROOM_JWT_SECRET").doesNotContain("c2hvcnQ=");
        assertThat(database()).doesNotExist();
    }

    @Test
    void rules_between_account_settings_are_checked_before_any_migration() throws Exception {
        Path config = Files.writeString(
                dir.resolve("config.yml"), "accounts:\n  passwordMinLength: 20\n  passwordMaxLength: 10\n");

        String line = run(Map.of(), "server", config.toString()).line();

        assertThat(line).startsWith("accounts: passwordMaxLength");
        assertThat(database()).doesNotExist();
    }

    @Test
    void check_applies_the_variables_and_the_same_checks() throws Exception {
        assertThat(run(Map.of(), "check").fatal()).isNull();

        String line =
                run(Map.of("STOCKROOM_PASSWORD_HASHER", "fastest"), "check").line();

        assertThat(line).contains("STOCKROOM_PASSWORD_HASHER").contains("fastest");
        assertThat(database()).doesNotExist();
    }

    @Test
    void a_bad_variable_is_one_line_for_check_too() throws Exception {
        String line = run(Map.of("STOCKROOM_HTTP_PORT", "eighty"), "check").line();

        assertThat(line).contains("STOCKROOM_HTTP_PORT").contains("eighty");
    }

    @Test
    void make_admin_names_the_user_it_cannot_find_in_one_line() throws Exception {
        String line = run(Map.of(), "make-admin", "nobody-here").line();

        assertThat(line).isEqualTo("No user named 'nobody-here'.");
    }

    @Test
    void version_prints_the_build_version() throws Exception {
        Outcome outcome = run(Map.of(), "--version");

        assertThat(outcome.fatal()).isNull();
        assertThat(outcome.stdout().strip()).isEqualTo(System.getProperty("stockroom.expectedVersion"));
    }
}
