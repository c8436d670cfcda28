package dev.stockroom.adapters.mail;

import static dev.stockroom.adapters.mail.SampleNotifications.CHANGED_AT_VALUE;
import static dev.stockroom.adapters.mail.SampleNotifications.CODE_VALUE;
import static dev.stockroom.adapters.mail.SampleNotifications.RECIPIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.notification.domain.NotificationKind;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MailTemplatesTest {
    private final MailTemplates templates = new MailTemplates();

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void every_kind_renders_from_the_values_its_notification_carries(NotificationKind kind) {
        RenderedMail mail = templates.render(SampleNotifications.of(kind));

        assertThat(mail.subject()).contains("Stockroom").doesNotContain("{{", "}}");
        for (String body : new String[] {mail.text(), mail.html()}) {
            assertThat(body).contains("Stockroom", "Hello Alice,").doesNotContain("{{", "}}");
        }
        assertThat(mail.html()).startsWith("<!DOCTYPE html>");
    }

    @ParameterizedTest
    @EnumSource(
            value = NotificationKind.class,
            names = {"VERIFICATION_CODE", "PASSWORD_RESET_CODE"})
    void code_mails_carry_the_code_and_its_lifetime_in_both_versions(NotificationKind kind) {
        RenderedMail mail = templates.render(SampleNotifications.of(kind));

        assertThat(mail.subject()).doesNotContain(CODE_VALUE);
        assertThat(mail.text()).contains("    " + CODE_VALUE + "\n").contains("10 minutes");
        assertThat(mail.html()).contains(">" + CODE_VALUE + "</p>").contains("10 minutes");
    }

    @Test
    void password_change_notice_says_when_and_what_to_do_if_it_was_not_them() {
        RenderedMail mail = templates.render(SampleNotifications.of(NotificationKind.PASSWORD_CHANGED));

        assertThat(mail.subject()).isEqualTo("Your Stockroom password was changed");
        assertThat(mail.text()).contains("changed at " + CHANGED_AT_VALUE, "If it was not you", "\"Forgot password\"");
        assertThat(mail.html()).contains(CHANGED_AT_VALUE, "If it was not you", "Forgot password");
    }

    @Test
    void values_are_escaped_in_the_html_body_only() {
        String name = "<b>Tom</b> & \"Jerry's\"";
        Notification notification = new Notification(
                NotificationKind.VERIFICATION_CODE,
                RECIPIENT,
                SampleNotifications.valuesOf(NotificationKind.VERIFICATION_CODE, name));

        RenderedMail mail = templates.render(notification);

        assertThat(mail.html())
                .contains("Hello &lt;b&gt;Tom&lt;/b&gt; &amp; &quot;Jerry&#39;s&quot;,")
                .doesNotContain("<b>Tom");
        assertThat(mail.text()).contains("Hello " + name + ",");
    }

    @Test
    void values_that_look_like_placeholders_or_replacement_syntax_are_inserted_literally() {
        String name = "{{code}} $1 \\";
        Notification notification = new Notification(
                NotificationKind.PASSWORD_CHANGED,
                RECIPIENT,
                SampleNotifications.valuesOf(NotificationKind.PASSWORD_CHANGED, name));

        assertThat(templates.render(notification).text()).contains("Hello " + name + ",");
    }

    @Test
    void a_template_needing_a_value_the_notification_lacks_fails_loudly() {
        Map<String, String> values =
                new HashMap<>(SampleNotifications.valuesOf(NotificationKind.PASSWORD_RESET_CODE, "Alice"));
        values.remove(Notification.CODE);
        Notification withoutCode = new Notification(NotificationKind.PASSWORD_RESET_CODE, RECIPIENT, values);

        assertThatThrownBy(() -> templates.render(withoutCode))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PASSWORD_RESET_CODE")
                .hasMessageContaining("'code'");
    }

    @Test
    void escape_html_covers_the_five_special_characters() {
        assertThat(MailTemplates.escapeHtml("a<b>c&d\"e'f")).isEqualTo("a&lt;b&gt;c&amp;d&quot;e&#39;f");
    }
}
