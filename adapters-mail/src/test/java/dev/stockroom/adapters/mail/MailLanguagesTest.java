package dev.stockroom.adapters.mail;

import static dev.stockroom.adapters.mail.SampleNotifications.CHANGED_AT_VALUE;
import static dev.stockroom.adapters.mail.SampleNotifications.CODE_VALUE;
import static dev.stockroom.adapters.mail.SampleNotifications.RECIPIENT;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.notification.domain.NotificationKind;
import dev.stockroom.core.shared.LanguageTag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.simplejavamail.api.email.Email;

/** Mail in the user's language: the shipped German set, the fallback to English, and a shop's own languages. */
class MailLanguagesTest {
    private static final LanguageTag GERMAN = new LanguageTag("de");
    private final MailTemplates shipped = MailTemplates.shipped();

    @TempDir
    Path dir;

    static Set<String> templateFiles() {
        return Set.copyOf(MailTemplates.fileNames());
    }

    /** So that a new template cannot ship without its translation. */
    @ParameterizedTest
    @MethodSource("templateFiles")
    void every_english_template_has_a_german_translation(String name) throws IOException {
        String english = shippedFile(MailTemplates.path(LanguageTag.ENGLISH, name));
        String german = shippedFile(MailTemplates.path(GERMAN, name));

        assertThat(german).as("templates/de/" + name).isNotBlank().isNotEqualTo(english);
        assertThat(placeholdersIn(german)).as(name).isEqualTo(placeholdersIn(english));
    }

    @Test
    void german_and_english_are_shipped() {
        assertThat(MailTemplates.SHIPPED_LANGUAGES).containsExactly(LanguageTag.ENGLISH, GERMAN);
        assertThat(shipped.languages()).containsExactlyInAnyOrder(LanguageTag.ENGLISH, GERMAN);
    }

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void every_kind_is_written_in_german_for_a_german_reader(NotificationKind kind) throws Exception {
        RenderedMail mail = shipped.render(german(kind, "de-AT"));

        assertThat(mail.language()).isEqualTo(GERMAN);
        assertThat(mail.subject()).startsWith("Ihr ").contains("Stockroom").doesNotContain("{{", "Your");
        for (String body : new String[] {mail.text(), mail.html()}) {
            assertThat(body).contains("Hallo Alice,", "Stockroom").doesNotContain("{{", "Hello", "Your");
        }
        assertThat(mail.html()).contains("lang=\"de\"");
        assertThat(ShopTemplatesTest.xhtml(mail.html()).getDocumentElement().getAttribute("lang"))
                .isEqualTo("de");
    }

    @Test
    void german_code_mails_carry_the_code_and_its_lifetime() {
        RenderedMail mail = shipped.render(german(NotificationKind.VERIFICATION_CODE, "de"));

        assertThat(mail.subject()).isEqualTo("Ihr Bestätigungscode für Stockroom");
        assertThat(mail.text()).contains("    " + CODE_VALUE + "\n", "10 Minuten");
        assertThat(mail.html()).contains(">" + CODE_VALUE + "</p>", "10 Minuten");
        RenderedMail reset = shipped.render(german(NotificationKind.PASSWORD_RESET_CODE, "de-DE"));
        assertThat(reset.subject()).isEqualTo("Ihr Code zum Zurücksetzen des Passworts für Stockroom");
        RenderedMail changed = shipped.render(german(NotificationKind.PASSWORD_CHANGED, "de-CH"));
        assertThat(changed.text()).contains("am " + CHANGED_AT_VALUE + " geändert", "„Passwort vergessen“");
    }

    @Test
    void a_language_without_a_translation_is_written_in_english() {
        RenderedMail mail = shipped.render(german(NotificationKind.VERIFICATION_CODE, "fr-CA"));

        assertThat(mail.language()).isEqualTo(LanguageTag.ENGLISH);
        assertThat(mail.subject()).isEqualTo("Your Stockroom verification code");
        assertThat(mail).isEqualTo(shipped.render(SampleNotifications.of(NotificationKind.VERIFICATION_CODE)));
    }

    @Test
    void the_composed_message_says_its_language() throws Exception {
        MailComposer composer = new MailComposer(shipped, new MailSettings("shop@example.com"));

        Email email = composer.compose(german(NotificationKind.PASSWORD_CHANGED, "de-AT"))
                .buildEmail();

        assertThat(email.getSubject()).isEqualTo("Ihr Passwort für Stockroom wurde geändert");
        assertThat(email.getHeaders()).containsEntry("Content-Language", java.util.List.of("de"));
        assertThat(composer.languages()).contains(GERMAN);
    }

    @Test
    void a_shops_german_file_replaces_the_shipped_one_and_the_rest_stays_german() throws IOException {
        write("de", "verification-code.subject.txt", "{{shop_name}}: Adresse bestätigen");
        write("verification-code.subject.txt", "{{shop_name}}: confirm your address");

        MailTemplates templates = templatesIn(dir);

        RenderedMail mail = templates.render(german(NotificationKind.VERIFICATION_CODE, "de"));
        assertThat(mail.subject()).isEqualTo("Corner Shop: Adresse bestätigen");
        assertThat(mail.text()).contains("willkommen bei Corner Shop.");
        assertThat(templates
                        .render(SampleNotifications.of(NotificationKind.VERIFICATION_CODE))
                        .subject())
                .isEqualTo("Corner Shop: confirm your address");
    }

    @Test
    void a_shop_adds_a_language_kind_by_kind_and_english_writes_the_rest() throws IOException {
        write("fr", "password-changed.subject.txt", "Votre mot de passe {{shop_name}} a changé");
        write("fr", "password-changed.txt", "Bonjour {{first_name}}, le {{changed_at}}.");
        write("fr", "password-changed.html", "<p>Bonjour {{first_name}}</p>");

        MailTemplates templates = templatesIn(dir);

        assertThat(templates.languages()).containsExactlyInAnyOrder(LanguageTag.ENGLISH, GERMAN, new LanguageTag("fr"));
        RenderedMail changed = templates.render(german(NotificationKind.PASSWORD_CHANGED, "fr-FR"));
        assertThat(changed.language().value()).isEqualTo("fr");
        assertThat(changed.subject()).isEqualTo("Votre mot de passe Corner Shop a changé");
        RenderedMail code = templates.render(german(NotificationKind.VERIFICATION_CODE, "fr-FR"));
        assertThat(code.language()).isEqualTo(LanguageTag.ENGLISH);
        assertThat(code.subject()).isEqualTo("Your Corner Shop verification code");
    }

    @Test
    void a_language_directory_with_part_of_a_kind_or_a_wrong_name_fails_the_load() throws IOException {
        write("fr", "password-changed.subject.txt", "Votre mot de passe a changé");
        write("de", "verification_code.txt", "ein alter Name");
        write("fr_FR", "password-changed.txt", "Bonjour");
        write("en", "password-changed.txt", "Hello");
        write("de", "password-changed.txt", "Hallo {{code}}");

        assertThatThrownBy(() -> templatesIn(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("password-changed.txt, password-changed.html missing beside the other files of"
                        + " PASSWORD_CHANGED (a language that is not shipped has all three files of a kind, or none)")
                .hasMessageContaining("de/verification_code.txt: not a template this version reads")
                .hasMessageContaining("fr_FR: not a language this version reads")
                .hasMessageContaining(dir.resolve("en") + ": not a language this version reads")
                .hasMessageContaining("de/password-changed.txt: unknown placeholder {{code}}");
    }

    private static Notification german(NotificationKind kind, String locale) {
        return new Notification(kind, RECIPIENT, SampleNotifications.valuesOf(kind, "Alice"), new LanguageTag(locale));
    }

    private static MailTemplates templatesIn(Path directory) {
        return MailTemplates.load(new TemplateSettings("Corner Shop", Optional.empty(), Optional.of(directory)));
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }

    private void write(String language, String name, String content) throws IOException {
        Files.createDirectories(dir.resolve(language));
        Files.writeString(dir.resolve(language).resolve(name), content);
    }

    private static String shippedFile(String relative) throws IOException {
        try (InputStream in = MailTemplates.class.getResourceAsStream("templates/" + relative)) {
            assertThat(in).as("shipped templates/" + relative).isNotNull();
            return new String(in.readAllBytes(), UTF_8);
        }
    }

    private static Set<String> placeholdersIn(String template) {
        return Set.copyOf(java.util.regex.Pattern.compile("\\{\\{[#/]?[a-z_]+}}")
                .matcher(template)
                .results()
                .map(java.util.regex.MatchResult::group)
                .toList());
    }
}
