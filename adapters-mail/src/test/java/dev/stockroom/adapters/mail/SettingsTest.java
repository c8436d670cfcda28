package dev.stockroom.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void smtp_settings_never_show_the_password() {
        SmtpSettings settings = new SmtpSettings(
                "smtp.example.com",
                587,
                Optional.of("shop"),
                Optional.of("hunter2-but-longer"),
                SmtpSettings.Transport.SMTP_TLS,
                SmtpSettings.DEFAULT_TIMEOUT);

        assertThat(settings.toString())
                .contains("smtp.example.com", "587", "shop", "SMTP_TLS", "password=(set)")
                .doesNotContain("hunter2");
    }

    @Test
    void blank_credentials_count_as_none() {
        SmtpSettings settings = new SmtpSettings(
                "smtp.example.com",
                25,
                Optional.of(" "),
                Optional.of(""),
                SmtpSettings.Transport.SMTP,
                SmtpSettings.DEFAULT_TIMEOUT);

        assertThat(settings.username()).isEmpty();
        assertThat(settings.password()).isEmpty();
    }

    @Test
    void smtp_settings_refuse_what_cannot_work() {
        assertThatThrownBy(() -> new SmtpSettings(" ", 25, SmtpSettings.Transport.SMTP))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmtpSettings("smtp.example.com", 0, SmtpSettings.Transport.SMTP))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmtpSettings(
                        "smtp.example.com",
                        25,
                        Optional.empty(),
                        Optional.of("secret"),
                        SmtpSettings.Transport.SMTP,
                        SmtpSettings.DEFAULT_TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> new SmtpSettings(
                        "smtp.example.com",
                        25,
                        Optional.empty(),
                        Optional.empty(),
                        SmtpSettings.Transport.SMTP,
                        Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mail_settings_take_one_bare_sender_address() {
        assertThat(new MailSettings("shop@example.com", Optional.of("  The Shop ")).fromName())
                .contains("The Shop");
        assertThat(new MailSettings("shop@example.com", Optional.of(" ")).fromName())
                .isEmpty();
        assertThatThrownBy(() -> new MailSettings("not an address")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MailSettings("The Shop <shop@example.com>"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_sender_parses_as_a_mail_header_writes_it() {
        assertThat(MailSettings.parse(" shop@example.com ")).isEqualTo(new MailSettings("shop@example.com"));
        assertThat(MailSettings.parse("The Shop <shop@example.com>"))
                .isEqualTo(new MailSettings("shop@example.com", Optional.of("The Shop")));
        assertThat(MailSettings.parse("\"Shop, Inc.\" <shop@example.com>").fromName())
                .contains("Shop, Inc.");
        assertThat(MailSettings.parse("<shop@example.com>").fromName()).isEmpty();
        for (String bad : new String[] {
            "not an address", "Shop shop@example.com", "Shop <shop@example.com", "a@example.com, b@example.com", ""
        }) {
            assertThatThrownBy(() -> MailSettings.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Not a valid sender");
        }
    }
}
