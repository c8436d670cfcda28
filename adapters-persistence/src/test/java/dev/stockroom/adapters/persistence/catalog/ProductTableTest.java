package dev.stockroom.adapters.persistence.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.adapters.persistence.testing.TestDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabases;
import dev.stockroom.adapters.persistence.transaction.JdbiTransactions;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.catalog.domain.Description;
import dev.stockroom.core.catalog.domain.NewProduct;
import dev.stockroom.core.catalog.domain.Price;
import dev.stockroom.core.catalog.domain.Product;
import dev.stockroom.core.catalog.domain.ProductDetails;
import dev.stockroom.core.catalog.domain.ProductName;
import dev.stockroom.core.catalog.domain.ProductOrdering;
import dev.stockroom.core.catalog.domain.ProductQuery;
import dev.stockroom.core.catalog.domain.Quantity;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.statement.StatementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The products table as the migration leaves it, and what the repository relies on beyond the
 * port's contract, on both databases.
 */
class ProductTableTest {
    private static final Instant T0 = Instant.parse("2031-05-04T03:02:01Z");

    private final UserId owner = UserId.random();

    static Stream<TestDatabase> databases() {
        return Stream.of(TestDatabases.h2(), TestDatabases.postgres());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void migration_adds_the_products_table_with_an_index_for_every_ordering_and_the_owner_filter(TestDatabase database)
            throws SQLException {
        assertThat(indexes(database))
                .contains(
                        "ix_products_created_at_id",
                        "ix_products_price_id",
                        "ix_products_name_key_id",
                        "ix_products_quantity_id",
                        "ix_products_owner_id");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void refuses_a_row_with_both_a_photo_link_and_a_stored_photo(TestDatabase database) {
        assertThatThrownBy(() -> database.jdbi().useHandle(h -> h.execute("""
                INSERT INTO products (owner_id, name, name_key, price, description, description_key, quantity,
                                      photo_url, photo_key, version, created_at, updated_at)
                VALUES (?, 'x', 'x', 1, '', '', 1, 'https://example.test/p.png',
                        '0123456789abcdef0123456789abcdef.png', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
                """, owner.value())))
                .isInstanceOf(StatementException.class);
    }

    /** In a locale's collation "ab" would come before "a-c", and "z" before "É"; by code point neither does. */
    @ParameterizedTest
    @MethodSource("databases")
    void orders_names_by_code_point_whatever_the_database_locale(TestDatabase database) {
        JdbiProductRepository products = repository(database);
        List<String> names = List.of("a-c", "ab", "z", "Émile");
        List<String> backwards = new ArrayList<>(names);
        Collections.reverse(backwards);
        for (String name : backwards) {
            products.add(product(name, T0));
        }

        List<String> listed =
                products.search(ProductQuery.all().withOwner(owner).withOrdering(ProductOrdering.NAME)).items().stream()
                        .map(p -> p.name().value())
                        .toList();

        assertThat(listed).containsExactlyElementsOf(names);
    }

    /** The test server's own locale may well be C already, so the column is checked, not only the order. */
    @Test
    void collates_names_by_code_point_on_postgresql() {
        String collation = TestDatabases.postgres()
                .jdbi()
                .withHandle(h -> h.createQuery("""
                        SELECT collation_name FROM information_schema.columns
                        WHERE table_name = 'products' AND column_name = 'name_key'
                        """).mapTo(String.class).one());

        assertThat(collation).isEqualTo("C");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void searches_letters_outside_ascii_without_regard_to_case(TestDatabase database) {
        JdbiProductRepository products = repository(database);
        Product match = products.add(product("ÖLKANNE " + UUID.randomUUID(), T0));
        products.add(product("Olkanne", T0));

        assertThat(products.search(ProductQuery.all().withOwner(owner).withSearch("ölkanne"))
                        .items())
                .containsExactly(match);
    }

    private JdbiProductRepository repository(TestDatabase database) {
        return new JdbiProductRepository(new JdbiTransactions(database.jdbi()));
    }

    private NewProduct product(String name, Instant createdAt) {
        return new NewProduct(
                owner,
                new ProductDetails(
                        new ProductName(name),
                        Price.parse("1.00"),
                        Description.EMPTY,
                        new Quantity(1),
                        Optional.empty()),
                createdAt);
    }

    private static Set<String> indexes(TestDatabase database) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Connection connection = database.dataSource().getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            // H2 folds unquoted names to upper case unless told otherwise, PostgreSQL to lower case.
            String table = metaData.storesUpperCaseIdentifiers() ? "PRODUCTS" : "products";
            try (ResultSet rows = metaData.getIndexInfo(null, null, table, false, false)) {
                while (rows.next()) {
                    String name = rows.getString("INDEX_NAME");
                    if (name != null) {
                        names.add(name.toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return names;
    }
}
