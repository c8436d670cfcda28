package dev.stockroom.bootstrap.e2e;

import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.email;
import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.registration;
import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.unique;
import static dev.stockroom.bootstrap.e2e.HttpApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stockroom.bootstrap.e2e.HttpApi.Reply;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The profile change and the user's language over real HTTP: mail read from the SMTP server in
 * the language chosen at registration and after a change, and error answers in German where the
 * request or the user asks for it. Subclasses choose the database.
 */
abstract class UserLanguageFlowsTest {
    private static final String GERMAN_BROWSER = "de-DE,de;q=0.9,en;q=0.5";

    abstract RunningStockroom stockroom();

    HttpApi http() {
        return stockroom().http;
    }

    private Reply register(Map<String, Object> body, String acceptLanguage) {
        Reply reply = acceptLanguage == null
                ? http().post("/users/register/", body)
                : http().sendWith(
                                "/users/register/",
                                "POST",
                                "application/json",
                                HttpApi.json(body),
                                null,
                                "Accept-Language",
                                acceptLanguage);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply;
    }

    private Reply patch(String token, Object body, String... headers) {
        return http().sendWith("/users/me/", "PATCH", "application/json", HttpApi.json(body), token, headers);
    }

    @Test
    void a_german_browser_gets_german_mail_until_the_user_switches_to_english() {
        String username = unique();
        String token = register(registration(username), GERMAN_BROWSER).text("access_token");

        assertThat(http().get("/users/me/", token)
                        .body()
                        .path("data")
                        .path("locale")
                        .asText())
                .isEqualTo("de");
        assertThat(stockroom().subject(email(username), 1)).isEqualTo("Ihr Bestätigungscode für Stockroom");
        assertThat(stockroom().mail(email(username), 1))
                .contains("Hallo Ada,", "Ihr Bestätigungscode lautet:", "Minuten")
                .doesNotContain("Hello", "verification code");
        assertThat(stockroom().mailHeader(email(username), 1, "Content-Language"))
                .isEqualTo("de");
        String code = stockroom().code(email(username), 1);
        Reply verified = http().post("/users/verify/", map("code", code), token);
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);

        Reply english = patch(verified.text("access_token"), map("locale", "en"));
        assertThat(english.status()).as(english.toString()).isEqualTo(200);
        assertThat(english.text("message")).isEqualTo("Updated");
        assertThat(english.body().path("data").path("locale").asText()).isEqualTo("en");

        Reply forgot = http().post("/users/password/forget/", map("email", email(username)));
        assertThat(forgot.status()).as(forgot.toString()).isEqualTo(200);
        assertThat(stockroom().subject(email(username), 2)).isEqualTo("Your Stockroom password reset code");
        assertThat(stockroom().mail(email(username), 2)).contains("Hello Ada,").doesNotContain("Hallo");
        assertThat(stockroom().mailHeader(email(username), 2, "Content-Language"))
                .isEqualTo("en");
    }

    @Test
    void a_locale_in_the_registration_wins_and_one_without_a_translation_mails_english() {
        String username = unique();
        Map<String, Object> body = registration(username);
        body.put("locale", "fr-ca");

        Reply registered = register(body, GERMAN_BROWSER);

        String token = registered.text("access_token");
        assertThat(http().get("/users/me/", token)
                        .body()
                        .path("data")
                        .path("locale")
                        .asText())
                .isEqualTo("fr-CA");
        assertThat(stockroom().subject(email(username), 1)).isEqualTo("Your Stockroom verification code");
        assertThat(stockroom().mailHeader(email(username), 1, "Content-Language"))
                .isEqualTo("en");
    }

    @Test
    void without_accept_language_a_user_writes_english() {
        String username = unique();
        String token = register(registration(username), null).text("access_token");

        assertThat(http().get("/users/me/", token)
                        .body()
                        .path("data")
                        .path("locale")
                        .asText())
                .isEqualTo("en");
        assertThat(stockroom().subject(email(username), 1)).isEqualTo("Your Stockroom verification code");
    }

    @Test
    void patch_changes_the_names_sent_and_leaves_the_rest() {
        String username = unique();
        String token = register(registration(username), null).text("access_token");

        Reply renamed = patch(token, map("first_name", "  Augusta ", "last_name", "King"));

        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.body().path("status").asBoolean()).isTrue();
        JsonNode data = renamed.body().path("data");
        assertThat(data.path("first_name").asText()).isEqualTo("Augusta");
        assertThat(data.path("last_name").asText()).isEqualTo("King");
        assertThat(data.path("username").asText()).isEqualTo(username);
        assertThat(data.path("locale").asText()).isEqualTo("en");
        JsonNode me = http().get("/users/me", token).body().path("data");
        assertThat(me.path("first_name").asText()).isEqualTo("Augusta");
        assertThat(me.path("last_name").asText()).isEqualTo("King");

        Reply nothing = http().sendWith("/users/me", "PATCH", "application/json", null, token);
        assertThat(nothing.status()).as(nothing.toString()).isEqualTo(200);
        assertThat(nothing.body().path("data").path("first_name").asText()).isEqualTo("Augusta");
        assertThat(patch(token, "{}").status()).isEqualTo(200);
    }

    @Test
    void patch_refuses_bad_unknown_and_read_only_fields_by_name_and_changes_nothing() {
        String username = unique();
        String token = register(registration(username), null).text("access_token");

        Reply refused = patch(
                token,
                map(
                        "first_name",
                        "",
                        "last_name",
                        42,
                        "locale",
                        "en_GB",
                        "nickname",
                        "x",
                        "email",
                        "a@b.test",
                        "role",
                        "ADMIN"));

        AccountFlowsTest.assertError(refused, 400);
        JsonNode errors = refused.body().path("errors");
        assertThat(errors.path("first_name").get(0).asText()).isEqualTo("This field is required.");
        assertThat(errors.path("last_name").get(0).asText()).isEqualTo("Must be a string.");
        assertThat(errors.path("locale").get(0).asText()).isEqualTo("Must be a language tag such as en or de-DE.");
        assertThat(errors.path("nickname").get(0).asText()).isEqualTo("Unknown field.");
        assertThat(errors.has("email")).isTrue();
        assertThat(errors.path("role").get(0).asText())
                .isEqualTo("This field is set by the server and cannot be sent.");
        assertThat(refused.header("Content-Language")).isEqualTo("en");
        JsonNode me = http().get("/users/me/", token).body().path("data");
        assertThat(me.path("first_name").asText()).isEqualTo("Ada");
        assertThat(me.path("role").asText()).isEqualTo("USER");
        AccountFlowsTest.assertError(patch(token, "[1]"), 400);
        AccountFlowsTest.assertError(patch(token, "{\"first_name\":"), 400);
        AccountFlowsTest.assertError(patch(null, map("first_name", "Eve")), 401);
    }

    @Test
    void errors_follow_accept_language_with_the_same_shape_and_field_names() {
        String token = register(registration(unique()), null).text("access_token");

        Reply refused = patch(token, map("locale", "en_GB", "first_name", "x".repeat(101)), "Accept-Language", "de-AT");

        AccountFlowsTest.assertError(refused, 400);
        assertThat(refused.header("Content-Language")).isEqualTo("de");
        assertThat(refused.text("message")).isEqualTo("Einige Felder sind ungültig.");
        JsonNode errors = refused.body().path("errors");
        assertThat(errors.path("locale").get(0).asText()).isEqualTo("Muss ein Sprach-Tag wie en oder de-DE sein.");
        assertThat(errors.path("first_name").get(0).asText()).isEqualTo("Darf höchstens 100 Zeichen lang sein.");
        assertThat(refused.body().has("request_id")).isTrue();

        Reply anonymous = http().sendWith("/users/me/", "GET", null, null, null, "Accept-Language", "de");
        AccountFlowsTest.assertError(anonymous, 401);
        assertThat(anonymous.text("message")).isEqualTo("Es wurden keine oder ungültige Anmeldedaten übermittelt.");
        assertThat(anonymous.header("Content-Language")).isEqualTo("de");
        Reply unknownPath = http().sendWith("/nowhere/", "GET", null, null, null, "Accept-Language", "de");
        AccountFlowsTest.assertError(unknownPath, 404);
        assertThat(unknownPath.text("message")).isEqualTo("Nicht gefunden.");
        Reply english = patch(token, map("locale", "en_GB"), "Accept-Language", "fr-FR, en;q=0.8, de;q=0.5");
        assertThat(english.text("message")).isEqualTo("Some fields are not valid.");
        assertThat(english.header("Content-Language")).isEqualTo("en");
    }

    @Test
    void a_german_user_gets_german_errors_without_asking_and_english_when_asking() {
        String token = register(registration(unique()), "de").text("access_token");

        Reply refused = patch(token, map("last_name", " "));

        AccountFlowsTest.assertError(refused, 400);
        assertThat(refused.header("Content-Language")).isEqualTo("de");
        assertThat(refused.body().path("errors").path("last_name").get(0).asText())
                .isEqualTo("Dieses Feld ist erforderlich.");
        Reply asked = patch(token, map("last_name", " "), "Accept-Language", "en");
        assertThat(asked.body().path("errors").path("last_name").get(0).asText())
                .isEqualTo("This field is required.");
        assertThat(asked.header("Content-Language")).isEqualTo("en");
    }
}
