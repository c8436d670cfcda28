package dev.stockroom.adapters.persistence.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.adapters.persistence.StockroomDatabase;
import dev.stockroom.adapters.persistence.testing.TestStore;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.catalog.domain.Description;
import dev.stockroom.core.catalog.domain.NewProduct;
import dev.stockroom.core.catalog.domain.Price;
import dev.stockroom.core.catalog.domain.Product;
import dev.stockroom.core.catalog.domain.ProductDetails;
import dev.stockroom.core.catalog.domain.ProductId;
import dev.stockroom.core.catalog.domain.ProductName;
import dev.stockroom.core.catalog.domain.ProductOrdering;
import dev.stockroom.core.catalog.domain.ProductQuery;
import dev.stockroom.core.catalog.domain.Quantity;
import dev.stockroom.core.catalog.port.out.ProductRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * What PostgreSQL's search adds to the contract every store keeps: words in any order, a full-text
 * rank within the name matches, and indexes (full-text and trigram) behind both kinds of match.
 */
class PostgresProductSearchTest {
    private static final Instant T0 = Instant.parse("2031-05-04T03:02:01.123456Z");

    private final UserId owner = UserId.random();
    // letters only, so that the full-text parser sees one plain word
    private final String token = UUID.randomUUID()
            .toString()
            .replace("-", "")
            .chars()
            .mapToObj(c -> String.valueOf((char) ('a' + c % 26)))
            .collect(Collectors.joining())
            .substring(0, 12);

    private StockroomDatabase database() {
        return TestStore.POSTGRES.adaptersFor(getClass());
    }

    private ProductRepository products() {
        return database().products();
    }

    @Test
    void matches_every_word_of_a_search_in_any_order() {
        Product kettle = add("Red enamel kettle " + token, "", T0);
        add("Red teapot " + token, "", T0);

        assertThat(ids(search("kettle red " + token))).containsExactly(kettle.id());
        assertThat(ids(search("enam kett " + token))).containsExactly(kettle.id());
    }

    @Test
    void ranks_a_name_match_by_how_well_the_name_and_description_match() {
        Product once = add("Lamp " + token, "A plain shade.", T0.plusSeconds(20));
        Product twice = add("Lamp " + token, "Lamp with a lamp shade.", T0.plusSeconds(10));
        Product describedOnly = add("Shade " + token, "For a lamp.", T0.plusSeconds(30));

        assertThat(ids(search("lamp " + token))).containsExactly(twice.id(), once.id(), describedOnly.id());
    }

    @Test
    void serves_both_kinds_of_match_from_indexes() {
        Jdbi jdbi = TestStore.POSTGRES.databaseFor(getClass()).jdbi();
        List<String> plan = jdbi.inTransaction(h -> {
            h.execute("SET LOCAL enable_seqscan = off");
            return h.createQuery("EXPLAIN SELECT id FROM products WHERE (name_key LIKE '%lamp%' ESCAPE '!' OR"
                            + " description_key LIKE '%lamp%' ESCAPE '!' OR search_vector @@ to_tsquery('simple',"
                            + " 'lamp:* & shade:*'))")
                    .mapTo(String.class)
                    .list();
        });

        assertThat(String.join("\n", plan))
                .contains("products_name_key_trigrams")
                .contains("products_description_key_trigrams")
                .contains("products_search_vector");
    }

    /** Adding a product looks up the numbered slugs of its name: by the index, not by reading the table. */
    @Test
    void finds_the_numbered_slugs_of_a_name_from_the_slug_index() {
        Jdbi jdbi = TestStore.POSTGRES.databaseFor(getClass()).jdbi();
        List<String> plan = jdbi.inTransaction(h -> {
            h.execute("SET LOCAL enable_seqscan = off");
            return h.createQuery("EXPLAIN SELECT slug FROM products WHERE slug LIKE 'lamp-%'")
                    .mapTo(String.class)
                    .list();
        });

        assertThat(String.join("\n", plan)).contains("uq_products_slug").contains("Index Cond");
        // The server's own locale may be C already, so the column is checked too.
        String collation =
                jdbi.withHandle(h -> h.createQuery("""
                        SELECT collation_name FROM information_schema.columns
                        WHERE table_name = 'products' AND column_name = 'slug'
                        """).mapTo(String.class).one());
        assertThat(collation).isEqualTo("C");
    }

    private List<Product> search(String text) {
        return products()
                .search(ProductQuery.all().withOwner(owner).withSearch(text).withOrdering(ProductOrdering.RELEVANCE))
                .items();
    }

    private Product add(String name, String description, Instant createdAt) {
        return products()
                .add(new NewProduct(
                        owner,
                        new ProductDetails(
                                new ProductName(name),
                                Price.parse("1.00"),
                                new Description(description),
                                new Quantity(1),
                                Optional.empty()),
                        createdAt));
    }

    private static List<ProductId> ids(List<Product> products) {
        return products.stream().map(Product::id).toList();
    }
}
