package dev.stockroom.bootstrap.e2e;

import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.PASSWORD;
import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.assertError;
import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.email;
import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.registration;
import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.unique;
import static dev.stockroom.bootstrap.e2e.HttpApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stockroom.bootstrap.e2e.HttpApi.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The administration API, the user's own sessions and the audit trail, over real HTTP against the
 * whole application. Subclasses choose the database.
 */
abstract class AdministrationFlowsTest {
    private static final String WRONG = "amber lantern softly 2044";

    abstract RunningStockroom stockroom();

    HttpApi http() {
        return stockroom().http;
    }

    /** A verified user: its id and a login's access token. */
    record Account(String username, String id, String token) {}

    Account verified(String username) {
        Reply registered = http().post("/users/register/", registration(username));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        Reply verified = http().post(
                        "/users/verify/",
                        map("code", stockroom().code(email(username), 1)),
                        registered.text("access_token"));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        Reply me = http().get("/users/me/", verified.text("access_token"));
        return new Account(username, me.body().get("data").get("id").asText(), verified.text("access_token"));
    }

    Account admin() throws Exception {
        Account account = verified(unique());
        stockroom().makeAdmin(account.username());
        return new Account(
                account.username(),
                account.id(),
                login(account.username(), PASSWORD).text("access_token"));
    }

    Reply login(String login, String password) {
        return http().post("/users/login/", map("username", login, "password", password));
    }

    Reply post(String path, String token) {
        return http().send(path, "POST", null, null, token);
    }

    @Test
    void the_admin_api_is_for_admins_only() throws Exception {
        Account user = verified(unique());
        List<String> paths = List.of("/admin/users/", "/admin/users/" + user.id() + "/", "/admin/audit/");

        for (String path : paths) {
            assertError(http().get(path, null), 401);
            assertError(http().get(path, user.token()), 403);
        }
        for (String action : List.of("disable", "enable", "unlock", "logout")) {
            assertError(post("/admin/users/" + user.id() + "/" + action + "/", user.token()), 403);
        }
        assertError(
                http().send(
                                "/admin/users/" + user.id() + "/role/",
                                "PUT",
                                "application/json",
                                HttpApi.json(map("role", "ADMIN")),
                                user.token()),
                403);
    }

    @Test
    void an_admin_lists_searches_and_pages_users_and_sees_one_with_its_sessions_and_events() throws Exception {
        Account admin = admin();
        String tag = unique();
        List<Account> users = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            users.add(verified(tag + i));
        }

        Reply page = http().get("/admin/users/?search=" + tag.toUpperCase(Locale.ROOT) + "&page_size=2", admin.token());
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.body().get("count").asInt()).isEqualTo(3);
        assertThat(page.body().get("results")).hasSize(2);
        assertThat(page.text("next")).contains("page=2");
        JsonNode first = page.body().get("results").get(0);
        assertThat(first.get("username").asText()).isEqualTo(tag + "0");
        assertThat(first.get("disabled").asBoolean()).isFalse();
        assertThat(first.has("password_hash")).isFalse();
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(http().get("/admin/users/?role=ADMIN", admin.token()).body().get("results"))
                .anySatisfy(u -> assertThat(u.get("id").asText()).isEqualTo(admin.id()));
        assertError(http().get("/admin/users/?status=ALIVE&page_size=500", admin.token()), 400);

        Reply detail = http().get("/admin/users/" + users.get(0).id() + "/", admin.token());
        assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
        JsonNode data = detail.body().get("data");
        assertThat(data.get("username").asText()).isEqualTo(tag + "0");
        assertThat(data.get("sessions")).hasSize(1);
        assertThat(data.get("sessions").get(0).get("ip").asText()).isEqualTo("127.0.0.1");
        assertThat(data.get("recent_events"))
                .extracting(e -> e.get("kind").asText())
                .contains("REGISTERED", "VERIFIED");
        assertError(http().get("/admin/users/00000000-0000-0000-0000-000000000000/", admin.token()), 404);
        assertError(http().get("/admin/users/not-an-id/", admin.token()), 404);
    }

    @Test
    void a_disabled_users_token_is_refused_at_once_and_login_and_refresh_fail_until_enabled() throws Exception {
        Account admin = admin();
        Account user = verified(unique());
        Reply second = login(user.username(), PASSWORD);

        Reply disabled = post("/admin/users/" + user.id() + "/disable/", admin.token());
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.text("message")).isEqualTo("User disabled");

        assertError(http().get("/users/me/", user.token()), 401);
        assertError(http().get("/users/me/", second.text("access_token")), 401);
        assertError(http().post("/users/token/refresh/", map("refresh_token", second.text("refresh_token"))), 401);
        Reply refused = login(user.username(), PASSWORD);
        assertError(refused, 401);
        assertThat(refused.bytesWithoutRequestId())
                .as("the generic answer")
                .isEqualTo(login(unique(), PASSWORD).bytesWithoutRequestId());

        assertThat(post("/admin/users/" + user.id() + "/enable/", admin.token()).text("message"))
                .isEqualTo("User enabled");
        assertThat(login(user.username(), PASSWORD).status()).isEqualTo(200);
        Reply events = http().get("/admin/audit/?user=" + user.id() + "&kind=DISABLED", admin.token());
        assertThat(events.body().get("results")).singleElement().satisfies(e -> {
            assertThat(e.get("actor_id").asText()).isEqualTo(admin.id());
            assertThat(e.get("ip").asText()).isEqualTo("127.0.0.1");
        });
    }

    @Test
    void unlock_clears_the_throttling_and_logout_ends_every_session() throws Exception {
        Account admin = admin();
        Account user = verified(unique());
        for (int i = 0; i < 6; i++) {
            stockroom().clock.advance(Duration.ofMinutes(1));
            login(user.username(), WRONG);
        }
        assertError(login(user.username(), PASSWORD), 429);
        assertThat(http().get("/admin/users/" + user.id() + "/", admin.token())
                        .body()
                        .get("data")
                        .get("throttled_until")
                        .isNull())
                .isFalse();

        assertThat(post("/admin/users/" + user.id() + "/unlock/", admin.token()).text("message"))
                .isEqualTo("User unlocked");
        Reply loggedIn = login(user.username(), PASSWORD);
        assertThat(loggedIn.status()).as(loggedIn.toString()).isEqualTo(200);

        assertThat(post("/admin/users/" + user.id() + "/logout/", admin.token()).text("message"))
                .isEqualTo("Sessions ended");
        assertError(http().get("/users/me/", loggedIn.text("access_token")), 401);
        assertError(http().get("/users/me/", user.token()), 401);
    }

    @Test
    void roles_change_but_never_away_from_the_last_admin() throws Exception {
        Account admin = admin();
        Account user = verified(unique());
        String rolePath = "/admin/users/" + user.id() + "/role/";

        Reply granted =
                http().send(rolePath, "PUT", "application/json", HttpApi.json(map("role", "admin")), admin.token());
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        assertThat(granted.text("message")).isEqualTo("Role changed");
        assertThat(granted.body().get("data").get("role").asText()).isEqualTo("ADMIN");
        Reply revoked =
                http().send(rolePath, "PUT", "application/json", HttpApi.json(map("role", "USER")), admin.token());
        assertThat(revoked.body().get("data").get("role").asText()).isEqualTo("USER");
        assertError(
                http().send(rolePath, "PUT", "application/json", HttpApi.json(map("role", "ROOT")), admin.token()),
                400);
        assertError(http().send(rolePath, "PUT", "application/json", HttpApi.json(map()), admin.token()), 400);

        // Every admin but this one steps down, then it may not: the last admin stays.
        Reply admins = http().get("/admin/users/?role=ADMIN&disabled=false&page_size=100", admin.token());
        for (JsonNode other : admins.body().get("results")) {
            if (!other.get("id").asText().equals(admin.id())) {
                http().send(
                                "/admin/users/" + other.get("id").asText() + "/role/",
                                "PUT",
                                "application/json",
                                HttpApi.json(map("role", "USER")),
                                admin.token());
            }
        }
        Reply last = http().send(
                        "/admin/users/" + admin.id() + "/role/",
                        "PUT",
                        "application/json",
                        HttpApi.json(map("role", "USER")),
                        admin.token());
        assertError(last, 400);
        assertError(post("/admin/users/" + admin.id() + "/disable/", admin.token()), 400);
    }

    @Test
    void the_audit_trail_records_who_did_what_from_where_and_never_a_secret() throws Exception {
        Account admin = admin();
        Account user = verified(unique());
        http().sendWith(
                        "/users/login/",
                        "POST",
                        "application/json",
                        HttpApi.json(map("username", user.username(), "password", WRONG)),
                        null,
                        "User-Agent",
                        "Fuzzy/9.9");
        Reply ok = login(user.username(), PASSWORD);

        Reply events = http().get("/admin/audit/?user=" + user.id(), admin.token());
        assertThat(events.status()).as(events.toString()).isEqualTo(200);
        assertThat(events.body().get("results"))
                .extracting(e -> e.get("kind").asText())
                .contains("REGISTERED", "VERIFIED", "LOGIN_FAILED", "LOGIN_SUCCEEDED");
        assertThat(events.body().get("results"))
                .filteredOn(e -> e.get("kind").asText().equals("LOGIN_FAILED"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.get("user_agent").asText()).isEqualTo("Fuzzy/9.9");
                    assertThat(e.get("username").asText()).isEqualTo(user.username());
                });
        String all = http().get("/admin/audit/?page_size=100", admin.token()).toString();
        assertThat(all)
                .doesNotContain(PASSWORD)
                .doesNotContain(WRONG)
                .doesNotContain(ok.text("refresh_token"))
                .doesNotContain(ok.text("device_token"))
                .doesNotContain(ok.text("access_token"));

        String since = stockroom().clock.instant().plusSeconds(1).toString();
        assertThat(http().get("/admin/audit/?since=" + since, admin.token())
                        .body()
                        .get("count")
                        .asInt())
                .isZero();
        assertError(http().get("/admin/audit/?since=yesterday&kind=NOPE&user=x", admin.token()), 400);
    }

    @Test
    void a_user_lists_their_sessions_and_ends_one_device() {
        Account user = verified(unique());
        Reply phone = http().sendWith(
                        "/users/login/",
                        "POST",
                        "application/json",
                        HttpApi.json(map("username", user.username(), "password", PASSWORD)),
                        null,
                        "User-Agent",
                        "Phone/1.0");
        Account other = verified(unique());

        Reply sessions = http().get("/users/sessions/", user.token());
        assertThat(sessions.status()).as(sessions.toString()).isEqualTo(200);
        assertThat(sessions.header("Cache-Control")).isEqualTo("no-store");
        JsonNode results = sessions.body().get("results");
        assertThat(results).hasSize(2);
        assertThat(results).filteredOn(s -> s.get("current").asBoolean()).hasSize(1);
        JsonNode phoneSession = null;
        for (JsonNode s : results) {
            if ("Phone/1.0".equals(s.get("user_agent").asText())) {
                phoneSession = s;
            }
        }
        assertThat(phoneSession).isNotNull();
        assertThat(phoneSession.get("current").asBoolean()).isFalse();
        assertThat(phoneSession.get("ip").asText()).isEqualTo("127.0.0.1");

        String otherSession = http().get("/users/sessions/", other.token())
                .body()
                .get("results")
                .get(0)
                .get("id")
                .asText();
        assertError(http().send("/users/sessions/" + otherSession + "/", "DELETE", null, null, user.token()), 404);
        assertError(http().send("/users/sessions/nonsense/", "DELETE", null, null, user.token()), 404);
        Reply ended = http().send(
                        "/users/sessions/" + phoneSession.get("id").asText() + "/", "DELETE", null, null, user.token());
        assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
        assertThat(ended.text("message")).isEqualTo("Session ended");

        assertError(http().get("/users/me/", phone.text("access_token")), 401);
        assertThat(http().get("/users/me/", user.token()).status()).isEqualTo(200);
        assertThat(http().get("/users/me/", other.token()).status()).isEqualTo(200);
    }
}
