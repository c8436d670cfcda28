package dev.stockroom.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.adapters.persistence.testing.TestDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What 011-product-fields.xml makes of the products stored before it, on both databases: each is
 * published and has the slug made from its name, repeated names numbered oldest first.
 */
class Migration011Test {
    private static final String BEFORE_011 = "db/changelog/before-011.xml";

    static Stream<TestDatabase> blankDatabases() {
        return Stream.of(TestDatabases.blankH2(), TestDatabases.blankPostgres());
    }

    @ParameterizedTest
    @MethodSource("blankDatabases")
    void publishes_the_products_stored_before_it_and_gives_them_slugs_from_their_names(TestDatabase database) {
        DatabaseMigrator.migrate(database.dataSource(), BEFORE_011);
        Jdbi jdbi = database.jdbi();
        UUID owner = UUID.randomUUID();
        jdbi.useHandle(h -> {
            insertProduct(h, owner, "Crème Brûlée");
            insertProduct(h, owner, "Desk Lamp");
            insertProduct(h, owner, "desk lamp!");
            insertProduct(h, owner, "日本");
        });

        DatabaseMigrator.migrate(database.dataSource());

        List<Map<String, Object>> rows =
                jdbi.withHandle(h -> h.createQuery("SELECT slug, status, tags, sku FROM products ORDER BY id")
                        .mapToMap()
                        .list());
        assertThat(rows)
                .extracting(r -> r.get("slug"))
                .containsExactly("creme-brulee", "desk-lamp", "desk-lamp-2", "product");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("status")).isEqualTo("published");
            assertThat(r.get("tags")).isEqualTo("");
            assertThat(r.get("sku")).isNull();
        });
    }

    private static void insertProduct(Handle h, UUID owner, String name) {
        h.createUpdate("""
                        INSERT INTO products (owner_id, name, name_key, price, description, description_key,
                                              quantity, version, created_at, updated_at)
                        VALUES (:owner, :name, :name, 1.00, '', '', 1, 1, :at, :at)
                        """)
                .bind("owner", owner)
                .bind("name", name)
                .bind("at", Instant.parse("2030-01-01T00:00:00Z"))
                .execute();
    }
}
