package dev.stockroom.bootstrap.e2e;

import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.assertError;
import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.assertFieldError;
import static dev.stockroom.bootstrap.e2e.HttpApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stockroom.bootstrap.e2e.HttpApi.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A shop's catalogue over real HTTP: SKU, barcode, slug, status, category and tags, drafts only
 * their owner and admins see, and the list filters. Subclasses choose the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CatalogueFieldsFlowsTest {
    abstract RunningStockroom stockroom();

    private ApiFixture fixture;

    HttpApi http() {
        return stockroom().http;
    }

    @BeforeAll
    void accounts() throws Exception {
        fixture = ApiFixture.create(stockroom());
    }

    @Test
    void a_sketch_product_is_published_with_a_slug_from_its_name_and_nothing_else_set() {
        String marker = unique();
        Reply added = add(fixture.owner, map("name", "Desk Lamp " + marker, "price", 12.5, "quantity", 3));

        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        JsonNode data = added.body().get("data");
        assertThat(data.get("slug").asText()).isEqualTo("desk-lamp-" + marker);
        assertThat(data.get("status").asText()).isEqualTo("published");
        assertThat(data.get("sku").isNull()).isTrue();
        assertThat(data.get("barcode").isNull()).isTrue();
        assertThat(data.get("category").isNull()).isTrue();
        assertThat(data.get("tags").isArray()).isTrue();
        assertThat(data.get("tags")).isEmpty();
        Reply detail = http().get("/products/" + data.get("id").asLong() + "/detail/", null);
        assertThat(detail.body()).isEqualTo(data);
    }

    @Test
    void sets_every_field_keeps_them_on_a_sketch_put_and_clears_them_on_patch() {
        String sku = "LAMP-" + unique();
        Reply added = add(
                fixture.owner,
                map(
                        "name", "Brass Lamp",
                        "price", "24.90",
                        "quantity", 2,
                        "sku", sku,
                        "barcode", "4006381333931",
                        "slug", "brass-lamp-" + sku.toLowerCase(java.util.Locale.ROOT),
                        "status", "draft",
                        "category", "  Lighting ",
                        "tags", List.of("Brass", "desk", "BRASS")));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        JsonNode data = added.body().get("data");
        long id = data.get("id").asLong();
        assertThat(data.get("sku").asText()).isEqualTo(sku);
        assertThat(data.get("barcode").asText()).isEqualTo("4006381333931");
        assertThat(data.get("status").asText()).isEqualTo("draft");
        assertThat(data.get("category").asText()).isEqualTo("Lighting");
        assertThat(texts(data.get("tags"))).containsExactly("brass", "desk");

        Reply put = send(
                "PUT",
                "/products/" + id + "/update/",
                map("name", "Brass Lamp", "price", "20", "description", "", "quantity", 1, "photo", null),
                fixture.owner);
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        JsonNode kept = put.body().get("data");
        assertThat(kept.get("sku").asText()).isEqualTo(sku);
        assertThat(kept.get("slug")).isEqualTo(data.get("slug"));
        assertThat(kept.get("status").asText()).isEqualTo("draft");
        assertThat(texts(kept.get("tags"))).containsExactly("brass", "desk");

        Reply cleared = send(
                "PATCH",
                "/products/" + id + "/update/",
                map("sku", null, "barcode", null, "category", null, "tags", null, "status", "published", "slug", null),
                fixture.owner);
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
        JsonNode after = cleared.body().get("data");
        assertThat(after.get("sku").isNull()).isTrue();
        assertThat(after.get("barcode").isNull()).isTrue();
        assertThat(after.get("category").isNull()).isTrue();
        assertThat(after.get("tags")).isEmpty();
        assertThat(after.get("status").asText()).isEqualTo("published");
        assertThat(after.get("slug").asText()).as("made from the name again").startsWith("brass-lamp");
    }

    @Test
    void refuses_every_bad_field_at_once() {
        Reply refused = add(
                fixture.owner,
                map(
                        "name", "Bad",
                        "price", 1,
                        "quantity", 1,
                        "sku", "has space",
                        "barcode", "4006381333932",
                        "slug", "Not-Lower",
                        "status", "hidden",
                        "category", "c".repeat(101),
                        "tags", IntStream.range(0, 21).mapToObj(i -> "t" + i).toList()));

        assertError(refused, 400);
        assertThat(refused.body().get("errors").properties())
                .extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("sku", "barcode", "slug", "status", "category", "tags");
        assertFieldError(add(fixture.owner, map("name", "x", "price", 1, "quantity", 1, "tags", "a")), "tags");
        assertFieldError(add(fixture.owner, map("name", "x", "price", 1, "quantity", 1, "status", null)), "status");
    }

    @Test
    void a_sku_is_unique_among_one_owners_products_and_a_slug_among_all() {
        String sku = "MUG-" + unique();
        assertThat(add(fixture.owner, map("name", "Mug", "price", 1, "quantity", 1, "sku", sku))
                        .status())
                .isEqualTo(201);

        assertFieldError(add(fixture.owner, map("name", "Mug 2", "price", 1, "quantity", 1, "sku", sku)), "sku");
        assertThat(add(fixture.other, map("name", "Mug", "price", 1, "quantity", 1, "sku", sku))
                        .status())
                .isEqualTo(201);
        String slug = "taken-" + unique();
        assertThat(add(fixture.owner, map("name", "A", "price", 1, "quantity", 1, "slug", slug))
                        .status())
                .isEqualTo(201);
        assertFieldError(add(fixture.other, map("name", "B", "price", 1, "quantity", 1, "slug", slug)), "slug");
    }

    @Test
    void a_repeated_name_gets_a_numbered_slug_and_by_slug_answers_like_detail() {
        String name = "Teapot " + unique();
        JsonNode first = add(fixture.owner, map("name", name, "price", 1, "quantity", 1))
                .body()
                .get("data");
        JsonNode second = add(fixture.other, map("name", name, "price", 1, "quantity", 1))
                .body()
                .get("data");

        assertThat(second.get("slug").asText()).isEqualTo(first.get("slug").asText() + "-2");
        Reply bySlug = http().get("/products/by-slug/" + second.get("slug").asText() + "/", null);
        Reply detail = http().get("/products/" + second.get("id").asLong() + "/detail/", null);
        assertThat(bySlug.status()).as(bySlug.toString()).isEqualTo(200);
        assertThat(bySlug.body()).isEqualTo(detail.body());
        assertThat(bySlug.header("ETag")).isEqualTo(detail.header("ETag"));
        assertError(http().get("/products/by-slug/no-such-" + unique() + "/", null), 404);
        assertError(http().get("/products/by-slug/Not%20A%20Slug/", null), 404);
    }

    @Test
    void a_draft_is_seen_only_by_its_owner_and_admins() {
        String category = "Drafts " + unique();
        JsonNode draft = add(
                        fixture.owner,
                        map("name", "Secret", "price", 1, "quantity", 1, "status", "draft", "category", category))
                .body()
                .get("data");
        long id = draft.get("id").asLong();
        String slug = draft.get("slug").asText();
        long othersDraft = add(
                        fixture.other,
                        map("name", "Theirs", "price", 1, "quantity", 1, "status", "draft", "category", category))
                .body()
                .get("data")
                .get("id")
                .asLong();
        long published = add(fixture.owner, map("name", "Public", "price", 1, "quantity", 1, "category", category))
                .body()
                .get("data")
                .get("id")
                .asLong();

        assertError(http().get("/products/" + id + "/detail/", null), 404);
        assertError(http().get("/products/by-slug/" + slug + "/", null), 404);
        assertError(http().get("/products/" + id + "/detail/", fixture.other.accessToken()), 404);
        assertThat(http().get("/products/" + id + "/detail/", fixture.owner.accessToken())
                        .status())
                .isEqualTo(200);
        assertThat(http().get("/products/by-slug/" + slug + "/", fixture.owner.accessToken())
                        .status())
                .isEqualTo(200);
        assertThat(http().get("/products/" + id + "/detail/", fixture.admin.accessToken())
                        .status())
                .isEqualTo(200);

        String inCategory = "/products/?category=" + encode(category);
        assertThat(ids(http().get(inCategory, null))).containsExactly(published);
        assertThat(ids(http().get(inCategory, fixture.owner.accessToken()))).containsExactly(published, id);
        assertThat(ids(http().get(inCategory, fixture.admin.accessToken())))
                .containsExactly(published, othersDraft, id);
        assertThat(ids(http().get(inCategory + "&status=draft", fixture.owner.accessToken())))
                .containsExactly(id);
        assertThat(ids(http().get(inCategory + "&status=draft", fixture.admin.accessToken())))
                .containsExactly(othersDraft, id);
        assertThat(ids(http().get(inCategory + "&status=draft", null))).isEmpty();
    }

    @Test
    void filters_by_category_tag_sku_and_owner() {
        String marker = unique();
        long lamp = addId(
                fixture.owner,
                map(
                        "name",
                        "Lamp",
                        "price",
                        1,
                        "quantity",
                        1,
                        "category",
                        "Light " + marker,
                        "sku",
                        "L" + marker,
                        "tags",
                        List.of("brass", "t" + marker)));
        long mug = addId(
                fixture.other,
                map(
                        "name",
                        "Mug",
                        "price",
                        1,
                        "quantity",
                        1,
                        "category",
                        "Kitchen " + marker,
                        "sku",
                        "L" + marker,
                        "tags",
                        List.of("T" + marker)));

        assertThat(ids(http().get("/products/?category=LIGHT%20" + marker, null)))
                .containsExactly(lamp);
        assertThat(ids(http().get("/products/?tag=t" + marker, null))).containsExactly(mug, lamp);
        assertThat(ids(http().get("/products/?tag=t" + marker + "&sku=L" + marker, null)))
                .containsExactly(mug, lamp);
        assertThat(ids(http().get("/products/?tag=t" + marker + "&owner=me", fixture.other.accessToken())))
                .containsExactly(mug);
        assertThat(ids(http().get("/products/?tag=t" + marker + "&owner=" + fixture.owner.id(), null)))
                .containsExactly(lamp);
    }

    @Test
    void refuses_bad_filters_as_field_errors() {
        assertFieldError(http().get("/products/?status=hidden", null), "status");
        assertFieldError(http().get("/products/?sku=a%20b", null), "sku");
        assertFieldError(http().get("/products/?tag=a;b", null), "tag");
        assertFieldError(http().get("/products/?category=" + "c".repeat(101), null), "category");
        assertFieldError(http().get("/products/?owner=nobody", null), "owner");
        assertFieldError(http().get("/products/?owner=me", null), "owner");
    }

    @Test
    void exports_the_callers_products_as_csv_and_an_admins_as_everyones() {
        String marker = unique();
        long mine = addId(
                fixture.owner,
                map(
                        "name", "Lamp, \"brass\" " + marker,
                        "price", "24.9",
                        "quantity", 2,
                        "description", "Line one\nline two",
                        "sku", "CSV-" + marker,
                        "status", "draft",
                        "category", "Lighting",
                        "tags", List.of("brass", "desk"),
                        "barcode", "4006381333931"));
        long theirs = addId(fixture.other, map("name", "Theirs " + marker, "price", 1, "quantity", 1));

        Reply export = http().get("/products/export/", fixture.owner.accessToken());

        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.header("Content-Type")).startsWith("text/csv");
        String csv = new String(export.bytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).startsWith("sku,name,price,quantity,description,status,category,tags,barcode,slug\r\n");
        String slug = http().get("/products/" + mine + "/detail/", fixture.owner.accessToken())
                .body()
                .get("slug")
                .asText();
        assertThat(csv)
                .contains("CSV-" + marker + ",\"Lamp, \"\"brass\"\" " + marker + "\",24.90,2,\"Line one\nline two\","
                        + "draft,Lighting,brass;desk,4006381333931," + slug + "\r\n");
        assertThat(csv).doesNotContain("Theirs " + marker);
        String everyones = new String(
                http().get("/products/export/", fixture.admin.accessToken()).bytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(everyones).contains("CSV-" + marker, "Theirs " + marker);
        assertError(http().get("/products/export/", null), 401);
        assertError(http().get("/products/export/", fixture.newcomer.accessToken()), 403);
        assertThat(theirs).isPositive();
    }

    private Reply add(ApiFixture.Account account, Map<String, Object> body) {
        return http().post("/products/add/", body, account.accessToken());
    }

    private long addId(ApiFixture.Account account, Map<String, Object> body) {
        Reply added = add(account, body);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.body().at("/data/id").asLong();
    }

    private Reply send(String method, String path, Object body, ApiFixture.Account account) {
        return http().send(path, method, "application/json", HttpApi.json(body), account.accessToken());
    }

    private static List<Long> ids(Reply page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        page.body().get("results").forEach(p -> ids.add(p.get("id").asLong()));
        return ids;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
