package dev.stockroom.bootstrap.e2e;

import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.assertError;
import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.assertFieldError;
import static dev.stockroom.bootstrap.e2e.HttpApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stockroom.bootstrap.StockroomConfiguration;
import dev.stockroom.bootstrap.e2e.HttpApi.Reply;
import dev.stockroom.core.contract.Race;
import io.dropwizard.util.Duration;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Stock adjustments, soft deletion, restore and the housekeeping that ends a deletion, over real
 * HTTP against the whole application; subclasses choose the database. The service runs on a
 * database of its own with housekeeping every second, as one test moves its clock a month on.
 */
abstract class StockAndDeletionFlowsTest {
    abstract RunningStockroom stockroom();

    /** What the suite's service runs with: housekeeping every second rather than every hour. */
    static void housekeepingEverySecond(StockroomConfiguration config) {
        config.accounts.housekeepingInterval = Duration.seconds(1);
    }

    HttpApi http() {
        return stockroom().http;
    }

    private final CatalogFlowsTest catalog = new CatalogFlowsTest() {
        @Override
        RunningStockroom stockroom() {
            return StockAndDeletionFlowsTest.this.stockroom();
        }
    };

    private final AccountFlowsTest accounts = new AccountFlowsTest() {
        @Override
        RunningStockroom stockroom() {
            return StockAndDeletionFlowsTest.this.stockroom();
        }
    };

    Reply stock(String token, long id, Object body) {
        return http().send("/products/" + id + "/stock/", "POST", "application/json", HttpApi.json(body), token);
    }

    long addWithQuantity(String token, int quantity) {
        Map<String, Object> body = CatalogFlowsTest.product("Stocked " + UUID.randomUUID());
        body.put("quantity", quantity);
        Reply added = catalog.add(token, body);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.body().get("data").get("id").asLong();
    }

    @Test
    void stock_goes_up_and_down_with_a_new_etag_and_never_below_zero() {
        String token = catalog.verifiedUser()[1];
        long id = addWithQuantity(token, 3);
        String before = http().get("/products/" + id + "/detail/", null).header("ETag");

        Reply sold = stock(token, id, map("delta", -1, "reason", "sold at the counter"));
        assertThat(sold.status()).as(sold.toString()).isEqualTo(200);
        assertThat(sold.text("message")).isEqualTo("Stock adjusted");
        assertThat(sold.body().get("status").asBoolean()).isTrue();
        assertThat(sold.body().get("data").get("quantity").asInt()).isEqualTo(2);
        assertThat(sold.header("ETag")).isNotEqualTo(before);
        assertThat(http().get("/products/" + id + "/detail/", null).header("ETag"))
                .isEqualTo(sold.header("ETag"));

        Reply delivered = stock(token, id, map("delta", "+10"));
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
        assertThat(delivered.body().get("data").get("quantity").asInt()).isEqualTo(12);

        Reply oversold = stock(token, id, map("delta", -13));
        assertError(oversold, 409);
        assertThat(oversold.body().path("errors").path("quantity").get(0).asText())
                .isEqualTo("Only 12 in stock; cannot take away 13.");
        Reply overfull = stock(token, id, map("delta", Integer.MAX_VALUE));
        assertError(overfull, 409);
        assertThat(overfull.body().path("errors").has("quantity")).isTrue();
        assertThat(http().get("/products/" + id + "/detail/", null)
                        .body()
                        .get("quantity")
                        .asInt())
                .isEqualTo(12);

        // PATCH keeps its If-Match: the ETag before the adjustment is stale, the one after it current.
        assertError(catalog.send("PATCH", "/products/" + id + "/update/", map("price", "1"), token, before), 412);
        Reply patched = catalog.send(
                "PATCH", "/products/" + id + "/update/", map("price", "1"), token, delivered.header("ETag"));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.body().get("data").get("quantity").asInt()).isEqualTo(12);
    }

    @Test
    void bad_stock_bodies_are_field_errors() {
        String token = catalog.verifiedUser()[1];
        long id = addWithQuantity(token, 3);

        assertFieldError(stock(token, id, map()), "delta");
        assertFieldError(stock(token, id, map("delta", null)), "delta");
        assertFieldError(stock(token, id, map("delta", 0)), "delta");
        assertFieldError(stock(token, id, map("delta", 1.5)), "delta");
        assertFieldError(stock(token, id, map("delta", "many")), "delta");
        assertFieldError(stock(token, id, map("delta", true)), "delta");
        assertFieldError(stock(token, id, map("delta", 1L << 40)), "delta");
        assertFieldError(stock(token, id, map("delta", 1, "reason", "x".repeat(201))), "reason");
        assertFieldError(stock(token, id, map("delta", 1, "reason", 7)), "reason");
        assertFieldError(stock(token, id, map("delta", 1, "quantity", 5)), "quantity");
        Reply both = stock(token, id, map("delta", 0, "reason", "x".repeat(201)));
        assertFieldError(both, "delta");
        assertThat(both.body().path("errors").has("reason")).isTrue();
        assertError(stock(token, id, "[1]"), 400);
        assertError(stock(token, id, "{"), 400);
        assertThat(http().get("/products/" + id + "/detail/", null)
                        .body()
                        .get("quantity")
                        .asInt())
                .isEqualTo(3);
    }

    @Test
    void only_the_owner_or_an_admin_adjusts_stock() throws Exception {
        String owner = catalog.verifiedUser()[1];
        long id = addWithQuantity(owner, 3);
        String[] admin = catalog.verifiedUser();
        stockroom().makeAdmin(admin[0]);
        String adminToken = accounts.login(admin[0], AccountFlowsTest.PASSWORD).text("access_token");

        assertError(stock(catalog.verifiedUser()[1], id, map("delta", -1)), 403);
        assertError(stock(null, id, map("delta", -1)), 401);
        assertError(stock(owner, Long.MAX_VALUE, map("delta", -1)), 404);
        Reply byAdmin = stock(adminToken, id, map("delta", -1));
        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(200);
        assertThat(byAdmin.body().get("data").get("quantity").asInt()).isEqualTo(2);
    }

    @Test
    void twenty_concurrent_sales_of_the_last_ten_sell_exactly_ten() throws Exception {
        String token = catalog.verifiedUser()[1];
        long id = addWithQuantity(token, 10);

        List<Reply> replies = Race.run(20, () -> stock(token, id, map("delta", -1, "reason", "sale")));

        List<Integer> statuses =
                new ArrayList<>(replies.stream().map(Reply::status).toList());
        assertThat(statuses).as(replies.toString()).containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(10);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(10);
        JsonNode detail = http().get("/products/" + id + "/detail/", null).body();
        assertThat(detail.get("quantity").asInt()).isZero();
        assertThat(replies.stream()
                        .filter(r -> r.status() == 200)
                        .map(r -> r.body().get("data").get("quantity").asInt()))
                .containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void a_deleted_product_is_gone_for_everyone_until_its_owner_restores_it() throws Exception {
        String[] owner = catalog.verifiedUser();
        String token = owner[1];
        String stranger = catalog.verifiedUser()[1];
        String[] admin = catalog.verifiedUser();
        stockroom().makeAdmin(admin[0]);
        String adminToken = accounts.login(admin[0], AccountFlowsTest.PASSWORD).text("access_token");
        String name = "Deletable " + UUID.randomUUID();
        Reply added = catalog.multipart(
                "/products/add/",
                token,
                Map.of("name", name, "price", "4.20", "quantity", "2"),
                "photo",
                "p.png",
                CatalogFlowsTest.png(11));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.body().get("data").has("deleted_at")).isTrue();
        assertThat(added.body().get("data").get("deleted_at").isNull()).isTrue();
        long id = added.body().get("data").get("id").asLong();
        String photo =
                URI.create(added.body().get("data").get("photo").asText()).getRawPath();

        Reply deleted = catalog.send("DELETE", "/products/" + id + "/delete/", null, token, null);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(deleted.text("message")).isEqualTo("Deleted");

        for (String anyone : new String[] {null, token, adminToken}) {
            assertError(http().get("/products/" + id + "/detail/", anyone), 404);
        }
        assertError(catalog.send("PATCH", "/products/" + id + "/update/", map("price", "1"), token, null), 404);
        assertError(
                catalog.send("PUT", "/products/" + id + "/update/", CatalogFlowsTest.product(name), adminToken, null),
                404);
        assertError(
                catalog.multipart(
                        "/products/" + id + "/photo/", token, Map.of(), "photo", "q.png", CatalogFlowsTest.png(12)),
                404);
        assertError(catalog.send("DELETE", "/products/" + id + "/delete/", null, token, null), 404);
        assertError(catalog.send("DELETE", "/products/" + id + "/delete/", null, adminToken, null), 404);
        assertError(stock(token, id, map("delta", 1)), 404);
        assertThat(http().get("/products/?search=" + name.replace(" ", "%20"), null)
                        .body()
                        .get("count")
                        .asLong())
                .isZero();
        assertThat(http().get(photo, null).status()).as("the photo is kept").isEqualTo(200);

        String deletedWithName = "/products/?deleted=true&search=" + name.replace(" ", "%20");
        Reply ownList = http().get(deletedWithName, token);
        assertThat(ownList.status()).as(ownList.toString()).isEqualTo(200);
        assertThat(ownList.body().get("count").asLong()).isEqualTo(1);
        JsonNode listed = ownList.body().get("results").get(0);
        assertThat(listed.get("id").asLong()).isEqualTo(id);
        assertThat(Instant.parse(listed.get("deleted_at").asText())).isNotNull();
        assertThat(http().get(deletedWithName, stranger).body().get("count").asLong())
                .isZero();
        assertThat(http().get(deletedWithName, adminToken).body().get("count").asLong())
                .isEqualTo(1);
        assertError(http().get(deletedWithName, null), 401);
        assertFieldError(http().get("/products/?deleted=perhaps", token), "deleted");
        assertFieldError(http().get("/products/?deleted=true&cursor=", token), "cursor");

        assertError(http().post("/products/" + id + "/restore/", null, stranger), 403);
        assertError(http().post("/products/" + id + "/restore/", null, null), 401);
        assertError(http().post("/products/" + Long.MAX_VALUE + "/restore/", null, token), 404);
        Reply restored = http().post("/products/" + id + "/restore/", null, token);
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(restored.text("message")).isEqualTo("Restored");
        assertThat(restored.body().get("data").get("deleted_at").isNull()).isTrue();
        assertThat(restored.body().get("data").get("name").asText()).isEqualTo(name);
        Reply detail = http().get("/products/" + id + "/detail/", null);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.header("ETag")).isEqualTo(restored.header("ETag"));
        assertThat(http().get(deletedWithName, token).body().get("count").asLong())
                .isZero();
    }

    @Test
    void after_the_retention_a_deleted_product_cannot_be_restored_and_housekeeping_removes_it_and_its_photo()
            throws Exception {
        String[] owner = catalog.verifiedUser();
        String name = "Expiring " + UUID.randomUUID();
        Reply added = catalog.multipart(
                "/products/add/",
                owner[1],
                Map.of("name", name, "price", "1.00", "quantity", "1"),
                "photo",
                "p.png",
                CatalogFlowsTest.png(13));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        long id = added.body().get("data").get("id").asLong();
        String photo =
                URI.create(added.body().get("data").get("photo").asText()).getRawPath();
        long kept = addWithQuantity(owner[1], 1);
        assertThat(catalog.send("DELETE", "/products/" + id + "/delete/", null, owner[1], null)
                        .status())
                .isEqualTo(200);
        String deletedWithName = "/products/?deleted=true&search=" + name.replace(" ", "%20");

        stockroom().clock.advance(java.time.Duration.ofDays(30).plusMinutes(1));
        // The access token has long expired by the moved clock: sign in again.
        String token = accounts.login(owner[0], AccountFlowsTest.PASSWORD).text("access_token");

        assertError(http().post("/products/" + id + "/restore/", null, token), 404);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (http().get(photo, null).status() != 404 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(http().get(photo, null).status())
                .as("the photo file is removed")
                .isEqualTo(404);
        assertThat(http().get(deletedWithName, token).body().get("count").asLong())
                .as("the row is removed")
                .isZero();
        assertError(http().post("/products/" + id + "/restore/", null, token), 404);
        assertThat(http().get("/products/" + kept + "/detail/", null).status()).isEqualTo(200);
    }

    @Test
    void detail_answers_304_without_a_body_to_the_current_etag() {
        String token = catalog.verifiedUser()[1];
        long id = addWithQuantity(token, 2);
        String etag = http().get("/products/" + id + "/detail/", null).header("ETag");

        Reply unchanged =
                http().sendWith("/products/" + id + "/detail/", "GET", null, null, null, "If-None-Match", etag);

        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.bytes()).isEmpty();
        assertThat(unchanged.header("ETag")).isEqualTo(etag);
        String next = stock(token, id, map("delta", 1)).header("ETag");
        Reply changed = http().sendWith("/products/" + id + "/detail/", "GET", null, null, null, "If-None-Match", etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo(next);
        assertThat(changed.body().get("quantity").asInt()).isEqualTo(3);
    }
}
