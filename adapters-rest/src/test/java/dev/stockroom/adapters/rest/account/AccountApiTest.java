package dev.stockroom.adapters.rest.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.adapters.rest.StockroomApi;
import dev.stockroom.adapters.rest.security.AccessTokens;
import dev.stockroom.adapters.rest.security.TokenSettings;
import dev.stockroom.core.Stockroom;
import dev.stockroom.core.catalog.domain.CatalogPolicy;
import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.testing.InMemoryAdapters;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The account endpoints over Jersey with the core on in-memory adapters: the contract's shapes,
 * and the framework's own refusals kept in the error envelope.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AccountApiTest {
    private static final InMemoryAdapters ADAPTERS = new InMemoryAdapters();
    private static final Stockroom STOCKROOM = ADAPTERS.stockroom().build();
    private static final byte[] KEY = new byte[32];

    static {
        new SecureRandom().nextBytes(KEY);
    }

    static final ResourceExtension API = api();

    private static ResourceExtension api() {
        List<Object> components = new ArrayList<>();
        StockroomApi.register(
                components::add,
                new StockroomApi(
                        STOCKROOM.registration(),
                        STOCKROOM.authentication(),
                        STOCKROOM.passwordRecovery(),
                        STOCKROOM.profiles(),
                        STOCKROOM.administration(),
                        STOCKROOM.emailChanges(),
                        STOCKROOM.accountDeletion(),
                        STOCKROOM.personalData(),
                        STOCKROOM.catalog(),
                        STOCKROOM.productImages(),
                        CatalogPolicy.defaults(),
                        new AccessTokens(new TokenSettings(KEY, "stockroom", "stockroom-api"), Clock.systemUTC()),
                        Clock.systemUTC()));
        ResourceExtension.Builder builder = ResourceExtension.builder().setRegisterDefaultExceptionMappers(false);
        components.forEach(builder::addResource);
        return builder.build();
    }

    private static Invocation.Builder call(String path) {
        return API.target(path).request(MediaType.APPLICATION_JSON_TYPE);
    }

    private static Map<String, Object> registration(String username) {
        return Map.of(
                "first_name",
                "Ada",
                "last_name",
                "Lovelace",
                "username",
                username,
                "email",
                username + "@example.com",
                "password",
                "velvet harbor quietly 1987",
                "confirm_password",
                "velvet harbor quietly 1987");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Response response) {
        return response.readEntity(Map.class);
    }

    private static String unique() {
        return "u" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void register_answers_201_with_the_sketch_shape_and_no_store() {
        Response response = call("/users/register/").post(Entity.json(registration(unique())));

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getHeaderString("Cache-Control")).isEqualTo("no-store");
        Map<String, Object> body = body(response);
        assertThat(body)
                .containsEntry("status", true)
                .containsEntry("message", "Successfully registered, code sent to your email")
                .containsEntry("auth_status", "NEW")
                .containsKey("access_token")
                .doesNotContainKey("refresh_token");
    }

    @Test
    void paths_work_with_and_without_the_trailing_slash() {
        assertThat(call("/users/register")
                        .post(Entity.json(registration(unique())))
                        .getStatus())
                .isEqualTo(201);
        assertThat(call("/users/register/")
                        .post(Entity.json(registration(unique())))
                        .getStatus())
                .isEqualTo(201);
    }

    @Test
    void the_sketch_spelling_conform_password_is_accepted() {
        Map<String, Object> body = new java.util.HashMap<>(registration(unique()));
        body.put("conform_password", body.remove("confirm_password"));

        assertThat(call("/users/register/").post(Entity.json(body)).getStatus()).isEqualTo(201);
    }

    @Test
    void verify_with_the_mailed_code_gives_a_refresh_token() {
        String username = unique();
        String token = (String) body(call("/users/register/").post(Entity.json(registration(username))))
                .get("access_token");
        STOCKROOM.mailRelay().relayDue();
        String code = ADAPTERS.mailSender().delivered().stream()
                .filter(n -> n.recipient().equals(username + "@example.com"))
                .reduce((a, b) -> b)
                .orElseThrow()
                .value(Notification.CODE);

        Response verified = call("/users/verify/")
                .header("Authorization", "Bearer " + token)
                .post(Entity.json(Map.of("code", code)));

        assertThat(verified.getStatus()).isEqualTo(200);
        assertThat(body(verified)).containsEntry("auth_status", "VERIFIED").containsKey("refresh_token");
    }

    @Test
    @SuppressWarnings("unchecked")
    void missing_and_mismatched_fields_are_reported_per_field() {
        Response response = call("/users/register/")
                .post(Entity.json(Map.of(
                        "username",
                        "x",
                        "password",
                        "velvet harbor quietly 1987",
                        "confirm_password",
                        "something else entirely")));

        assertThat(response.getStatus()).isEqualTo(400);
        Map<String, Object> body = body(response);
        assertThat(body).containsEntry("status", false).containsKey("message");
        assertThat((Map<String, Object>) body.get("errors"))
                .containsKeys("first_name", "last_name", "username", "email", "confirm_password");
    }

    @Test
    void malformed_json_is_a_400_in_the_envelope() {
        Response response = call("/users/login/").post(Entity.entity("{\"username\": ", MediaType.APPLICATION_JSON));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(body(response))
                .containsEntry("status", false)
                .containsEntry("message", "The request body is not valid JSON.");
    }

    @Test
    void a_wrong_content_type_is_a_415_in_the_envelope() {
        Response response = call("/users/login/").post(Entity.entity("username=a", MediaType.TEXT_PLAIN));

        assertThat(response.getStatus()).isEqualTo(415);
        assertThat(body(response)).containsEntry("status", false);
    }

    @Test
    void unknown_paths_and_wrong_methods_are_in_the_envelope() {
        Response notFound = call("/users/nothing-here/").get();
        Response wrongMethod = call("/users/login/").get();

        assertThat(notFound.getStatus()).isEqualTo(404);
        assertThat(body(notFound)).containsEntry("status", false).containsEntry("message", "Not found.");
        assertThat(wrongMethod.getStatus()).isEqualTo(405);
        assertThat(wrongMethod.getHeaderString("Allow")).contains("POST");
        assertThat(body(wrongMethod)).containsEntry("status", false);
    }

    @Test
    void missing_or_bad_credentials_are_a_401_in_the_envelope() {
        Response none = call("/users/me/").get();
        Response bad =
                call("/users/me/").header("Authorization", "Bearer not-a-token").get();

        for (Response response : List.of(none, bad)) {
            assertThat(response.getStatus()).isEqualTo(401);
            assertThat(response.getHeaderString("WWW-Authenticate")).startsWith("Bearer");
            assertThat(body(response)).containsEntry("status", false);
        }
    }

    /** A NEW user's access token, good for {@code me/}. */
    private static String newUserToken() {
        return (String) body(call("/users/register/").post(Entity.json(registration(unique()))))
                .get("access_token");
    }

    @Test
    void the_token_counts_only_in_the_authorization_header() {
        String token = newUserToken();

        Response inQuery = API.target("/users/me/")
                .queryParam("access_token", token)
                .request(MediaType.APPLICATION_JSON_TYPE)
                .get();
        Response inForm =
                call("/users/resend/code/").post(Entity.form(new jakarta.ws.rs.core.Form("access_token", token)));
        Response inHeader =
                call("/users/me/").header("Authorization", "Bearer " + token).get();

        for (Response ignored : List.of(inQuery, inForm)) {
            assertThat(ignored.getStatus()).isEqualTo(401);
            assertThat(ignored.getHeaderString("WWW-Authenticate")).startsWith("Bearer");
            assertThat(body(ignored))
                    .containsEntry("status", false)
                    .containsEntry("message", "Authentication credentials were not provided or are not valid.");
        }
        assertThat(inHeader.getStatus()).isEqualTo(200);
    }

    @Test
    void the_scheme_is_case_insensitive_and_spaces_around_the_token_do_not_matter() {
        String token = newUserToken();

        for (String value : List.of("bearer " + token, "BEARER " + token, "Bearer   " + token + "  ")) {
            assertThat(call("/users/me/").header("Authorization", value).get().getStatus())
                    .as(value)
                    .isEqualTo(200);
        }
    }

    @Test
    void malformed_authorization_values_are_a_401_never_a_500() {
        String token = newUserToken();
        List<String> values = List.of(
                "Bearer",
                "Bearer ",
                "Bearer  ",
                "Basic " + token,
                "Basic dXNlcjpwYXNz",
                "Bearer" + token,
                "Bearer " + token + " extra",
                "Bearer " + token + ",",
                "Bearer \"" + token + "\"",
                "Bearer ====",
                "Bearer " + "a".repeat(6000),
                "Bearer " + token.substring(0, token.length() / 2),
                "Token " + token,
                "Bearer\t" + token,
                "Bearer \u00e9" + token,
                "Bearer " + token + "\u0000",
                "   ");

        for (String value : values) {
            Response response =
                    call("/users/me/").header("Authorization", value).get();
            assertThat(response.getStatus()).as(value).isEqualTo(401);
            assertThat(body(response)).as(value).containsEntry("status", false);
        }
    }

    @Test
    void two_authorization_headers_count_as_none() {
        String token = newUserToken();

        Response response = call("/users/me/")
                .header("Authorization", "Bearer " + token)
                .header("Authorization", "Bearer " + token)
                .get();

        assertThat(response.getStatus()).isEqualTo(401);
    }

    @Test
    void a_body_over_64_KiB_is_a_413() {
        String big = "{\"username\": \"" + "a".repeat(70 * 1024) + "\", \"password\": \"x\"}";

        Response response = call("/users/login/")
                .post(Entity.entity(big.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON_TYPE));

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(body(response))
                .containsEntry("status", false)
                .containsEntry("message", "The request body is larger than 64 KiB.");
    }

    @Test
    void login_failures_are_one_generic_401() {
        Response unknown =
                call("/users/login/").post(Entity.json(Map.of("username", unique(), "password", "whatever it is")));

        assertThat(unknown.getStatus()).isEqualTo(401);
        assertThat(body(unknown)).containsEntry("message", "Invalid credentials.");
    }
}
