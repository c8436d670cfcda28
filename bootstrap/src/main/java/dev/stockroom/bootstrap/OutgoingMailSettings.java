package dev.stockroom.bootstrap;

import static dev.stockroom.bootstrap.StockroomConfiguration.named;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.adapters.mail.MailSettings;
import dev.stockroom.adapters.mail.MailTemplates;
import dev.stockroom.adapters.mail.SmtpSettings;
import dev.stockroom.adapters.mail.TemplateSettings;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code mail:}: the sender, where mail goes (SMTP when {@code smtp.host} is set, else {@code .eml} files) and
 * how fast. Named apart from the mail adapter's {@link MailSettings} and {@link SmtpSettings}, which it builds.
 */
public class OutgoingMailSettings {
    @JsonProperty
    @NotBlank
    public String from = "Stockroom <no-reply@stockroom.local>";

    @JsonProperty
    @Valid
    @NotNull
    public Smtp smtp = new Smtp();

    @JsonProperty
    @NotNull
    public Duration relayInterval = Duration.seconds(1);
    /** Mails sent at once, over one reused SMTP connection each. */
    @JsonProperty
    @Min(1)
    @Max(256)
    public int relayConnections = 8;

    /** The shop's name, in every mail's subject and body ({@code {{shop_name}}}). */
    @JsonProperty
    @NotBlank
    public String shopName = TemplateSettings.DEFAULT_SHOP_NAME;
    /** The shop's public address, linked at the foot of every mail ({@code {{shop_url}}}); unset: no link. */
    @JsonProperty
    public String shopUrl;
    /** A directory whose template files replace the shipped ones of the same name; unset: the shipped ones. */
    @JsonProperty
    public String templatesDir;

    /** The sender, {@code no-reply@shop.example} or {@code Shop <no-reply@shop.example>}, as Jakarta Mail reads it. */
    MailSettings sender() {
        return named("mail.from / STOCKROOM_MAIL_FROM", () -> MailSettings.parse(from));
    }

    /** The templates, read and checked now, each setting's refusal naming it and its variable. */
    MailTemplates templates() {
        String name = named("mail.shopName / STOCKROOM_SHOP_NAME", () -> TemplateSettings.checkShopName(shopName));
        Optional<String> url = named("mail.shopUrl / STOCKROOM_SHOP_URL", () -> TemplateSettings.checkShopUrl(shopUrl));
        Optional<Path> dir = Optional.ofNullable(templatesDir)
                .map(String::strip)
                .filter(d -> !d.isEmpty())
                .map(Path::of);
        return named(
                "mail.templatesDir / STOCKROOM_MAIL_TEMPLATES_DIR",
                () -> MailTemplates.load(new TemplateSettings(name, url, dir)));
    }

    public static class Smtp {
        @JsonProperty
        public String host;

        @JsonProperty
        @Min(1)
        @Max(65535)
        public int port = 587;

        @JsonProperty
        public String username;

        @JsonProperty
        public String password;
        /** SMTP, SMTPS or SMTP_TLS. */
        @JsonProperty
        @NotBlank
        public String transport = "SMTP_TLS";

        @JsonIgnore
        public boolean isConfigured() {
            return host != null && !host.isBlank();
        }

        /** The mail adapter's SMTP settings; only when {@link #isConfigured()}. */
        SmtpSettings toSettings() {
            SmtpSettings.Transport known = Stream.of(SmtpSettings.Transport.values())
                    .filter(candidate -> candidate.name().equalsIgnoreCase(transport.strip()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("mail.smtp.transport / STOCKROOM_SMTP_TRANSPORT "
                            + "must be SMTP, SMTPS or SMTP_TLS, not '" + transport + "'"));
            return new SmtpSettings(
                    host,
                    port,
                    Optional.ofNullable(username),
                    Optional.ofNullable(password),
                    known,
                    SmtpSettings.DEFAULT_TIMEOUT);
        }
    }
}
