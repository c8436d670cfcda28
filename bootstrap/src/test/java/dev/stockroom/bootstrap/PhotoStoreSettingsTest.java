package dev.stockroom.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.adapters.storage.s3.S3Settings;
import dev.stockroom.adapters.storage.s3.testing.TestS3;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code photoStore} and {@code s3:}: the variables, and the start errors an operator gets for an
 * S3 store that cannot work, each one line naming the setting, before the database is touched, and
 * never with the secret in it.
 */
class PhotoStoreSettingsTest {
    @TempDir
    Path dir;

    @Test
    void the_variables_set_every_s3_setting() {
        StockroomConfiguration config = EnvironmentOverrides.apply(
                new StockroomConfiguration(),
                Map.ofEntries(
                        Map.entry("STOCKROOM_PHOTO_STORE", "s3"),
                        Map.entry("STOCKROOM_S3_ENDPOINT", "http://127.0.0.1:9000"),
                        Map.entry("STOCKROOM_S3_REGION", "eu-central-1"),
                        Map.entry("STOCKROOM_S3_BUCKET", "shop-photos"),
                        Map.entry("STOCKROOM_S3_KEY_PREFIX", "live"),
                        Map.entry("STOCKROOM_S3_PATH_STYLE", "true"),
                        Map.entry("STOCKROOM_S3_ACCESS_KEY_ID", "AKID"),
                        Map.entry("STOCKROOM_S3_SECRET_ACCESS_KEY", "s3cr3t"),
                        Map.entry("STOCKROOM_S3_CONNECT_TIMEOUT", "2s"),
                        Map.entry("STOCKROOM_S3_SOCKET_TIMEOUT", "3s"),
                        Map.entry("STOCKROOM_S3_CALL_TIMEOUT", "4s")));

        assertThat(PhotoStorage.kind(config)).isEqualTo("s3");
        assertThat(config.s3.toSettings())
                .isEqualTo(new S3Settings(
                        Optional.of(URI.create("http://127.0.0.1:9000")),
                        "eu-central-1",
                        "shop-photos",
                        "live/",
                        true,
                        Optional.of(new S3Settings.Credentials("AKID", "s3cr3t")),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(3),
                        Duration.ofSeconds(4)));
        assertThat(PhotoStorage.describe(config))
                .isEqualTo("S3 bucket shop-photos under live/ at http://127.0.0.1:9000")
                .doesNotContain("s3cr3t");
    }

    @Test
    void local_is_the_default_and_needs_no_s3_setting() {
        StockroomConfiguration config = EnvironmentOverrides.apply(new StockroomConfiguration(), Map.of());

        assertThat(PhotoStorage.kind(config)).isEqualTo("local");
        PhotoStorage.validate(config);
        assertThat(PhotoStorage.describe(config)).isEqualTo("files in " + config.photosPath());
    }

    @Test
    void without_an_access_key_the_sdk_chain_is_used() {
        StockroomConfiguration config = EnvironmentOverrides.apply(
                new StockroomConfiguration(), Map.of("STOCKROOM_PHOTO_STORE", "S3", "STOCKROOM_S3_BUCKET", "b-1"));

        assertThat(config.s3.toSettings().credentials()).isEmpty();
        assertThat(config.s3.toSettings().endpoint()).isEmpty();
    }

    @Test
    void a_bad_variable_is_named() {
        assertThatThrownBy(() -> EnvironmentOverrides.apply(
                        new StockroomConfiguration(), Map.of("STOCKROOM_S3_PATH_STYLE", "yes")))
                .hasMessageContaining("STOCKROOM_S3_PATH_STYLE must be true or false");
        assertThatThrownBy(() -> EnvironmentOverrides.apply(
                        new StockroomConfiguration(), Map.of("STOCKROOM_S3_CALL_TIMEOUT", "soon")))
                .hasMessageContaining("STOCKROOM_S3_CALL_TIMEOUT must be a positive duration");
    }

    @Test
    void an_unknown_store_is_named_before_the_database_is_touched() throws Exception {
        String line = run(Map.of("STOCKROOM_PHOTO_STORE", "ftp"), "server").line();

        assertThat(line).contains("photoStore / STOCKROOM_PHOTO_STORE").contains("local or s3");
        assertThat(database()).doesNotExist();
    }

    @Test
    void s3_without_a_bucket_is_named() throws Exception {
        String line = run(Map.of("STOCKROOM_PHOTO_STORE", "s3"), "server").line();

        assertThat(line).contains("s3.bucket / STOCKROOM_S3_BUCKET").contains("required");
        assertThat(database()).doesNotExist();
    }

    @Test
    void half_an_access_key_is_named() throws Exception {
        String line = run(
                        Map.of(
                                "STOCKROOM_PHOTO_STORE", "s3",
                                "STOCKROOM_S3_BUCKET", "shop-photos",
                                "STOCKROOM_S3_ACCESS_KEY_ID", "AKID"),
                        "server")
                .line();

        assertThat(line).contains("s3.secretAccessKey / STOCKROOM_S3_SECRET_ACCESS_KEY");
    }

    @Test
    void a_bucket_that_is_not_there_stops_the_start_before_the_database() throws Exception {
        TestS3 s3 = TestS3.shared();
        s3.newBucket(); // S3Mock's first answer takes seconds (lazy beans): not this test's timeout.
        Map<String, String> variables = new HashMap<>(s3Variables(s3.endpoint().toString(), "no-such-bucket-at-all"));
        variables.put("STOCKROOM_S3_CALL_TIMEOUT", "30s");
        String line = run(variables, "server").line();

        assertThat(line)
                .contains("s3.bucket / STOCKROOM_S3_BUCKET")
                .contains("no-such-bucket-at-all")
                .contains("404")
                .doesNotContain(TestS3.SECRET_ACCESS_KEY);
        assertThat(database()).doesNotExist();
    }

    @Test
    void an_endpoint_nothing_answers_on_is_named() throws Exception {
        String line = run(s3Variables("http://127.0.0.1:" + closedPort(), "shop-photos"), "server")
                .line();

        assertThat(line).contains("s3.endpoint / STOCKROOM_S3_ENDPOINT").doesNotContain(TestS3.SECRET_ACCESS_KEY);
        assertThat(database()).doesNotExist();
    }

    private static Map<String, String> s3Variables(String endpoint, String bucket) {
        return Map.of(
                "STOCKROOM_PHOTO_STORE",
                "s3",
                "STOCKROOM_S3_ENDPOINT",
                endpoint,
                "STOCKROOM_S3_BUCKET",
                bucket,
                "STOCKROOM_S3_PATH_STYLE",
                "true",
                "STOCKROOM_S3_ACCESS_KEY_ID",
                TestS3.ACCESS_KEY_ID,
                "STOCKROOM_S3_SECRET_ACCESS_KEY",
                TestS3.SECRET_ACCESS_KEY,
                "STOCKROOM_S3_CONNECT_TIMEOUT",
                "1s",
                "STOCKROOM_S3_CALL_TIMEOUT",
                "3s");
    }

    /** What one run of the command line left, as in {@link StartErrorsTest}. */
    record Outcome(Throwable fatal, String stderr) {
        String line() {
            assertThat(fatal).as("a non-zero exit; stderr: %s", stderr).isNotNull();
            String text = stderr.strip();
            assertThat(text).as("one line, no stack trace").isNotEmpty().doesNotContain("\n");
            return text;
        }
    }

    private Outcome run(Map<String, String> env, String... args) {
        Map<String, String> variables = new HashMap<>(env);
        variables.putIfAbsent("STOCKROOM_DATA_DIR", dir.resolve("data").toString());
        variables.putIfAbsent("STOCKROOM_HTTP_PORT", "0");
        variables.putIfAbsent("STOCKROOM_ADMIN_PORT", "0");
        AtomicReference<Throwable> fatal = new AtomicReference<>();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            new StockroomApplication(variables, Clock.systemUTC()) {
                @Override
                protected void onFatalError(Throwable t) {
                    fatal.set(t);
                }
            }.run(args);
        } catch (Exception e) {
            fatal.set(e);
        } finally {
            System.setErr(originalErr);
        }
        return new Outcome(fatal.get(), err.toString(StandardCharsets.UTF_8));
    }

    private Path database() {
        return dir.resolve("data").resolve("db").resolve("stockroom.mv.db");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
