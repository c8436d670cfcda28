package dev.stockroom.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stockroom.bootstrap.StockroomApplication;
import dev.stockroom.bootstrap.StockroomConfiguration;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.logging.json.EventJsonLayoutBaseFactory;
import io.dropwizard.testing.DropwizardTestSupport;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service started from a YAML file, as {@code server config.yml} starts it, with {@code
 * STOCKROOM_LOG_FORMAT=json} and a file appender of {@code layout.type: json}: its lines are JSON
 * and carry the request's id from the MDC; the request log line ends with the id.
 */
class JsonLogsTest {
    private static final String MARKER = "json-logs-test: inside a request";
    private static java.nio.file.Path dir;
    private static DropwizardTestSupport<StockroomConfiguration> app;

    /** A resource that logs while it handles its request. */
    @Path("/json-logs-test")
    public static final class Logging {
        private static final Logger LOG = LoggerFactory.getLogger(JsonLogsTest.class);

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public String log() {
            LOG.info(MARKER);
            return "{}";
        }
    }

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("stockroom-json-logs");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String yaml = String.join(
                "\n",
                "dataDir: " + dir.resolve("data"),
                "jwt:",
                "  secret: " + Base64.getEncoder().encodeToString(key),
                "throttling:",
                "  perAddress: false",
                "server:",
                "  applicationConnectors: [{type: http, port: 0, bindHost: 127.0.0.1}]",
                "  adminConnectors: [{type: http, port: 0, bindHost: 127.0.0.1}]",
                "  requestLog:",
                "    type: classic",
                "    appenders:",
                "      - {type: file, currentLogFilename: " + dir.resolve("requests.log") + ", archive: false}",
                "logging:",
                "  level: INFO",
                "  appenders:",
                "    - type: console",
                "    - type: file",
                "      currentLogFilename: " + dir.resolve("stockroom.json") + "",
                "      archive: false",
                "      layout:",
                "        type: json",
                "");
        java.nio.file.Path config = dir.resolve("config.yml");
        Files.writeString(config, yaml);
        app = new DropwizardTestSupport<>(StockroomApplication.class, config.toString()) {
            @Override
            public Application<StockroomConfiguration> newApplication() {
                return new StockroomApplication(Map.of("STOCKROOM_LOG_FORMAT", "json"), Clock.systemUTC()) {
                    @Override
                    public void run(StockroomConfiguration configuration, Environment environment) {
                        super.run(configuration, environment);
                        environment.jersey().register(new Logging());
                    }
                };
            }
        };
        app.before();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.after();
        }
    }

    @Test
    void the_log_format_variable_gives_the_console_appender_the_json_layout() {
        DefaultLoggingFactory logging =
                (DefaultLoggingFactory) app.getConfiguration().getLoggingFactory();

        assertThat(logging.getAppenders().get(0)).isInstanceOf(ConsoleAppenderFactory.class);
        assertThat(((ConsoleAppenderFactory<?>) logging.getAppenders().get(0)).getLayout())
                .isInstanceOf(EventJsonLayoutBaseFactory.class);
    }

    @Test
    void a_json_log_line_written_during_a_request_carries_its_id() {
        HttpApi.Reply reply = new HttpApi(app.getLocalPort())
                .sendWith("/json-logs-test", "GET", null, null, null, "X-Request-Id", "json-logs-1");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.header("X-Request-Id")).isEqualTo("json-logs-1");

        JsonNode line = await().atMost(Duration.ofSeconds(15))
                .until(() -> jsonLineWith(MARKER), Optional::isPresent)
                .orElseThrow();
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.at("/mdc/request_id").asText()).isEqualTo("json-logs-1");
    }

    @Test
    void the_request_log_line_ends_with_the_request_id() {
        HttpApi.Reply reply = new HttpApi(app.getLocalPort())
                .sendWith("/products/", "GET", null, null, null, "X-Request-Id", "request-log-1");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);

        String line = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> linesOf("requests.log").stream()
                                .filter(l -> l.contains("request_id=request-log-1"))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        assertThat(line).contains("\"GET /products/ HTTP/1.1\" 200").endsWith(" request_id=request-log-1");
    }

    private static Optional<JsonNode> jsonLineWith(String message) throws IOException {
        for (String text : linesOf("stockroom.json")) {
            JsonNode line = HttpApi.JSON.readTree(text);
            if (message.equals(line.path("message").asText())) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    private static List<String> linesOf(String file) throws IOException {
        java.nio.file.Path path = dir.resolve(file);
        return Files.exists(path) ? Files.readAllLines(path, StandardCharsets.UTF_8) : new ArrayList<>();
    }
}
