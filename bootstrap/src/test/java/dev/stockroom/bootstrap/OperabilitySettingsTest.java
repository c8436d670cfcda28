package dev.stockroom.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.logging.common.FileAppenderFactory;
import io.dropwizard.logging.json.EventJsonLayoutBaseFactory;
import io.dropwizard.util.Duration;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code cors:}, {@code publicBaseUrl} and the log format, from a file and from their variables. */
class OperabilitySettingsTest {
    private final YamlConfigurationFactory<StockroomConfiguration> factory = new YamlConfigurationFactory<>(
            StockroomConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw");

    private StockroomConfiguration fromYaml(String yaml) throws Exception {
        Path file = Files.createTempFile("stockroom", ".yml");
        try {
            Files.writeString(file, yaml);
            return factory.build(new FileConfigurationSourceProvider(), file.toString());
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void by_default_no_origin_is_allowed_and_links_use_the_requests_base() throws Exception {
        StockroomConfiguration config = EnvironmentOverrides.apply(factory.build(), Map.of());

        assertThat(config.cors.isEnabled()).isFalse();
        assertThat(config.cors.allowCredentials).isFalse();
        assertThat(config.cors.maxAge).isEqualTo(Duration.minutes(10));
        assertThat(config.publicBaseUri()).isEmpty();
    }

    @Test
    void cors_reads_from_a_file_and_its_variable_replaces_the_origins() throws Exception {
        StockroomConfiguration config = EnvironmentOverrides.apply(
                fromYaml("cors: {allowedOrigins: [' https://shop.example '], allowCredentials: true, maxAge: 1h}\n"),
                Map.of());
        assertThat(config.cors.origins()).containsExactly("https://shop.example");
        assertThat(config.cors.allowCredentials).isTrue();
        assertThat(config.cors.maxAge).isEqualTo(Duration.hours(1));

        EnvironmentOverrides.apply(
                config, Map.of("STOCKROOM_CORS_ORIGINS", "http://localhost:5173, https://admin.shop.example:8443"));
        assertThat(config.cors.origins()).containsExactly("http://localhost:5173", "https://admin.shop.example:8443");
    }

    @Test
    void an_origin_that_is_not_one_stops_the_start_naming_the_setting() {
        for (String bad : new String[] {"*", "shop.example", "https://shop.example/app", "ftp://shop.example"}) {
            assertThatThrownBy(() -> EnvironmentOverrides.apply(factory.build(), Map.of("STOCKROOM_CORS_ORIGINS", bad)))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("STOCKROOM_CORS_ORIGINS")
                    .hasMessageContaining(bad);
        }
    }

    @Test
    void the_public_base_url_reads_from_a_file_and_its_variable_and_a_bad_one_stops_the_start() throws Exception {
        StockroomConfiguration config =
                EnvironmentOverrides.apply(fromYaml("publicBaseUrl: https://shop.example/api\n"), Map.of());
        assertThat(config.publicBaseUri()).contains(URI.create("https://shop.example/api"));

        EnvironmentOverrides.apply(config, Map.of("STOCKROOM_PUBLIC_BASE_URL", "http://10.0.0.5:8080"));
        assertThat(config.publicBaseUri()).contains(URI.create("http://10.0.0.5:8080"));

        for (String bad : new String[] {
            "/api",
            "shop.example",
            "ftp://shop.example",
            "https://shop.example/?a=1",
            "https://shop.example/#top",
            "https://user@shop.example/"
        }) {
            assertThatThrownBy(
                            () -> EnvironmentOverrides.apply(factory.build(), Map.of("STOCKROOM_PUBLIC_BASE_URL", bad)))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("STOCKROOM_PUBLIC_BASE_URL");
        }
    }

    @Test
    void the_log_format_switches_the_console_appenders_and_leaves_the_others() throws Exception {
        StockroomConfiguration config = fromYaml("""
                logging:
                  appenders:
                    - type: console
                    - type: file
                      currentLogFilename: /tmp/stockroom-never-written.log
                      archive: false
                """);
        DefaultLoggingFactory logging = (DefaultLoggingFactory) config.getLoggingFactory();

        EnvironmentOverrides.applyLogFormat(config, Map.of("STOCKROOM_LOG_FORMAT", "JSON"));
        assertThat(((ConsoleAppenderFactory<?>) logging.getAppenders().get(0)).getLayout())
                .isInstanceOf(EventJsonLayoutBaseFactory.class);
        assertThat(((FileAppenderFactory<?>) logging.getAppenders().get(1)).getLayout())
                .isNull();

        EnvironmentOverrides.applyLogFormat(config, Map.of("STOCKROOM_LOG_FORMAT", "text"));
        assertThat(((ConsoleAppenderFactory<?>) logging.getAppenders().get(0)).getLayout())
                .isNull();

        assertThatThrownBy(() -> EnvironmentOverrides.applyLogFormat(config, Map.of("STOCKROOM_LOG_FORMAT", "xml")))
                .hasMessageContaining("STOCKROOM_LOG_FORMAT must be text or json");
    }

    @Test
    void a_json_layout_in_the_file_is_dropwizard_json_logging() throws Exception {
        StockroomConfiguration config = fromYaml("logging: {appenders: [{type: console, layout: {type: json}}]}\n");

        List<?> appenders = ((DefaultLoggingFactory) config.getLoggingFactory()).getAppenders();
        assertThat(((ConsoleAppenderFactory<?>) appenders.get(0)).getLayout())
                .isInstanceOf(EventJsonLayoutBaseFactory.class);
    }
}
