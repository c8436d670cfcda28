package dev.stockroom.adapters.mail;

import static dev.stockroom.adapters.mail.SampleNotifications.RECIPIENT;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.notification.domain.NotificationKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every template, shipped or from a directory, with the shop's name and address and hostile values. */
class ShopTemplatesTest {
    private static final String HOSTILE_SHOP = "<script>alert('shop')</script> & \"Sons\"";
    private static final String SHOP_URL = "https://shop.example/?from=mail&lang=en";
    private static final String HOSTILE_NAME = "<script>alert(1)</script>{{code}}{{#shop_url}}";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void every_shipped_template_shows_every_value_raw_in_text_and_escaped_in_well_formed_html(NotificationKind kind)
            throws Exception {
        MailTemplates templates =
                MailTemplates.load(new TemplateSettings(HOSTILE_SHOP, Optional.of(SHOP_URL), Optional.empty()));
        Map<String, String> values = values(kind);

        RenderedMail mail = templates.render(notification(kind));

        assertThat(mail.subject()).contains(HOSTILE_SHOP);
        for (String value : values.values()) {
            assertThat(mail.text()).contains(value);
            assertThat(mail.html()).contains(MailTemplates.escapeHtml(value));
        }
        assertThat(mail.html()).doesNotContain("<script");
        Document html = xhtml(mail.html());
        assertThat(html.getElementsByTagName("script").getLength()).isZero();
        String shown = html.getDocumentElement().getTextContent();
        values.values().forEach(value -> assertThat(shown).contains(value));
        assertThat(html.getElementsByTagName("title").item(0).getTextContent()).contains(HOSTILE_SHOP);
        assertThat(hrefs(html)).containsExactly(SHOP_URL);
    }

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void without_a_shop_url_the_shipped_templates_sign_with_the_name_alone(NotificationKind kind) throws Exception {
        MailTemplates templates =
                MailTemplates.load(new TemplateSettings("Corner Shop", Optional.empty(), Optional.empty()));

        RenderedMail mail = templates.render(SampleNotifications.of(kind));

        assertThat(mail.subject()).startsWith("Your Corner Shop ").doesNotContain("Stockroom");
        assertThat(mail.text()).endsWith("\nCorner Shop\n").doesNotContain("Stockroom", "http", "{{");
        assertThat(mail.html()).doesNotContain("Stockroom", "href", "{{");
        assertThat(hrefs(xhtml(mail.html()))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void a_directory_template_with_every_placeholder_replaces_the_shipped_one(NotificationKind kind) throws Exception {
        StringBuilder paragraphs = new StringBuilder();
        StringBuilder lines = new StringBuilder();
        for (String name : MailTemplates.placeholders(kind)) {
            paragraphs
                    .append("<p class=\"")
                    .append(name)
                    .append("\">{{")
                    .append(name)
                    .append("}}</p>\n");
            lines.append(name).append("={{").append(name).append("}}\n");
        }
        write(kind, MailTemplates.Part.SUBJECT, "[{{shop_name}}] for {{first_name}}\n");
        write(kind, MailTemplates.Part.TEXT, lines + "{{#shop_url}}Visit {{shop_url}}{{/shop_url}}\n");
        write(
                kind,
                MailTemplates.Part.HTML,
                "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\n" + paragraphs
                        + "{{#shop_url}}<a href=\"{{shop_url}}\">{{shop_name}}</a>{{/shop_url}}\n</body></html>\n");

        RenderedMail mail = templatesIn(dir).render(notification(kind));

        Map<String, String> values = values(kind);
        assertThat(mail.subject()).isEqualTo("[" + HOSTILE_SHOP + "] for " + HOSTILE_NAME);
        values.forEach((name, value) -> assertThat(mail.text()).contains(name + "=" + value + "\n"));
        assertThat(mail.text()).contains("Visit " + SHOP_URL);
        Document html = xhtml(mail.html());
        assertThat(html.getElementsByTagName("script").getLength()).isZero();
        NodeList paragraphsShown = html.getElementsByTagName("p");
        assertThat(paragraphsShown.getLength()).isEqualTo(values.size());
        for (int i = 0; i < paragraphsShown.getLength(); i++) {
            Element p = (Element) paragraphsShown.item(i);
            assertThat(p.getTextContent()).isEqualTo(values.get(p.getAttribute("class")));
        }
        assertThat(hrefs(html)).containsExactly(SHOP_URL);
    }

    @Test
    void a_file_the_directory_lacks_comes_from_the_shipped_set() throws IOException {
        write(NotificationKind.VERIFICATION_CODE, MailTemplates.Part.SUBJECT, "{{shop_name}}: confirm your address");

        RenderedMail mail = templatesIn(dir).render(notification(NotificationKind.VERIFICATION_CODE));

        assertThat(mail.subject()).isEqualTo(HOSTILE_SHOP + ": confirm your address");
        assertThat(mail.text()).contains("Welcome to " + HOSTILE_SHOP + ". Your verification code is:");
        assertThat(mail.html()).contains("Welcome to " + MailTemplates.escapeHtml(HOSTILE_SHOP) + ".");
        RenderedMail other = templatesIn(dir).render(notification(NotificationKind.PASSWORD_CHANGED));
        assertThat(other.subject()).isEqualTo("Your " + HOSTILE_SHOP + " password was changed");
    }

    @Test
    void an_unknown_placeholder_fails_the_load_naming_the_file_and_the_placeholder() throws IOException {
        Path file = write(NotificationKind.VERIFICATION_CODE, MailTemplates.Part.HTML, "<p>{{cod}}</p>");

        assertThatThrownBy(() -> templatesIn(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Mail template " + file.toAbsolutePath() + ": unknown placeholder {{cod}}")
                .hasMessageContaining("{{code}}");
    }

    @Test
    void a_value_of_another_kind_is_an_unknown_placeholder_there() throws IOException {
        write(NotificationKind.PASSWORD_CHANGED, MailTemplates.Part.TEXT, "Your code: {{code}}");

        assertThatThrownBy(() -> templatesIn(dir))
                .hasMessageContaining("password-changed.txt: unknown placeholder {{code}}");
    }

    @Test
    void every_problem_of_the_directory_is_in_one_message() throws IOException {
        write(NotificationKind.VERIFICATION_CODE, MailTemplates.Part.TEXT, "{{ code }}");
        write(NotificationKind.PASSWORD_RESET_CODE, MailTemplates.Part.HTML, "{{#shop_url}}<a>{{shop_url}}</a>");
        write(NotificationKind.PASSWORD_CHANGED, MailTemplates.Part.SUBJECT, "Changed\nBcc: everyone@example.com");
        write(
                NotificationKind.PASSWORD_CHANGED,
                MailTemplates.Part.TEXT,
                "{{#shop_name}}{{#shop_url}}x{{/shop_url}}{{/shop_name}}");
        Files.writeString(dir.resolve("verification_code.txt"), "an old name");
        Files.write(dir.resolve("password-reset-code.txt"), new byte[] {(byte) 0xC3, (byte) 0x28});
        Files.writeString(dir.resolve("README.md"), "notes of the shop's own are left alone");

        assertThatThrownBy(() -> templatesIn(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "verification-code.txt: malformed placeholder or unclosed section at '{{ code }}'")
                .hasMessageContaining(
                        "password-reset-code.html: malformed placeholder or unclosed section at '{{#shop_url}}")
                .hasMessageContaining("password-changed.subject.txt: a subject is one line")
                .hasMessageContaining("password-changed.txt: sections do not nest")
                .hasMessageContaining("verification_code.txt: not a template this version reads")
                .hasMessageContaining("password-reset-code.txt: not UTF-8")
                .hasMessageNotContaining("README.md");
    }

    @Test
    void a_templates_directory_that_does_not_exist_fails_the_load() {
        Path missing = dir.resolve("nowhere");

        assertThatThrownBy(() -> templatesIn(missing))
                .hasMessage("Mail templates directory " + missing.toAbsolutePath()
                        + " does not exist or is not a directory");
    }

    @Test
    void line_breaks_in_a_value_become_spaces_in_the_subject_only() throws IOException {
        write(NotificationKind.PASSWORD_CHANGED, MailTemplates.Part.SUBJECT, "For {{first_name}}");
        Map<String, String> values = new HashMap<>(
                SampleNotifications.valuesOf(NotificationKind.PASSWORD_CHANGED, "Eve\r\nBcc: x@example.com"));
        Notification notification = new Notification(NotificationKind.PASSWORD_CHANGED, RECIPIENT, values);

        RenderedMail mail = templatesIn(dir).render(notification);

        assertThat(mail.subject()).isEqualTo("For Eve Bcc: x@example.com");
        assertThat(mail.text()).contains("Hello Eve\r\nBcc: x@example.com,");
    }

    @Test
    void the_shop_settings_refuse_what_a_mail_cannot_carry() {
        assertThat(TemplateSettings.checkShopName("  Corner Shop ")).isEqualTo("Corner Shop");
        assertThat(TemplateSettings.checkShopUrl(" ")).isEmpty();
        assertThat(TemplateSettings.checkShopUrl("http://shop.example/")).contains("http://shop.example/");
        for (String name : new String[] {" ", "Shop\nBcc: x@example.com", "x".repeat(101)}) {
            assertThatThrownBy(() -> TemplateSettings.checkShopName(name))
                    .as(name)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("The shop name must");
        }
        for (String url : new String[] {
            "javascript:alert(1)", "shop.example", "/shop", "https://", "ftp://shop.example", "https://shop example"
        }) {
            assertThatThrownBy(() -> TemplateSettings.checkShopUrl(url))
                    .as(url)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(url);
        }
    }

    @Test
    void the_default_settings_are_the_shipped_templates_signed_stockroom() {
        RenderedMail mail = MailTemplates.load(TemplateSettings.defaults())
                .render(SampleNotifications.of(NotificationKind.VERIFICATION_CODE));

        assertThat(mail)
                .isEqualTo(MailTemplates.shipped().render(SampleNotifications.of(NotificationKind.VERIFICATION_CODE)));
        assertThat(mail.subject()).isEqualTo("Your Stockroom verification code");
    }

    private MailTemplates templatesIn(Path directory) {
        return MailTemplates.load(new TemplateSettings(HOSTILE_SHOP, Optional.of(SHOP_URL), Optional.of(directory)));
    }

    private Path write(NotificationKind kind, MailTemplates.Part part, String content) throws IOException {
        return Files.writeString(dir.resolve(MailTemplates.fileName(kind, part)), content);
    }

    /** Every placeholder's value, the notification's hostile first name among them. */
    private static Map<String, String> values(NotificationKind kind) {
        Map<String, String> values = new HashMap<>(SampleNotifications.valuesOf(kind, HOSTILE_NAME));
        values.put(MailTemplates.SHOP_NAME, HOSTILE_SHOP);
        values.put(MailTemplates.SHOP_URL, SHOP_URL);
        assertThat(values.keySet()).containsExactlyInAnyOrderElementsOf(MailTemplates.placeholders(kind));
        return values;
    }

    private static Notification notification(NotificationKind kind) {
        return new Notification(kind, RECIPIENT, SampleNotifications.valuesOf(kind, HOSTILE_NAME));
    }

    /** Parsed as XML (the shipped HTML is polyglot XHTML): a stray tag or an unescaped '&' fails. */
    static Document xhtml(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(html.getBytes(UTF_8)));
    }

    private static java.util.List<String> hrefs(Document html) {
        NodeList links = html.getElementsByTagName("a");
        java.util.List<String> hrefs = new java.util.ArrayList<>();
        for (int i = 0; i < links.getLength(); i++) {
            hrefs.add(((Element) links.item(i)).getAttribute("href"));
        }
        return hrefs;
    }
}
