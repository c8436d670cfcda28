package dev.stockroom.bootstrap.e2e;

import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.assertError;
import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.assertFieldError;
import static dev.stockroom.bootstrap.e2e.HttpApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stockroom.bootstrap.e2e.HttpApi.Reply;
import dev.stockroom.core.contract.Race;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The catalogue over real HTTP against the whole application; subclasses choose the database. */
abstract class CatalogFlowsTest {
    private static final String BOUNDARY = "----stockroom-test-boundary";

    abstract RunningStockroom stockroom();

    HttpApi http() {
        return stockroom().http;
    }

    private final AccountFlowsTest accounts = new AccountFlowsTest() {
        @Override
        RunningStockroom stockroom() {
            return CatalogFlowsTest.this.stockroom();
        }
    };

    /** A new verified user; returns [username, access token]. */
    String[] verifiedUser() {
        String username = AccountFlowsTest.unique();
        return new String[] {username, accounts.registerVerified(username).text("access_token")};
    }

    static Map<String, Object> product(String name) {
        return map("name", name, "price", 12.5, "photo", "", "decription", "A sturdy thing", "quantity", 3);
    }

    Reply add(String token, Map<String, Object> body) {
        return http().post("/products/add/", body, token);
    }

    long addProduct(String token, String name) {
        Reply added = add(token, product(name));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.body().get("data").get("id").asLong();
    }

    Reply send(String method, String path, Object body, String token, String ifMatch) {
        if (ifMatch == null) {
            return http().send(path, method, "application/json", HttpApi.json(body), token);
        }
        return http().sendWith(path, method, "application/json", HttpApi.json(body), token, "If-Match", ifMatch);
    }

    @Test
    void add_show_update_and_delete_a_product() {
        String token = verifiedUser()[1];
        String name = "Lamp " + UUID.randomUUID();

        Reply added = add(token, product(name));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.text("message")).isEqualTo("added");
        JsonNode data = added.body().get("data");
        assertThat(data.get("name").asText()).isEqualTo(name);
        assertThat(data.get("price").isTextual()).isTrue();
        assertThat(data.get("price").asText()).isEqualTo("12.50");
        assertThat(data.get("description").asText()).isEqualTo("A sturdy thing");
        assertThat(data.has("decription")).isFalse();
        assertThat(data.get("quantity").asInt()).isEqualTo(3);
        assertThat(data.get("photo").isNull()).isTrue();
        assertThat(Instant.parse(data.get("created_at").asText()))
                .isEqualTo(Instant.parse(data.get("updated_at").asText()));
        long id = data.get("id").asLong();

        Reply detail = http().get("/products/" + id + "/detail", null);
        assertThat(detail.status()).isEqualTo(200);
        // The bare product, not the envelope: its status is the product's ("published"), not the envelope's boolean.
        assertThat(detail.body().get("status").asText()).isEqualTo("published");
        assertThat(detail.body().has("data")).isFalse();
        assertThat(detail.body().get("id").asLong()).isEqualTo(id);
        assertThat(detail.body().has("owner")).isTrue();
        String etag = detail.header("ETag");
        assertThat(etag).isNotBlank();

        Reply put = send(
                "PUT",
                "/products/" + id + "/update/",
                map("name", name, "price", "20", "description", "New words", "quantity", 0, "photo", null),
                token,
                etag);
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.text("message")).isEqualTo("Updated");
        assertThat(put.body().get("data").get("price").asText()).isEqualTo("20.00");
        assertThat(put.body().get("data").get("quantity").asInt()).isZero();

        Reply stale = send("PATCH", "/products/" + id + "/update/", map("quantity", 9), token, etag);
        assertError(stale, 412);

        Reply patched = send("PATCH", "/products/" + id + "/update", map("quantity", "7"), token, put.header("ETag"));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.body().get("data").get("quantity").asInt()).isEqualTo(7);
        assertThat(patched.body().get("data").get("description").asText()).isEqualTo("New words");

        Reply deleted = send("DELETE", "/products/" + id + "/delete/", null, token, null);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(deleted.text("message")).isEqualTo("Deleted");
        assertError(http().get("/products/" + id + "/detail/", null), 404);
    }

    @Test
    void concurrent_patches_without_if_match_all_succeed_and_the_last_writer_wins() throws Exception {
        String token = verifiedUser()[1];
        long id = addProduct(token, "Contended " + UUID.randomUUID());
        AtomicInteger next = new AtomicInteger();

        List<Reply> replies = Race.run(
                16,
                () -> send(
                        "PATCH",
                        "/products/" + id + "/update/",
                        map("quantity", 100 + next.incrementAndGet()),
                        token,
                        null));

        assertThat(replies)
                .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
        Reply detail = http().get("/products/" + id + "/detail/", null);
        assertThat(detail.body().get("quantity").asInt()).isBetween(101, 116);
        assertThat(detail.header("ETag")).isEqualTo("\"v17\"");
    }

    @Test
    void only_the_owner_or_an_admin_changes_a_product() throws Exception {
        String owner = verifiedUser()[1];
        String[] other = verifiedUser();
        long id = addProduct(owner, "Owned " + UUID.randomUUID());

        assertError(send("PUT", "/products/" + id + "/update/", product("Mine now"), other[1], null), 403);
        assertError(send("PATCH", "/products/" + id + "/update/", map("quantity", 1), other[1], null), 403);
        assertError(send("DELETE", "/products/" + id + "/delete/", null, other[1], null), 403);

        assertError(add(null, product("Anonymous")), 401);
        assertError(send("PATCH", "/products/" + id + "/update/", map("quantity", 1), null, null), 401);
        assertError(send("DELETE", "/products/" + id + "/delete/", null, null, null), 401);

        makeAdmin(other[0]);
        String adminToken = accounts.login(other[0], AccountFlowsTest.PASSWORD).text("access_token");
        Reply byAdmin = send("PATCH", "/products/" + id + "/update/", map("quantity", 1), adminToken, null);
        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(200);
        assertThat(send("DELETE", "/products/" + id + "/delete/", null, adminToken, null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void a_new_account_cannot_write() {
        String token = accounts.register(AccountFlowsTest.unique());

        assertError(add(token, product("Too early")), 403);
    }

    @Test
    void bad_product_input_is_refused_per_field() {
        String token = verifiedUser()[1];
        long id = addProduct(token, "Valid " + UUID.randomUUID());

        assertFieldError(
                add(token, map("name", "", "price", "1.005", "quantity", -1, "photo", "ftp://x/y.png")), "price");
        Reply many = add(
                token,
                map(
                        "name",
                        "x".repeat(201),
                        "price",
                        "-1",
                        "quantity",
                        1.5,
                        "description",
                        "d".repeat(5001),
                        "photo",
                        "javascript:alert(1)"));
        assertThat(many.body().get("errors").fieldNames())
                .toIterable()
                .contains("name", "price", "quantity", "description", "photo");
        assertFieldError(add(token, map("name", "A", "price", "10000000000", "quantity", 1)), "price");
        assertFieldError(send("PATCH", "/products/" + id + "/update/", map("id", 5), token, null), "id");
        assertFieldError(send("PATCH", "/products/" + id + "/update/", map("owner", "me"), token, null), "owner");
        assertFieldError(send("PATCH", "/products/" + id + "/update/", map("colour", "red"), token, null), "colour");
        assertFieldError(send("PATCH", "/products/" + id + "/update/", map("name", null), token, null), "name");
        assertError(http().post("/products/add/", "{\"name\": ", token), 400);
        assertError(http().get("/products/abc/detail/", null), 404);
    }

    @Test
    void list_searches_filters_orders_and_pages() {
        String token = verifiedUser()[1];
        String tag = "zq" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i <= 5; i++) {
            assertThat(add(
                                    token,
                                    map(
                                            "name",
                                            tag + " item " + i,
                                            "price",
                                            i + ".00",
                                            "quantity",
                                            i % 2,
                                            "description",
                                            "number " + i))
                            .status())
                    .isEqualTo(201);
        }

        Reply all = http().get("/products/?search=" + tag.toUpperCase(Locale.ROOT) + "&ordering=price", null);
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(all.body().get("status").asBoolean()).isTrue();
        assertThat(all.body().get("count").asLong()).isEqualTo(5);
        assertThat(prices(all)).containsExactly("1.00", "2.00", "3.00", "4.00", "5.00");

        Reply page = http().get("/products?search=" + tag + "&ordering=-price&page=2&page_size=2", null);
        assertThat(prices(page)).containsExactly("3.00", "2.00");
        assertThat(page.body().get("count").asLong()).isEqualTo(5);
        URI next = URI.create(page.body().get("next").asText());
        URI previous = URI.create(page.body().get("previous").asText());
        assertThat(next.getQuery()).contains("page=3");
        assertThat(previous.getQuery()).contains("page=1");
        assertThat(prices(http().get(next.getRawPath() + "?" + next.getRawQuery(), null)))
                .containsExactly("1.00");

        assertThat(prices(http().get("/products/?search=" + tag + "&min_price=2&max_price=4&ordering=price", null)))
                .containsExactly("2.00", "3.00", "4.00");
        assertThat(prices(http().get("/products/?search=" + tag + "&in_stock=true&ordering=price", null)))
                .containsExactly("1.00", "3.00", "5.00");
        assertThat(prices(http().get("/products/?search=" + tag + "&in_stock=false&ordering=price", null)))
                .containsExactly("2.00", "4.00");
        assertThat(prices(http().get("/products/?search=" + tag + "+item+4", null)))
                .containsExactly("4.00");
        assertThat(http().get("/products/?search=" + tag + "&page=9", null)
                        .body()
                        .get("results"))
                .isEmpty();
        assertFieldError(http().get("/products/?page_size=101", null), "page_size");
        assertFieldError(http().get("/products/?ordering=price;drop", null), "ordering");
    }

    private static List<String> prices(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<String> prices = new ArrayList<>();
        reply.body().get("results").forEach(p -> prices.add(p.get("price").asText()));
        return prices;
    }

    @Test
    void broken_forms_and_headers_the_fuzz_test_found_are_refused_not_failed() throws Exception {
        String token = verifiedUser()[1];
        long id = addProduct(token, "Fuzzed " + UUID.randomUUID());
        byte[] noDisposition = ("--" + BOUNDARY + "\r\nContent-Type: text/plain\r\n\r\nno name\r\n--" + BOUNDARY
                        + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);

        assertError(
                http().send(
                                "/products/" + id + "/photo/",
                                "POST",
                                "multipart/form-data; boundary=" + BOUNDARY,
                                noDisposition,
                                token),
                400);
        assertError(
                http().send(
                                "/products/add/",
                                "POST",
                                "multipart/form-data; boundary=" + BOUNDARY,
                                noDisposition,
                                token),
                400);
        assertError(
                http().send(
                                "/products/" + id + "/photo/",
                                "POST",
                                "*/*",
                                multipartBody(Map.of(), "photo", "p.png", png(3)),
                                token),
                415);
        assertError(
                http().sendWith("/products/" + id + "/detail/", "GET", null, null, null, "If-None-Match", "garbage"),
                400);
    }

    @Test
    void a_real_png_is_uploaded_and_served_back_byte_for_byte() throws Exception {
        String token = verifiedUser()[1];
        byte[] png = png(7);
        Reply added = multipart(
                "/products/add/",
                token,
                Map.of(
                        "name",
                        "Pictured " + UUID.randomUUID(),
                        "price",
                        "4.20",
                        "quantity",
                        "2",
                        "decription",
                        "With a photo"),
                "photo",
                "../../etc/passwd.png",
                png);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        JsonNode data = added.body().get("data");
        String photoUrl = data.get("photo").asText();
        assertThat(photoUrl).contains("/media/").doesNotContain("passwd");
        assertThat(data.get("description").asText()).isEqualTo("With a photo");

        Reply served = http().get(URI.create(photoUrl).getRawPath(), null);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.bytes()).isEqualTo(png);
        assertThat(served.header("Content-Type")).isEqualTo("image/png");
        assertThat(served.header("X-Content-Type-Options")).isEqualTo("nosniff");

        long id = data.get("id").asLong();
        byte[] second = png(9);
        Reply replaced = multipart("/products/" + id + "/photo/", token, Map.of(), "photo", "new.png", second);
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        String secondUrl = replaced.body().get("data").get("photo").asText();
        assertThat(http().get(URI.create(secondUrl).getRawPath(), null).bytes()).isEqualTo(second);
        assertError(http().get(URI.create(photoUrl).getRawPath(), null), 404);

        // PUT of what was read keeps the stored photo.
        JsonNode current = http().get("/products/" + id + "/detail/", null).body();
        Reply put = send(
                "PUT",
                "/products/" + id + "/update/",
                map("name", current.get("name").asText(), "price", "5", "quantity", 1, "photo", secondUrl),
                token,
                null);
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.body().get("data").get("photo").asText()).isEqualTo(secondUrl);

        assertThat(send("DELETE", "/products/" + id + "/delete/", null, token, null)
                        .status())
                .isEqualTo(200);
        // A delete is soft: the photo stays until housekeeping removes the product after the
        // retention (StockAndDeletionFlowsTest).
        assertThat(http().get(URI.create(secondUrl).getRawPath(), null).status())
                .isEqualTo(200);
    }

    @Test
    void uploads_are_checked_by_content_and_size() throws Exception {
        String token = verifiedUser()[1];
        long id = addProduct(token, "Upload target " + UUID.randomUUID());

        Reply html = multipart(
                "/products/" + id + "/photo/",
                token,
                Map.of(),
                "photo",
                "cat.png",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertFieldError(html, "photo");

        byte[] justOver = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(png(1), 0, justOver, 0, 8);
        Reply overLimit = multipart("/products/" + id + "/photo/", token, Map.of(), "photo", "edge.png", justOver);
        assertError(overLimit, 413);
        assertThat(overLimit.body().path("errors").has("photo")).isTrue();

        byte[] big = new byte[6 * 1024 * 1024];
        System.arraycopy(png(1), 0, big, 0, 8);
        assertThat(http().statusOfOversizedPost(
                                "/products/" + id + "/photo/",
                                "multipart/form-data; boundary=" + BOUNDARY,
                                multipartBody(Map.of(), "photo", "big.png", big),
                                token))
                .isEqualTo(413);
        assertThat(http().get("/products/" + id + "/detail/", null)
                        .body()
                        .get("photo")
                        .isNull())
                .isTrue();
    }

    void makeAdmin(String username) throws Exception {
        stockroom().makeAdmin(username);
    }

    Reply multipart(
            String path, String token, Map<String, String> fields, String fileField, String fileName, byte[] content)
            throws IOException {
        return http().send(
                        path,
                        "POST",
                        "multipart/form-data; boundary=" + BOUNDARY,
                        multipartBody(fields, fileField, fileName, content),
                        token);
    }

    static byte[] multipartBody(Map<String, String> fields, String fileField, String fileName, byte[] content)
            throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                            + field.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                        + fileName + "\"\r\nContent-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    static byte[] png(int seed) throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 4; x++) {
            for (int y = 0; y < 4; y++) {
                image.setRGB(x, y, seed * 0x010203 + x * 0x100 + y);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void a_nul_byte_in_the_search_is_refused_by_validation_not_by_the_database() {
        // Issue 8: this was a 503 and an ERROR line claiming a database outage (PostgreSQL refuses NUL in text).
        Reply reply = http().get("/products/?search=a%00b", null);

        assertError(reply, 400);
        assertThat(reply.body().get("errors").has("search"))
                .as(reply.toString())
                .isTrue();
    }
}
