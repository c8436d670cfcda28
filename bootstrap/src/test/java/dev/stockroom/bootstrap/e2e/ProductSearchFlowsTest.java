package dev.stockroom.bootstrap.e2e;

import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.assertFieldError;
import static dev.stockroom.bootstrap.e2e.HttpApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stockroom.bootstrap.e2e.HttpApi.Reply;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Relevance ordering and keyset (cursor) paging of the product list over real HTTP; subclasses choose the database. */
abstract class ProductSearchFlowsTest {
    abstract RunningStockroom stockroom();

    private final CatalogFlowsTest catalog = new CatalogFlowsTest() {
        @Override
        RunningStockroom stockroom() {
            return ProductSearchFlowsTest.this.stockroom();
        }
    };

    private HttpApi http() {
        return stockroom().http;
    }

    @Test
    void a_search_lists_name_matches_before_description_matches_unless_an_ordering_is_named() {
        String token = catalog.verifiedUser()[1];
        String tag = tag();
        long describedNewer = add(token, "Shade", "fits a " + tag + " lamp");
        long named = add(token, "Lamp " + tag, "");
        long describedNewest = add(token, "Bulb", "for a " + tag + " lamp");

        assertThat(ids(http().get("/products/?search=" + tag, null)))
                .containsExactly(named, describedNewest, describedNewer);
        assertThat(ids(http().get("/products/?search=" + tag + "&ordering=relevance", null)))
                .containsExactly(named, describedNewest, describedNewer);
        assertThat(ids(http().get("/products/?search=" + tag + "&ordering=-created_at", null)))
                .containsExactly(describedNewest, named, describedNewer);
    }

    @Test
    void walks_a_list_by_cursor_with_next_links_that_carry_no_page() {
        String token = catalog.verifiedUser()[1];
        String tag = tag();
        List<Long> added = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            added.add(addPriced(token, tag + " item " + i, i + ".00"));
        }

        List<Long> walked = new ArrayList<>();
        String path = "/products/?search=" + tag + "&ordering=price&page_size=3&cursor=";
        int slices = 0;
        while (path != null) {
            Reply slice = http().get(path, null);
            assertThat(slice.status()).as(slice.toString()).isEqualTo(200);
            assertThat(slice.body().get("count").asLong()).isEqualTo(7);
            assertThat(slice.body().get("previous").isNull()).isTrue();
            walked.addAll(ids(slice));
            slices++;
            JsonNode next = slice.body().get("next");
            if (next.isNull()) {
                path = null;
            } else {
                URI link = URI.create(next.asText());
                assertThat(link.getQuery()).doesNotContain("page=").contains("cursor=");
                assertThat(link.getQuery()).contains("page_size=3");
                path = link.getRawPath() + "?" + link.getRawQuery();
            }
        }

        assertThat(walked).containsExactlyElementsOf(added);
        assertThat(slices).isEqualTo(3);
    }

    @Test
    void refuses_a_cursor_it_did_not_give_out() {
        String token = catalog.verifiedUser()[1];
        String tag = tag();
        for (int i = 1; i <= 3; i++) {
            addPriced(token, tag + " " + i, i + ".00");
        }
        Reply first = http().get("/products/?search=" + tag + "&ordering=price&page_size=2&cursor=", null);
        String cursor = URI.create(first.body().get("next").asText()).getQuery().replaceAll(".*cursor=([^&]*).*", "$1");

        assertFieldError(http().get("/products/?ordering=price&cursor=not-a-cursor!", null), "cursor");
        assertFieldError(http().get("/products/?ordering=price&cursor=" + cursor.substring(1), null), "cursor");
        assertFieldError(http().get("/products/?ordering=-price&cursor=" + cursor, null), "cursor");
        assertFieldError(http().get("/products/?search=" + tag + "&cursor=", null), "cursor");
        assertFieldError(http().get("/products/?ordering=price&cursor=&page=2", null), "page");
        assertThat(ids(http().get("/products/?search=" + tag + "&ordering=price&page_size=2&cursor=" + cursor, null)))
                .hasSize(1);
    }

    private long add(String token, String name, String description) {
        Reply added = http().post(
                        "/products/add/",
                        map("name", name, "price", "1.00", "quantity", 1, "description", description),
                        token);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.body().get("data").get("id").asLong();
    }

    private long addPriced(String token, String name, String price) {
        Reply added = http().post("/products/add/", map("name", name, "price", price, "quantity", 1), token);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.body().get("data").get("id").asLong();
    }

    private static List<Long> ids(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        reply.body().get("results").forEach(p -> ids.add(p.get("id").asLong()));
        return ids;
    }

    private static String tag() {
        return "zs" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
