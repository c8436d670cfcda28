package dev.stockroom.bootstrap.e2e;

import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.PASSWORD;
import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.assertError;
import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.assertFieldError;
import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.email;
import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.registration;
import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.unique;
import static dev.stockroom.bootstrap.e2e.HttpApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stockroom.bootstrap.e2e.HttpApi.Reply;
import dev.stockroom.core.account.domain.Totp;
import dev.stockroom.core.account.domain.TotpSecret;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Email change (and its undo), account deletion (by the user and by an admin) and the data export,
 * over real HTTP against the whole application, with every code read from the mail that went out
 * over SMTP. Subclasses choose the database.
 */
abstract class AccountLifecycleFlowsTest {

    abstract RunningStockroom stockroom();

    HttpApi http() {
        return stockroom().http;
    }

    /** Registers and verifies (the verification code is mail 1 to the address); returns an access token. */
    String verified(String username) {
        return verified(username, 1);
    }

    /** Registers and verifies with the code in mail {@code n} to the address; returns an access token. */
    String verified(String username, int n) {
        Reply registered = http().post("/users/register/", registration(username));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        Reply verified = http().post(
                        "/users/verify/",
                        map("code", stockroom().code(email(username), n)),
                        registered.text("access_token"));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        return verified.text("access_token");
    }

    Reply requestChange(String token, String newEmail, String password) {
        return http().post("/users/email/change/", map("new_email", newEmail, "password", password), token);
    }

    Reply deleteMe(String token, Object body) {
        return http().send("/users/me/", "DELETE", "application/json", HttpApi.json(body), token);
    }

    Reply login(String login, String password) {
        return http().post("/users/login/", map("username", login, "password", password));
    }

    String emailOf(String token) {
        Reply me = http().get("/users/me/", token);
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        return me.body().get("data").get("email").asText();
    }

    static String otherThan(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    @Test
    void an_email_change_takes_the_code_from_the_new_address_and_keeps_the_sessions() {
        String username = unique();
        String token = verified(username);
        String taken = unique();
        verified(taken);
        String newEmail = unique() + "@moved.example";

        assertFieldError(requestChange(token, newEmail, "not my password at all"), "password");
        assertFieldError(requestChange(token, email(taken).toUpperCase(java.util.Locale.ROOT), PASSWORD), "new_email");
        assertFieldError(requestChange(token, "not an address", PASSWORD), "new_email");
        assertFieldError(requestChange(token, email(username), PASSWORD), "new_email");
        Reply requested = requestChange(token, newEmail, PASSWORD);
        assertThat(requested.status()).as(requested.toString()).isEqualTo(200);
        assertThat(requested.text("message")).isEqualTo("Code sent to the new email");
        assertThat(stockroom().mail(email(username), 2)).contains(newEmail);
        assertThat(emailOf(token)).isEqualTo(email(username));
        String code = stockroom().code(newEmail, 1);

        assertFieldError(http().post("/users/email/change/verify/", map("code", otherThan(code)), token), "code");
        Reply changed = http().post("/users/email/change/verify", map("code", code), token);

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.text("message")).isEqualTo("Email changed");
        assertThat(changed.body().get("data").get("email").asText()).isEqualTo(newEmail);
        assertThat(emailOf(token)).isEqualTo(newEmail);
        assertThat(login(newEmail, PASSWORD).status()).isEqualTo(200);
        assertError(login(email(username), PASSWORD), 401);
        assertFieldError(http().post("/users/email/change/verify/", map("code", code), token), "code");
    }

    @Test
    void an_address_taken_meanwhile_is_refused_when_the_code_comes() {
        String username = unique();
        String token = verified(username);
        String latecomer = unique();
        assertThat(requestChange(token, email(latecomer), PASSWORD).status()).isEqualTo(200);
        String code = stockroom().code(email(latecomer), 1);
        verified(latecomer, 2); // mail 1 to the address was the change's code

        Reply refused = http().post("/users/email/change/verify/", map("code", code), token);

        assertFieldError(refused, "new_email");
        assertThat(emailOf(token)).isEqualTo(email(username));
    }

    @Test
    void the_old_address_undoes_a_change_once_and_every_session_ends() {
        String username = unique();
        String token = verified(username);
        String newEmail = unique() + "@moved.example";
        assertThat(requestChange(token, newEmail, PASSWORD).status()).isEqualTo(200);
        String undo = stockroom().code(email(username), 2);
        Reply changed = http().post(
                        "/users/email/change/verify/", map("code", stockroom().code(newEmail, 1)), token);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

        assertFieldError(
                http().post("/users/email/change/undo/", map("email", email(username), "code", otherThan(undo))),
                "code");
        assertFieldError(http().post("/users/email/change/undo/", map("email", email(username))), "code");
        Reply undone = http().post("/users/email/change/undo", map("email", email(username), "code", undo));

        assertThat(undone.status()).as(undone.toString()).isEqualTo(200);
        assertError(http().get("/users/me/", token), 401);
        String again = login(email(username), PASSWORD).text("access_token");
        assertThat(emailOf(again)).isEqualTo(email(username));
        assertError(login(newEmail, PASSWORD), 401);
        assertFieldError(http().post("/users/email/change/undo/", map("email", email(username), "code", undo)), "code");
    }

    @Test
    void a_wrong_password_deletes_nothing() {
        String username = unique();
        String token = verified(username);
        long product = addProduct(token, "Kept " + username);

        assertFieldError(deleteMe(token, map("password", "not my password at all")), "password");
        assertFieldError(deleteMe(token, map()), "password");

        assertThat(emailOf(token)).isEqualTo(email(username));
        assertThat(http().get("/products/" + product + "/detail/", null).status())
                .isEqualTo(200);
        assertThat(login(username, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void deleting_the_account_ends_its_sessions_deletes_its_products_and_frees_its_names() {
        String username = unique();
        String token = verified(username);
        String other = login(username, PASSWORD).text("access_token");
        long product = addProduct(token, "Gone " + username);

        Reply deleted = deleteMe(token, map("password", PASSWORD));

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(deleted.text("message")).isEqualTo("Account deleted");
        assertError(http().get("/users/me/", token), 401);
        assertError(http().get("/users/me/", other), 401);
        assertError(login(username, PASSWORD), 401);
        assertThat(http().get("/products/" + product + "/detail/", null).status())
                .isEqualTo(404);
        assertThat(stockroom().subject(email(username), 2)).contains("deleted");

        Reply again = http().post("/users/register/", registration(username));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        Reply verifiedAgain = http().post(
                        "/users/verify/",
                        map("code", stockroom().code(email(username), 3)),
                        again.text("access_token"));
        assertThat(verifiedAgain.status()).as(verifiedAgain.toString()).isEqualTo(200);
    }

    @Test
    void with_two_factor_sign_in_on_deletion_needs_a_right_code_too() {
        String username = unique();
        String token = verified(username);
        Reply setUp = http().post("/users/mfa/totp/setup/", map("password", PASSWORD), token);
        assertThat(setUp.status()).as(setUp.toString()).isEqualTo(200);
        TotpSecret secret = new TotpSecret(setUp.text("secret"));
        Reply confirmed = http().post(
                        "/users/mfa/totp/confirm/",
                        map(
                                "code",
                                Totp.code(secret, Totp.stepAt(stockroom().clock.instant()))),
                        token);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        String recovery = confirmed.body().get("recovery_codes").get(0).asText();

        assertFieldError(deleteMe(token, map("password", PASSWORD)), "code");
        assertError(deleteMe(token, map("password", PASSWORD, "code", wrongCode(secret))), 400);
        assertFieldError(deleteMe(token, map("password", "not my password at all", "code", recovery)), "password");
        assertThat(emailOf(token)).isEqualTo(email(username));

        Reply deleted = deleteMe(token, map("password", PASSWORD, "code", recovery));

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertError(http().get("/users/me/", token), 401);
    }

    /** A code of no step near the service's time. */
    private String wrongCode(TotpSecret secret) {
        long now = Totp.stepAt(stockroom().clock.instant());
        List<String> near = java.util.stream.LongStream.rangeClosed(now - 2, now + 2)
                .mapToObj(step -> Totp.code(secret, step))
                .toList();
        for (int i = 0; ; i++) {
            String candidate = String.format(java.util.Locale.ROOT, "%06d", i);
            if (!near.contains(candidate)) {
                return candidate;
            }
        }
    }

    @Test
    void an_admin_deletes_a_user_and_nobody_else_may() throws Exception {
        String adminName = unique();
        verified(adminName);
        stockroom().makeAdmin(adminName);
        String admin = login(adminName, PASSWORD).text("access_token");
        String username = unique();
        String token = verified(username);
        String id = http().get("/users/me/", token).body().get("data").get("id").asText();

        assertError(http().send("/admin/users/" + id + "/", "DELETE", null, null, token), 403);
        assertError(http().send("/admin/users/" + id + "/", "DELETE", null, null, null), 401);
        Reply deleted = http().send("/admin/users/" + id + "/", "DELETE", null, null, admin);

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(deleted.text("message")).isEqualTo("User deleted");
        assertError(http().get("/users/me/", token), 401);
        assertError(login(username, PASSWORD), 401);
        assertError(http().send("/admin/users/" + id + "/", "DELETE", null, null, admin), 404);
        JsonNode events = http().get("/admin/audit/?user=" + id + "&kind=ACCOUNT_DELETED", admin)
                .body()
                .get("results");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("username").isNull()).isTrue();
    }

    @Test
    void the_export_holds_the_profile_sessions_events_and_products_and_no_token() {
        String username = unique();
        String token = verified(username);
        addProduct(token, "Exported " + username);
        addDraft(token, "Exported draft " + username);

        Reply export = http().get("/users/me/export/", token);

        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        JsonNode data = export.body().get("data");
        assertThat(data.get("profile").get("username").asText()).isEqualTo(username);
        assertThat(data.get("profile").get("email").asText()).isEqualTo(email(username));
        assertThat(data.get("sessions")).isNotEmpty();
        List<String> sessionFields = new ArrayList<>();
        data.get("sessions").get(0).fieldNames().forEachRemaining(sessionFields::add);
        assertThat(sessionFields)
                .containsExactlyInAnyOrder("id", "created_at", "last_used_at", "ip", "user_agent", "current");
        assertThat(new String(export.bytes(), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain(token)
                .doesNotContain("refresh_token")
                .doesNotContain("password_hash");
        List<String> kinds = new ArrayList<>();
        data.get("events").forEach(e -> kinds.add(e.get("kind").asText()));
        assertThat(kinds).contains("REGISTERED", "VERIFIED");
        List<String> names = new ArrayList<>();
        data.get("products").forEach(p -> names.add(p.get("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("Exported " + username, "Exported draft " + username);
        assertError(http().get("/users/me/export/", null), 401);
    }

    long addDraft(String token, String name) {
        Reply added =
                http().post("/products/add/", map("name", name, "price", 1, "quantity", 1, "status", "draft"), token);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.body().get("data").get("id").asLong();
    }

    long addProduct(String token, String name) {
        Reply added = http().post(
                        "/products/add/",
                        map("name", name, "price", 12.5, "photo", "", "description", "A thing", "quantity", 3),
                        token);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.body().get("data").get("id").asLong();
    }
}
