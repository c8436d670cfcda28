package dev.stockroom.bootstrap;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.adapters.mail.FileMailSender;
import dev.stockroom.adapters.mail.MailTemplates;
import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.notification.domain.NotificationKind;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mail.shopName}, {@code mail.shopUrl} and {@code mail.templatesDir}, from a file and their variables. */
class ShopMailSettingsTest {
    private final YamlConfigurationFactory<StockroomConfiguration> factory = new YamlConfigurationFactory<>(
            StockroomConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw");

    @TempDir
    Path dir;

    @Test
    void by_default_mail_is_signed_stockroom_with_the_shipped_templates_and_no_link() throws Exception {
        StockroomConfiguration config = EnvironmentOverrides.apply(factory.build(), Map.of());

        assertThat(config.mail.shopName).isEqualTo("Stockroom");
        assertThat(config.mail.shopUrl).isNull();
        assertThat(config.mail.templatesDir).isNull();
        String eml = send(config.mail.templates());
        assertThat(eml).contains("Subject: Your Stockroom verification code").doesNotContain("href=");
    }

    @Test
    void the_file_names_the_shop_and_the_variables_override_it() throws Exception {
        Path templates = Files.createDirectory(dir.resolve("templates"));
        Files.writeString(templates.resolve("verification-code.subject.txt"), "{{shop_name}} says hello");
        Path yaml = Files.writeString(dir.resolve("stockroom.yml"), """
                mail:
                  shopName: Corner Shop
                  shopUrl: https://corner.example/
                """);
        StockroomConfiguration fromFile = EnvironmentOverrides.apply(
                factory.build(new FileConfigurationSourceProvider(), yaml.toString()), Map.of());
        assertThat(send(fromFile.mail.templates()))
                .contains("Subject: Your Corner Shop verification code", "https://corner.example/");

        StockroomConfiguration overridden = EnvironmentOverrides.apply(
                fromFile,
                Map.of(
                        "STOCKROOM_SHOP_NAME", " Ecke ",
                        "STOCKROOM_SHOP_URL", "https://ecke.example/",
                        "STOCKROOM_MAIL_TEMPLATES_DIR", templates.toString()));

        assertThat(overridden.mail.shopName).isEqualTo("Ecke");
        assertThat(overridden.mail.shopUrl).isEqualTo("https://ecke.example/");
        assertThat(overridden.mail.templatesDir).isEqualTo(templates.toString());
        assertThat(send(overridden.mail.templates()))
                .contains("Subject: Ecke says hello", "Welcome to Ecke.", "https://ecke.example/")
                .doesNotContain("Corner");
    }

    @Test
    void a_bad_setting_stops_the_start_naming_the_setting_its_variable_and_what_is_wrong() throws Exception {
        StockroomConfiguration badName = EnvironmentOverrides.apply(factory.build(), Map.of());
        badName.mail.shopName = "Shop\nBcc: all@example.com";
        assertThatThrownBy(() -> badName.mail.templates())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("mail.shopName / STOCKROOM_SHOP_NAME: The shop name must not hold control");

        StockroomConfiguration badUrl =
                EnvironmentOverrides.apply(factory.build(), Map.of("STOCKROOM_SHOP_URL", "javascript:alert(1)"));
        assertThatThrownBy(() -> badUrl.mail.templates())
                .hasMessageStartingWith("mail.shopUrl / STOCKROOM_SHOP_URL: The shop URL must be an absolute http");

        Path file = Files.writeString(dir.resolve("password-changed.html"), "<p>{{first_nam}}</p>");
        StockroomConfiguration badTemplate =
                EnvironmentOverrides.apply(factory.build(), Map.of("STOCKROOM_MAIL_TEMPLATES_DIR", dir.toString()));
        assertThatThrownBy(() -> badTemplate.mail.templates())
                .hasMessageStartingWith("mail.templatesDir / STOCKROOM_MAIL_TEMPLATES_DIR: Mail template "
                        + file.toAbsolutePath() + ": unknown placeholder {{first_nam}}");
    }

    /** Writes a verification mail as the embedded default does and returns the file. */
    private String send(MailTemplates templates) throws Exception {
        Path out = Files.createTempDirectory(dir, "mail");
        new FileMailSender(out, new StockroomConfiguration().mail.sender(), templates, Clock.systemUTC())
                .send(new Notification(
                        NotificationKind.VERIFICATION_CODE,
                        "alice@example.com",
                        Map.of(
                                Notification.FIRST_NAME, "Alice",
                                Notification.CODE, "123456",
                                Notification.EXPIRES_IN_MINUTES, "10")));
        List<Path> files;
        try (Stream<Path> listed = Files.list(out)) {
            files = listed.toList();
        }
        assertThat(files).hasSize(1);
        return Files.readString(files.get(0), UTF_8);
    }
}
