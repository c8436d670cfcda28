package dev.stockroom.bootstrap.e2e;

import static dev.stockroom.bootstrap.e2e.HttpApi.json;
import static dev.stockroom.bootstrap.e2e.HttpApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stockroom.bootstrap.e2e.ApiFixture.Account;
import dev.stockroom.bootstrap.e2e.HttpApi.Reply;
import dev.stockroom.core.catalog.SampleImages;
import dev.stockroom.core.testing.TestImages;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One request to every endpoint, in its success and its error cases and under other methods, plus
 * a stored photo and an unknown path: every answer carries the headers of DESIGN.md's
 * "Operability", whatever produced it, and every answer under {@code /users/} and {@code /admin/}
 * forbids caching.
 */
class CrawlTest {
    @RegisterExtension
    static final RunningStockroom STOCKROOM = RunningStockroom.onEmbeddedH2();

    private static final String JSON = "application/json";
    private static final String FORM = "multipart/form-data; boundary=" + ApiFixture.BOUNDARY;

    private static ApiFixture fixture;
    private static List<Step> steps;

    @BeforeAll
    static void content() throws Exception {
        fixture = ApiFixture.create(STOCKROOM);
        steps = steps();
    }

    /** Not asserted: an endpoint whose statuses its own branch's tests assert (see {@link #steps()}). */
    private static final int ANY_STATUS = -1;

    /** One request and the status it must get. */
    @SuppressWarnings("ArrayRecordComponent") // a test value, never compared or hashed
    private record Step(
            String method, String path, String contentType, byte[] body, String token, int status, String... headers) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static Step step(String method, String path, Object body, String token, int status, String... headers) {
        return new Step(method, path, body == null ? null : JSON, json(body), token, status, headers);
    }

    private static Step upload(String path, byte[] form, String token, int status) {
        return new Step("POST", path, FORM, form, token, status);
    }

    private static List<Step> steps() {
        Account owner = fixture.owner;
        Account other = fixture.other;
        Account leaving = fixture.loggedIn(fixture.verified("leaving"));
        Account changing = fixture.verified("changing");
        Account enrolling = fixture.verified("enrolling");
        String newcomer = fixture.newcomer.accessToken();
        long mine = fixture.products.get(1);
        long doomed = fixture.products.get(2);
        String fresh = AccountFlowsTest.unique();
        byte[] photoForm = ApiFixture.multipart(Map.of(), "photo", "new.png", SampleImages.png());
        byte[] htmlForm = ApiFixture.multipart(Map.of(), "photo", "cat.png", SampleImages.html());
        String etag = STOCKROOM.http.get("/products/" + mine + "/detail/", null).header("ETag");
        String slug = STOCKROOM
                .http
                .get("/products/" + mine + "/detail/", null)
                .body()
                .get("slug")
                .asText();
        long imaged = fixture.products.get(3);
        byte[] imageForm = ApiFixture.multipart(Map.of(), "image", "new.png", TestImages.png(12, 12));
        byte[] htmlImageForm = ApiFixture.multipart(Map.of(), "image", "cat.png", SampleImages.html());
        long firstImage = addImage(imaged, imageForm, owner);
        long secondImage = addImage(imaged, imageForm, owner);
        String images = "/products/" + imaged + "/images/";
        List<Step> steps = new ArrayList<>(List.of(
                step("POST", "/users/register/", AccountFlowsTest.registration(fresh), null, 201),
                step("POST", "/users/register/", map(), null, 400),
                step("POST", "/users/register/", "{\"first_name\": ", null, 400),
                new Step("POST", "/users/register/", "text/plain", "hello".getBytes(StandardCharsets.UTF_8), null, 415),
                step("GET", "/users/register/", null, null, 405),
                step("POST", "/users/verify/", map("code", "12345x"), newcomer, 400),
                step("POST", "/users/verify/", map("code", "123456"), null, 401),
                step("POST", "/users/verify/", map("code", "123456"), owner.accessToken(), 400),
                step("POST", "/users/resend/code/", null, newcomer, 429),
                step("POST", "/users/resend/code/", null, null, 401),
                step(
                        "POST",
                        "/users/login/",
                        map("username", owner.username(), "password", ApiFixture.PASSWORD),
                        null,
                        200),
                step(
                        "POST",
                        "/users/login/",
                        map("username", owner.username(), "password", "not the password"),
                        null,
                        401),
                step("PUT", "/users/login/", map(), null, 405),
                step("POST", "/users/token/refresh/", map("refresh_token", owner.refreshToken()), null, 200),
                step("POST", "/users/token/refresh/", map("refresh_token", "spent-or-never-issued"), null, 401),
                step("POST", "/users/token/refresh/", map(), null, 400),
                step(
                        "POST",
                        "/users/mfa/totp/setup/",
                        map("password", ApiFixture.PASSWORD),
                        enrolling.accessToken(),
                        200),
                step(
                        "POST",
                        "/users/mfa/totp/setup/",
                        map("password", "not the password"),
                        enrolling.accessToken(),
                        400),
                step("POST", "/users/mfa/totp/setup/", map("password", ApiFixture.PASSWORD), null, 401),
                step("POST", "/users/mfa/totp/confirm/", map("code", "12345x"), enrolling.accessToken(), 400),
                step("POST", "/users/mfa/totp/confirm/", map("code", "123456"), other.accessToken(), 409),
                step(
                        "POST",
                        "/users/mfa/totp/disable/",
                        map("password", ApiFixture.PASSWORD, "code", "123456"),
                        other.accessToken(),
                        409),
                step("POST", "/users/login/mfa/", map("mfa_token", "never-issued", "code", "123456"), null, 401),
                step("POST", "/users/login/mfa/", map("mfa_token", "never-issued"), null, 400),
                step("GET", "/users/login/mfa/", null, null, 405),
                step("GET", "/users/me/", null, owner.accessToken(), 200),
                step("GET", "/users/me/", null, newcomer, 200),
                step("GET", "/users/me/", null, null, 401),
                step("GET", "/users/me/?access_token=" + owner.accessToken(), null, null, 401),
                step("GET", "/users/me/", null, "not-a-token", 401),
                step("HEAD", "/users/me/", null, owner.accessToken(), 200),
                step("OPTIONS", "/users/me/", null, null, 200),
                step("PUT", "/users/me/", map(), owner.accessToken(), 405),
                step("PATCH", "/users/me/", map("last_name", "Lovelace"), owner.accessToken(), 200),
                step("PATCH", "/users/me/", map("nickname", "Ada"), owner.accessToken(), 400),
                step("PATCH", "/users/me/", map("locale", "de"), null, 401),
                step("POST", "/users/password/forget/", map("email", owner.email()), null, 200),
                step("POST", "/users/password/forget/", map("email", "nobody@example.com"), null, 200),
                step("POST", "/users/password/forget/", map("email", "not an address"), null, 400),
                step(
                        "POST",
                        "/users/password/forget/verify/",
                        map("email", owner.email(), "code", "12345x"),
                        null,
                        400),
                step(
                        "POST",
                        "/users/password/update/",
                        map(
                                "old_password",
                                "not the password",
                                "password",
                                AccountFlowsTest.NEW_PASSWORD,
                                "confirm_password",
                                AccountFlowsTest.NEW_PASSWORD),
                        other.accessToken(),
                        400),
                step(
                        "POST",
                        "/users/password/update/",
                        map(
                                "password",
                                AccountFlowsTest.NEW_PASSWORD,
                                "confirm_password",
                                AccountFlowsTest.NEW_PASSWORD),
                        null,
                        401),
                step(
                        "POST",
                        "/users/password/update/",
                        map(
                                "old_password",
                                ApiFixture.PASSWORD,
                                "password",
                                AccountFlowsTest.NEW_PASSWORD,
                                "confirm_password",
                                AccountFlowsTest.NEW_PASSWORD),
                        changing.accessToken(),
                        200),
                step(
                        "POST",
                        "/users/logout/",
                        map("refresh_token", leaving.refreshToken()),
                        leaving.accessToken(),
                        200),
                step("POST", "/users/logout/", map(), leaving.accessToken(), 401),
                step("GET", "/users/logout/", null, null, 405),
                step("GET", "/users/no-such-thing/", null, null, 404),
                step("GET", "/.well-known/jwks.json", null, null, 200),
                step("POST", "/.well-known/jwks.json", map(), null, 405),
                step("GET", "/products/", null, null, 200),
                step("GET", "/products/?search=lamp&ordering=-price&page=1&page_size=2", null, null, 200),
                step("GET", "/products/?page=-1", null, null, 400),
                step(
                        "GET",
                        "/products/?status=draft&category=Lighting&tag=brass&sku=LAMP-1&owner=me",
                        null,
                        owner.accessToken(),
                        200),
                step("GET", "/products/?status=hidden&owner=nobody", null, null, 400),
                step("GET", "/products/by-slug/" + slug + "/", null, null, 200),
                step("GET", "/products/by-slug/no-such-slug/", null, null, 404),
                step("GET", "/products/export/", null, owner.accessToken(), 200),
                step("GET", "/products/export/", null, null, 401),
                upload(
                        "/products/import/",
                        ApiFixture.multipart(
                                Map.of("mode", "per_row", "dry_run", "true"),
                                "file",
                                "p.csv",
                                "sku,name,price,quantity\r\nCRAWL-1,Crawled,1,1\r\n".getBytes(StandardCharsets.UTF_8)),
                        owner.accessToken(),
                        200),
                upload(
                        "/products/import/",
                        ApiFixture.multipart(
                                Map.of(), "file", "p.csv", "colour\r\nred\r\n".getBytes(StandardCharsets.UTF_8)),
                        owner.accessToken(),
                        400),
                upload("/products/import/", ApiFixture.multipart(Map.of(), "file", "p.csv", new byte[0]), null, 401),
                step("DELETE", "/products/", null, owner.accessToken(), 405),
                step(
                        "POST",
                        "/products/add/",
                        map("name", "Crawled", "price", "1.00", "quantity", 1),
                        owner.accessToken(),
                        201),
                upload(
                        "/products/add/",
                        ApiFixture.multipart(
                                Map.of("name", "Framed", "price", "2", "quantity", "1"),
                                "photo",
                                "p.png",
                                SampleImages.png()),
                        owner.accessToken(),
                        201),
                step("POST", "/products/add/", map("name", "", "price", "-1"), owner.accessToken(), 400),
                step("POST", "/products/add/", map("name", "Crawled", "price", "1.00", "quantity", 1), null, 401),
                step("POST", "/products/add/", map("name", "Crawled", "price", "1.00", "quantity", 1), newcomer, 403),
                step("GET", "/products/" + mine + "/detail/", null, null, 200),
                step("GET", "/products/" + mine + "/detail/", null, null, 304, "If-None-Match", etag),
                step("GET", "/products/987654321/detail/", null, null, 404),
                step("GET", "/products/not-an-id/detail/", null, null, 404),
                step(
                        "PUT",
                        "/products/" + mine + "/update/",
                        map("name", "Lamp", "price", "9.90", "quantity", 2, "description", "Put", "photo", null),
                        owner.accessToken(),
                        200),
                step(
                        "PUT",
                        "/products/" + mine + "/update/",
                        map("name", "Lamp", "price", "9.90", "quantity", 2),
                        owner.accessToken(),
                        412,
                        "If-Match",
                        "\"v0\""),
                step("PATCH", "/products/" + mine + "/update/", map("quantity", 5), owner.accessToken(), 200),
                step("PATCH", "/products/" + mine + "/update/", map("quantity", 5), other.accessToken(), 403),
                step("PATCH", "/products/" + mine + "/update/", map("id", 5), owner.accessToken(), 400),
                step("GET", "/products/" + mine + "/update/", null, owner.accessToken(), 405),
                upload("/products/" + mine + "/photo/", photoForm, owner.accessToken(), 200),
                upload("/products/" + mine + "/photo/", htmlForm, owner.accessToken(), 400),
                upload("/products/" + mine + "/photo/", photoForm, null, 401),
                upload(images, imageForm, owner.accessToken(), 201),
                upload(images, htmlImageForm, owner.accessToken(), 400),
                upload(images, imageForm, null, 401),
                upload(images, imageForm, other.accessToken(), 403),
                step("GET", images, null, owner.accessToken(), 405),
                step("PUT", images + "order/", map("order", List.of(secondImage)), owner.accessToken(), 400),
                step("PUT", images + "order/", map("order", List.of(1)), other.accessToken(), 403),
                step("DELETE", images + firstImage + "/", null, other.accessToken(), 403),
                step("DELETE", images + firstImage + "/", null, owner.accessToken(), 200),
                step("DELETE", images + firstImage + "/", null, owner.accessToken(), 404),
                step("DELETE", images + "not-an-id/", null, owner.accessToken(), 404),
                step("PUT", images + "order/", map("order", List.of(firstImage)), null, 401),
                step("DELETE", "/products/" + doomed + "/delete/", null, other.accessToken(), 403),
                step("DELETE", "/products/" + doomed + "/delete/", null, owner.accessToken(), 200),
                step("DELETE", "/products/" + doomed + "/delete/", null, owner.accessToken(), 404),
                step("GET", "/products/?deleted=true", null, owner.accessToken(), 200),
                step("GET", "/products/?deleted=true", null, null, 401),
                step("POST", "/products/" + doomed + "/restore/", null, other.accessToken(), 403),
                step("POST", "/products/" + doomed + "/restore/", null, owner.accessToken(), 200),
                step("POST", "/products/987654321/restore/", null, owner.accessToken(), 404),
                step("POST", "/products/" + mine + "/stock/", map("delta", -1), owner.accessToken(), 200),
                step("POST", "/products/" + mine + "/stock/", map("delta", -1_000_000), owner.accessToken(), 409),
                step("POST", "/products/" + mine + "/stock/", map("delta", 0), owner.accessToken(), 400),
                step("POST", "/products/" + mine + "/stock/", map("delta", 1), other.accessToken(), 403),
                step("POST", "/products/" + mine + "/stock/", map("delta", 1), null, 401),
                step("GET", fixture.photoPath, null, null, 200),
                step("HEAD", fixture.photoPath, null, null, 200),
                step("POST", fixture.photoPath, map(), null, 405),
                step("GET", "/media/0123456789abcdef0123456789abcdef.png", null, null, 404),
                step("GET", "/media/..%2F..%2Fetc%2Fpasswd", null, null, 400),
                step("GET", "/openapi.json", null, null, 200),
                step("GET", "/openapi.yaml/", null, null, 200),
                step("POST", "/openapi.json", map(), null, 405),
                step("GET", "/no/such/path", null, null, 404),
                step("GET", "/", null, null, 404)));
        // The user's sessions and the administration API come with the rest of issue 7, on another
        // branch (until it is merged they answer 404 here): their headers are checked, their statuses
        // are for that branch's tests.
        String admin = fixture.admin.accessToken();
        String managed = fixture.verified("managed").id();
        steps.addAll(List.of(
                step("GET", "/users/sessions/", null, owner.accessToken(), ANY_STATUS),
                step(
                        "DELETE",
                        "/users/sessions/00000000-0000-0000-0000-000000000000/",
                        null,
                        owner.accessToken(),
                        ANY_STATUS),
                step("GET", "/admin/users/?search=managed&page=1", null, admin, ANY_STATUS),
                step("GET", "/admin/users/", null, owner.accessToken(), ANY_STATUS),
                step("GET", "/admin/users/", null, null, ANY_STATUS),
                step("GET", "/admin/users/" + managed + "/", null, admin, ANY_STATUS),
                step("POST", "/admin/users/" + managed + "/unlock/", null, admin, ANY_STATUS),
                step("POST", "/admin/users/" + managed + "/logout/", null, admin, ANY_STATUS),
                step("POST", "/admin/users/" + managed + "/disable/", null, admin, ANY_STATUS),
                step("POST", "/admin/users/" + managed + "/enable/", null, admin, ANY_STATUS),
                step("PUT", "/admin/users/" + managed + "/role/", map("role", "USER"), admin, ANY_STATUS),
                step("GET", "/admin/audit/?kind=REGISTERED", null, admin, ANY_STATUS)));
        // Email change, deletion and export (issue 12).
        Account moving = fixture.verified("moving");
        Account deleting = fixture.verified("deleting");
        String removed = fixture.verified("removed").id();
        steps.addAll(List.of(
                step(
                        "POST",
                        "/users/email/change/",
                        map(
                                "new_email",
                                AccountFlowsTest.unique() + "@moved.example",
                                "password",
                                AccountFlowsTest.PASSWORD),
                        moving.accessToken(),
                        200),
                step("POST", "/users/email/change/", map(), moving.accessToken(), 400),
                step("POST", "/users/email/change/", map(), null, 401),
                step("POST", "/users/email/change/verify/", map("code", "12345x"), moving.accessToken(), 400),
                step("POST", "/users/email/change/verify/", map("code", "123456"), null, 401),
                step("POST", "/users/email/change/undo/", map("email", owner.email(), "code", "123456"), null, 400),
                step("POST", "/users/email/change/undo/", map(), null, 400),
                step("GET", "/users/email/change/undo/", null, null, 405),
                step("GET", "/users/me/export/", null, owner.accessToken(), 200),
                step("GET", "/users/me/export/", null, null, 401),
                step("DELETE", "/users/me/", map("password", "not the password at all"), owner.accessToken(), 400),
                step("DELETE", "/users/me/", map("password", AccountFlowsTest.PASSWORD), null, 401),
                step("DELETE", "/users/me/", map("password", AccountFlowsTest.PASSWORD), deleting.accessToken(), 200),
                step("DELETE", "/admin/users/" + removed + "/", null, owner.accessToken(), 403),
                step("DELETE", "/admin/users/" + removed + "/", null, admin, 200),
                step("DELETE", "/admin/users/" + removed + "/", null, admin, 404)));
        return steps;
    }

    /** Adds an image before the crawl, for the steps that remove and reorder; returns its id. */
    private static long addImage(long product, byte[] form, Account owner) {
        Reply added = STOCKROOM.http.send("/products/" + product + "/images/", "POST", FORM, form, owner.accessToken());
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        JsonNode images = added.body().at("/data/images");
        return images.get(images.size() - 1).get("id").asLong();
    }

    @Test
    void every_answer_carries_the_security_headers_and_account_answers_are_never_cached() {
        SoftAssertions softly = new SoftAssertions();
        for (Step step : steps) {
            Reply reply = STOCKROOM.http.sendWith(
                    step.path(), step.method(), step.contentType(), step.body(), step.token(), step.headers());
            String what = step + " -> " + reply;
            if (step.status() != ANY_STATUS) {
                softly.assertThat(reply.status()).as(what).isEqualTo(step.status());
            }
            softly.assertThat(reply.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
            softly.assertThat(reply.header("Referrer-Policy")).as(what).isEqualTo("no-referrer");
            boolean photo = step.path().equals(fixture.photoPath) && reply.status() == 200;
            softly.assertThat(reply.header("Content-Security-Policy"))
                    .as(what)
                    .isEqualTo(photo ? "default-src 'none'" : "default-src 'none'; frame-ancestors 'none'");
            if (step.path().startsWith("/users/") || step.path().startsWith("/admin/")) {
                softly.assertThat(reply.header("Cache-Control")).as(what).isEqualTo("no-store");
                softly.assertThat(reply.header("Pragma")).as(what).isEqualTo("no-cache");
            }
            if (photo) {
                softly.assertThat(reply.header("Content-Type")).as(what).isEqualTo("image/png");
                softly.assertThat(reply.header("Cache-Control")).as(what).contains("immutable");
            }
        }
        softly.assertAll();
    }

    @Test
    void the_crawl_reaches_every_resource_method() {
        List<String> crawled =
                steps.stream().map(s -> s.method() + " " + template(s.path())).toList();

        assertThat(crawled).as("a step for every resource method").containsAll(FuzzTest.declaredEndpoints());
    }

    /** The endpoint a step's path belongs to, written as {@link FuzzTest#normalized} writes it. */
    private static String template(String path) {
        return FuzzTest.normalized(path.replaceAll("\\?.*", "")
                .replaceAll("^/products/by-slug/[^/]+", "/products/by-slug/{}")
                .replaceAll("^/products/(?!add/|by-slug/|export/|import/)[^/]+", "/products/{}")
                .replaceAll("^/products/\\{}/images/(?!order/)[^/]+", "/products/{}/images/{}")
                .replaceAll("^/media/.+", "/media/{}")
                .replaceAll("^/admin/users/[^/]+", "/admin/users/{}")
                .replaceAll("^/users/sessions/[^/]+", "/users/sessions/{}"));
    }
}
