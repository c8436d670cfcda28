package dev.stockroom.bootstrap.e2e;

import static dev.stockroom.bootstrap.e2e.HttpApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stockroom.bootstrap.e2e.HttpApi.Reply;
import dev.stockroom.core.contract.Race;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every account flow over real HTTP against the whole application, reading codes from the mail
 * that really went out over SMTP. Subclasses choose the database.
 */
abstract class AccountFlowsTest {
    static final String PASSWORD = "velvet harbor quietly 1987";
    static final String NEW_PASSWORD = "amber lantern softly 2044";

    abstract RunningStockroom stockroom();

    HttpApi http() {
        return stockroom().http;
    }

    static String unique() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    static String email(String username) {
        return username + "@example.com";
    }

    static Map<String, Object> registration(String username) {
        return map(
                "first_name",
                "Ada",
                "last_name",
                "Lovelace",
                "username",
                username,
                "email",
                email(username),
                "password",
                PASSWORD,
                "confirm_password",
                PASSWORD);
    }

    /** Registers and returns the NEW user's access token. */
    String register(String username) {
        Reply reply = http().post("/users/register/", registration(username));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.text("access_token");
    }

    /** Registers, verifies with the mailed code, and returns the verify reply. */
    Reply registerVerified(String username) {
        String token = register(username);
        Reply verified = http().post("/users/verify/", map("code", stockroom().code(email(username), 1)), token);
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        return verified;
    }

    Reply login(String login, String password) {
        return http().post("/users/login/", map("username", login, "password", password));
    }

    static void assertError(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.body().get("status").asBoolean()).isFalse();
        assertThat(reply.text("message")).isNotBlank();
        assertThat(reply.header("Content-Type")).startsWith("application/json");
    }

    static void assertFieldError(Reply reply, String field) {
        assertError(reply, 400);
        assertThat(reply.body().path("errors").has(field)).as(reply.toString()).isTrue();
    }

    @Test
    void register_verify_and_use_the_account() {
        String username = unique();
        Reply registered = http().post("/users/register", registration(username));

        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.text("message")).isEqualTo("Successfully registered, code sent to your email");
        assertThat(registered.text("auth_status")).isEqualTo("NEW");
        assertThat(registered.header("Cache-Control")).isEqualTo("no-store");
        String newToken = registered.text("access_token");
        assertThat(stockroom().subject(email(username), 1)).isNotBlank();

        Reply me = http().get("/users/me/", newToken);
        assertThat(me.status()).isEqualTo(200);
        JsonNode data = me.body().get("data");
        assertThat(data.get("username").asText()).isEqualTo(username);
        assertThat(data.get("email").asText()).isEqualTo(email(username));
        assertThat(data.get("auth_status").asText()).isEqualTo("NEW");
        assertThat(data.has("id")).isTrue();
        assertThat(data.has("created_at")).isTrue();
        assertThat(data.has("password")).isFalse();

        assertFieldError(
                http().post(
                                "/users/verify/",
                                map(
                                        "code",
                                        "000000".equals(stockroom().code(email(username), 1)) ? "111111" : "000000"),
                                newToken),
                "code");
        Reply verified = http().post("/users/verify", map("code", stockroom().code(email(username), 1)), newToken);
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.text("auth_status")).isEqualTo("VERIFIED");
        assertThat(verified.text("access_token")).isNotBlank();
        assertThat(verified.text("refresh_token")).isNotBlank();
        assertThat(http().get("/users/me", verified.text("access_token"))
                        .body()
                        .get("data")
                        .get("auth_status")
                        .asText())
                .isEqualTo("VERIFIED");
        assertError(http().post("/users/verify/", map("code", "123456"), verified.text("access_token")), 400);
    }

    @Test
    void resend_is_throttled_then_replaces_the_code() {
        String username = unique();
        String token = register(username);
        String first = stockroom().code(email(username), 1);

        Reply tooSoon = http().post("/users/resend/code/", null, token);
        assertError(tooSoon, 429);
        assertThat(Integer.parseInt(tooSoon.header("Retry-After"))).isBetween(1, 60);

        stockroom().clock.advance(Duration.ofSeconds(61));
        Reply resent = http().post("/users/resend/code", null, token);
        assertThat(resent.status()).as(resent.toString()).isEqualTo(200);
        assertThat(resent.text("message")).isEqualTo("Code sent successfully");
        assertThat(resent.text("auth_status")).isEqualTo("NEW");
        String second = stockroom().code(email(username), 2);

        if (!first.equals(second)) {
            assertFieldError(http().post("/users/verify/", map("code", first), token), "code");
        }
        assertThat(http().post("/users/verify/", map("code", second), token).status())
                .isEqualTo(200);
    }

    @Test
    void an_expired_code_is_refused() {
        String username = unique();
        register(username);
        String code = stockroom().code(email(username), 1);

        stockroom().clock.advance(Duration.ofMinutes(11));
        // The registration token has expired with the code; a NEW user may log in for a fresh one.
        Reply login = login(username, PASSWORD);
        assertThat(login.text("auth_status")).isEqualTo("NEW");
        Reply expired = http().post("/users/verify/", map("code", code), login.text("access_token"));

        assertFieldError(expired, "code");
        assertThat(expired.text("message")).containsIgnoringCase("expired");
    }

    @Test
    void the_sixth_try_is_refused_even_with_the_right_code() {
        String username = unique();
        String token = register(username);
        String code = stockroom().code(email(username), 1);
        String wrong = code.equals("999999") ? "000000" : "999999";

        for (int i = 0; i < 5; i++) {
            assertFieldError(http().post("/users/verify/", map("code", wrong), token), "code");
        }
        Reply sixth = http().post("/users/verify/", map("code", code), token);

        assertFieldError(sixth, "code");
        assertThat(sixth.text("message")).containsIgnoringCase("too many");
    }

    @Test
    void a_new_users_token_reaches_only_verify_resend_and_me() {
        String username = unique();
        String token = register(username);

        assertError(
                http().post(
                                "/users/password/update/",
                                map(
                                        "old_password",
                                        PASSWORD,
                                        "password",
                                        NEW_PASSWORD,
                                        "confirm_password",
                                        NEW_PASSWORD),
                                token),
                403);
    }

    @Test
    void login_by_username_or_email_and_one_generic_failure() {
        String username = unique();
        registerVerified(username);

        Reply byName = login(username, PASSWORD);
        Reply byEmail = login(email(username).toUpperCase(Locale.ROOT), PASSWORD);
        assertThat(byName.status()).isEqualTo(200);
        assertThat(byName.text("access_token")).isNotBlank();
        assertThat(byName.text("refresh_token")).isNotBlank();
        assertThat(byName.text("auth_status")).isEqualTo("VERIFIED");
        assertThat(byName.header("Cache-Control")).isEqualTo("no-store");
        assertThat(byEmail.status()).isEqualTo(200);

        Reply wrongPassword = login(username, NEW_PASSWORD);
        Reply unknownUser = login(unique(), PASSWORD);
        assertError(wrongPassword, 401);
        assertError(unknownUser, 401);
        assertThat(wrongPassword.bytesWithoutRequestId()).isEqualTo(unknownUser.bytesWithoutRequestId());
    }

    @Test
    void wrong_passwords_slow_the_name_down_and_the_right_one_logs_in_after_the_delay() {
        String username = unique();
        registerVerified(username);

        for (int i = 0; i < 5; i++) {
            assertError(login(username, NEW_PASSWORD), 401);
        }
        Reply waiting = login(username.toUpperCase(Locale.ROOT), PASSWORD);
        assertError(waiting, 429);
        assertThat(waiting.header("Retry-After")).isEqualTo("1");

        stockroom().clock.advance(Duration.ofSeconds(1));
        Reply afterDelay = login(username, PASSWORD);
        assertThat(afterDelay.status()).as(afterDelay.toString()).isEqualTo(200);
        assertThat(afterDelay.text("access_token")).isNotBlank();
    }

    @Test
    void a_strangers_wrong_passwords_never_slow_the_owners_device() {
        String username = unique();
        registerVerified(username);
        String device = login(username, PASSWORD).text("device_token");
        assertThat(device).hasSizeGreaterThanOrEqualTo(43);
        for (int i = 0; i < 8; i++) {
            stockroom().clock.advance(Duration.ofMinutes(1));
            assertError(login(username, NEW_PASSWORD), 401);
        }
        assertError(login(username, PASSWORD), 429);

        Reply owner =
                http().post("/users/login/", map("username", username, "password", PASSWORD, "device_token", device));

        assertThat(owner.status()).as(owner.toString()).isEqualTo(200);
        assertThat(owner.text("device_token")).isNotBlank().isNotEqualTo(device);
        assertError(login(username, PASSWORD), 429);
    }

    @Test
    void any_number_of_concurrent_logins_with_the_right_password_succeed_and_slow_nobody_down() throws Exception {
        String username = unique();
        registerVerified(username);

        // More at once than the 5 free failures: none of them is a failure.
        List<Reply> replies = Race.run(24, () -> login(username, PASSWORD));

        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            assertThat(reply.text("access_token")).isNotBlank();
        });
        for (int i = 0; i < 4; i++) {
            assertError(login(username, NEW_PASSWORD), 401);
        }
        assertThat(login(username, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void a_burst_of_concurrent_wrong_guesses_gets_no_more_than_the_free_failures_checked() throws Exception {
        String username = unique();
        registerVerified(username);

        List<Reply> replies = Race.run(30, () -> login(username, NEW_PASSWORD));

        assertThat(replies).extracting(Reply::status).filteredOn(s -> s == 401).hasSize(5);
        assertThat(replies)
                .extracting(Reply::status)
                .filteredOn(s -> s != 401)
                .hasSize(25)
                .containsOnly(429);
        assertError(login(username, PASSWORD), 429);
    }

    @Test
    void refresh_rotates_and_a_replayed_token_ends_the_family() {
        String username = unique();
        Reply first = registerVerified(username);
        String r1 = first.text("refresh_token");

        Reply second = http().post("/users/token/refresh/", map("refresh_token", r1));
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        String r2 = second.text("refresh_token");
        assertThat(r2).isNotEqualTo(r1);
        assertThat(http().get("/users/me/", second.text("access_token")).status())
                .isEqualTo(200);

        assertError(http().post("/users/token/refresh/", map("refresh_token", r1)), 401);
        assertError(http().post("/users/token/refresh", map("refresh_token", r2)), 401);
        assertError(http().get("/users/me/", second.text("access_token")), 401);
        assertFieldError(http().post("/users/token/refresh/", map()), "refresh_token");
    }

    @Test
    void concurrent_refreshes_with_one_token_let_exactly_one_through() throws Exception {
        String refresh = registerVerified(unique()).text("refresh_token");

        List<Integer> statuses = Race.run(
                8,
                () -> http().post("/users/token/refresh/", map("refresh_token", refresh))
                        .status());

        assertThat(statuses).containsOnlyOnce(200).allMatch(s -> s == 200 || s == 401);
    }

    @Test
    void logout_ends_the_session_at_once() {
        String username = unique();
        Reply session = registerVerified(username);
        String access = session.text("access_token");

        Reply out = http().post("/users/logout/", map("refresh_token", session.text("refresh_token")), access);
        assertThat(out.status()).as(out.toString()).isEqualTo(200);
        assertThat(out.text("message")).isEqualTo("Logged out");

        assertError(http().get("/users/me/", access), 401);
        assertError(http().post("/users/token/refresh/", map("refresh_token", session.text("refresh_token"))), 401);
    }

    @Test
    void logout_all_ends_every_session() {
        String username = unique();
        Reply one = registerVerified(username);
        Reply two = login(username, PASSWORD);

        assertThat(http().post("/users/logout", map("all", true), two.text("access_token"))
                        .status())
                .isEqualTo(200);

        assertError(http().get("/users/me/", one.text("access_token")), 401);
        assertError(http().get("/users/me/", two.text("access_token")), 401);
    }

    @Test
    void forgot_password_resets_once_and_ends_every_session() {
        String username = unique();
        Reply session = registerVerified(username);

        Reply unknown = http().post("/users/password/forget/", map("email", email(unique())));
        Reply known = http().post("/users/password/forget", map("email", email(username)));
        assertThat(known.status()).isEqualTo(200);
        assertThat(known.text("message")).isEqualTo("Code sent to email");
        assertThat(unknown.bytesWithoutRequestId()).isEqualTo(known.bytesWithoutRequestId());

        String code = stockroom().code(email(username), 2);
        String wrong = code.equals("000000") ? "111111" : "000000";
        Reply wrongCode = http().post("/users/password/forget/verify/", map("email", email(username), "code", wrong));
        Reply unknownAddress =
                http().post("/users/password/forget/verify/", map("email", email(unique()), "code", wrong));
        assertFieldError(wrongCode, "code");
        assertThat(unknownAddress.bytesWithoutRequestId()).isEqualTo(wrongCode.bytesWithoutRequestId());

        Reply verified = http().post("/users/password/forget/verify", map("email", email(username), "code", code));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        String resetToken = verified.text("access_token");
        assertThat(verified.text("refresh_token")).isNull();
        assertError(http().get("/users/me/", resetToken), 403);

        Reply changed = http().post(
                        "/users/password/update/",
                        map("password", NEW_PASSWORD, "conform_password", NEW_PASSWORD),
                        resetToken);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.text("message")).isEqualTo("Password changed");
        assertThat(changed.text("access_token")).isNull();

        assertError(
                http().post(
                                "/users/password/update/",
                                map("password", PASSWORD, "confirm_password", PASSWORD),
                                resetToken),
                401);
        assertError(http().get("/users/me/", session.text("access_token")), 401);
        assertError(login(username, PASSWORD), 401);
        assertThat(login(username, NEW_PASSWORD).status()).isEqualTo(200);
        assertThat(stockroom().mail(email(username), 3)).doesNotContain(NEW_PASSWORD);
    }

    @Test
    void a_reset_proves_the_address_of_a_new_account() {
        String username = unique();
        register(username);
        http().post("/users/password/forget/", map("email", email(username)));
        String code = stockroom().code(email(username), 2);
        String reset = http().post("/users/password/forget/verify/", map("email", email(username), "code", code))
                .text("access_token");

        assertThat(http().post(
                                "/users/password/update/",
                                map("password", NEW_PASSWORD, "confirm_password", NEW_PASSWORD),
                                reset)
                        .status())
                .isEqualTo(200);

        assertThat(login(username, NEW_PASSWORD).text("auth_status")).isEqualTo("VERIFIED");
    }

    @Test
    void change_password_needs_the_old_one_and_ends_every_session() {
        String username = unique();
        String access = registerVerified(username).text("access_token");

        assertFieldError(
                http().post(
                                "/users/password/update/",
                                map(
                                        "old_password",
                                        "not my password at all",
                                        "password",
                                        NEW_PASSWORD,
                                        "confirm_password",
                                        NEW_PASSWORD),
                                access),
                "old_password");
        assertFieldError(
                http().post(
                                "/users/password/update/",
                                map("password", NEW_PASSWORD, "confirm_password", NEW_PASSWORD),
                                access),
                "old_password");

        Reply changed = http().post(
                        "/users/password/update/",
                        map("old_password", PASSWORD, "password", NEW_PASSWORD, "confirm_password", NEW_PASSWORD),
                        access);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

        assertError(http().get("/users/me/", access), 401);
        assertThat(login(username, NEW_PASSWORD).status()).isEqualTo(200);
        assertThat(stockroom().subject(email(username), 2)).isNotBlank();
    }

    @Test
    void bad_registrations_are_400s_with_field_errors() {
        String username = unique();
        register(username);

        assertFieldError(http().post("/users/register/", map("username", unique())), "first_name");
        Map<String, Object> mismatched = registration(unique());
        mismatched.put("confirm_password", "something else entirely");
        assertFieldError(http().post("/users/register/", mismatched), "confirm_password");
        Map<String, Object> common = registration(unique());
        common.put("password", "qwerty123456");
        common.put("confirm_password", "qwerty123456");
        assertFieldError(http().post("/users/register/", common), "password");
        Map<String, Object> tooLong = registration(unique());
        tooLong.put("password", "x".repeat(129));
        tooLong.put("confirm_password", "x".repeat(129));
        assertFieldError(http().post("/users/register/", tooLong), "password");
        Map<String, Object> taken = registration(username.toUpperCase(Locale.ROOT));
        taken.put("email", email(unique()));
        assertFieldError(http().post("/users/register/", taken), "username");
        Map<String, Object> takenEmail = registration(unique());
        takenEmail.put("email", email(username));
        assertFieldError(http().post("/users/register/", takenEmail), "email");
    }

    @Test
    void framework_errors_keep_the_envelope() {
        assertError(http().post("/users/login/", "{\"username\": "), 400);
        assertError(
                http().send("/users/login/", "POST", "text/plain", "username=a".getBytes(StandardCharsets.UTF_8), null),
                415);
        assertError(http().get("/no/such/path/", null), 404);
        assertError(http().get("/users/login/", null), 405);
        assertError(http().get("/users/me/", null), 401);
        assertError(http().post("/users/login/", "{\"username\": \"" + "a".repeat(70_000) + "\"}"), 413);
    }

    @Test
    void forged_tokens_are_refused() {
        String access = registerVerified(unique()).text("access_token");
        String[] parts = access.split("\\.", -1);
        String noneHeader = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String tamperedPayload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        payload.replace("\"VERIFIED\"", "\"VERIFIED\",\"x\":1").getBytes(StandardCharsets.UTF_8));

        // The default is ES256: the same claims HMAC-signed with the configured HS256 secret are an
        // algorithm the service does not accept.
        String hsHeader = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String hsSigned = hsHeader + "." + parts[1] + "."
                + hmacSha256(stockroom().app.getConfiguration().jwt.secret, hsHeader + "." + parts[1]);

        assertThat(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8))
                .contains("\"alg\":\"ES256\"", "\"kid\"");
        assertThat(http().get("/users/me/", access).status()).isEqualTo(200);
        assertError(http().get("/users/me/", noneHeader + "." + parts[1] + "."), 401);
        assertError(http().get("/users/me/", parts[0] + "." + tamperedPayload + "." + parts[2]), 401);
        assertError(http().get("/users/me/", hsSigned), 401);
    }

    private static String hmacSha256(String base64Key, String signingInput) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(Base64.getDecoder().decode(base64Key), "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void ten_concurrent_registrations_of_one_username_give_one_201() throws Exception {
        String username = unique();

        List<Integer> statuses = Race.run(10, () -> {
            Map<String, Object> body = registration(username);
            body.put("email", email(unique()));
            return http().post("/users/register/", body).status();
        });

        assertThat(statuses)
                .containsOnlyOnce(201)
                .filteredOn(s -> s != 201)
                .hasSize(9)
                .containsOnly(400);
    }
}
