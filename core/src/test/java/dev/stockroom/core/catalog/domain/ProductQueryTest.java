package dev.stockroom.core.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stockroom.core.account.domain.UserId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ProductQueryTest {

    @Test
    void lists_everything_newest_first_twenty_at_a_time_by_default() {
        ProductQuery query = ProductQuery.parse(null, null, null, null, null, null, null);

        assertThat(query).isEqualTo(ProductQuery.all());
        assertThat(query.search()).isEmpty();
        assertThat(query.ordering()).isEqualTo(ProductOrdering.CREATED_AT_DESC);
        assertThat(query.page()).isEqualTo(1);
        assertThat(query.pageSize()).isEqualTo(20);
        assertThat(query.offset()).isZero();
    }

    @Test
    void treats_blank_parameters_as_not_given() {
        assertThat(ProductQuery.parse(" ", "", "", "", "", "", "")).isEqualTo(ProductQuery.all());
    }

    @Test
    void reads_every_parameter() {
        ProductQuery query = ProductQuery.parse(" Red Kettle ", "1.5", "20", "true", "-price", "3", "100");

        assertThat(query.search()).contains("Red Kettle");
        assertThat(query.searchKey()).contains("red kettle");
        assertThat(query.minPrice()).contains(Price.parse("1.50"));
        assertThat(query.maxPrice()).contains(Price.parse("20.00"));
        assertThat(query.inStock()).contains(true);
        assertThat(query.owner()).isEmpty();
        assertThat(query.ordering()).isEqualTo(ProductOrdering.PRICE_DESC);
        assertThat(query.page()).isEqualTo(3);
        assertThat(query.pageSize()).isEqualTo(100);
        assertThat(query.offset()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource({"true, true", "TRUE, true", "1, true", "false, false", "False, false", "0, false"})
    void reads_in_stock(String text, boolean inStock) {
        assertThat(ProductQuery.parse(null, null, null, text, null, null, null).inStock())
                .contains(inStock);
    }

    @ParameterizedTest
    @EnumSource(ProductOrdering.class)
    void reads_every_ordering_by_its_api_name(ProductOrdering ordering) {
        assertThat(ProductQuery.parse(null, null, null, null, ordering.apiName(), null, null)
                        .ordering())
                .isEqualTo(ordering);
    }

    @Test
    void names_the_orderings_as_the_api_does() {
        assertThat(List.of(ProductOrdering.values()))
                .extracting(ProductOrdering::apiName)
                .containsExactly(
                        "price",
                        "-price",
                        "name",
                        "-name",
                        "created_at",
                        "-created_at",
                        "quantity",
                        "-quantity",
                        "relevance");
    }

    @Test
    void orders_a_search_by_relevance_unless_an_ordering_is_named() {
        assertThat(ProductQuery.parse("lamp", null, null, null, null, null, null)
                        .ordering())
                .isEqualTo(ProductOrdering.RELEVANCE);
        assertThat(ProductQuery.parse(" ", null, null, null, null, null, null).ordering())
                .isEqualTo(ProductOrdering.DEFAULT);
        assertThat(ProductQuery.parse("lamp", null, null, null, "price", null, null)
                        .ordering())
                .isEqualTo(ProductOrdering.PRICE);
    }

    @Test
    void reports_every_bad_parameter_at_once() {
        CatalogFailure.InvalidInput failure = catchThrowableOfType(
                CatalogFailure.InvalidInput.class,
                () -> ProductQuery.parse("s".repeat(201), "cheap", "-1", "maybe", "popularity", "0", "101"));

        assertThat(failure.fieldErrors())
                .isEqualTo(Map.of(
                        "search", List.of("Must be at most 200 characters."),
                        "min_price", List.of("Enter a number such as 12.50."),
                        "max_price", List.of("Must not be negative."),
                        "in_stock", List.of("Must be true or false."),
                        "ordering",
                                List.of("Must be one of: price, -price, name, -name, created_at, -created_at, "
                                        + "quantity, -quantity, relevance."),
                        "page", List.of("Must be a whole number of at least 1."),
                        "page_size", List.of("Must be a whole number from 1 to 100.")));
    }

    @ParameterizedTest
    @CsvSource({
        "page, -1",
        "page, 1.5",
        "page, abc",
        "page, 99999999999",
        "page_size, 0",
        "page_size, 101",
        "page_size, 2147483648"
    })
    void refuses_pages_out_of_range(String parameter, String value) {
        boolean isPage = parameter.equals("page");

        CatalogFailure.InvalidInput failure = catchThrowableOfType(
                CatalogFailure.InvalidInput.class,
                () -> ProductQuery.parse(null, null, null, null, null, isPage ? value : null, isPage ? null : value));

        assertThat(failure.fieldErrors()).containsOnlyKeys(parameter);
    }

    @Test
    void reads_a_page_beyond_int_as_the_last_possible_one() {
        assertThat(ProductQuery.parse(null, null, null, null, null, "9999999999", null)
                        .page())
                .isEqualTo(Integer.MAX_VALUE);
        assertThat(ProductQuery.all().withPage(Integer.MAX_VALUE, 100).offset())
                .isEqualTo((Integer.MAX_VALUE - 1L) * 100);
    }

    @Test
    void accepts_200_characters_of_search() {
        assertThat(ProductQuery.all().withSearch("s".repeat(200)).search()).contains("s".repeat(200));
    }

    @Test
    void refuses_a_minimum_above_the_maximum() {
        assertThatThrownBy(() -> ProductQuery.parse(null, "10.01", "10", null, null, null, null))
                .isInstanceOfSatisfying(
                        CatalogFailure.InvalidInput.class,
                        f -> assertThat(f.fieldErrors())
                                .isEqualTo(Map.of("min_price", List.of("Must not be greater than max_price."))));
        assertThat(ProductQuery.parse(null, "10", "10.00", null, null, null, null)
                        .minPrice())
                .contains(Price.parse("10"));
    }

    @Test
    void checks_queries_built_in_code_as_well() {
        assertThatThrownBy(() -> ProductQuery.all().withPage(1, 0)).isInstanceOf(CatalogFailure.InvalidInput.class);
        assertThatThrownBy(() -> ProductQuery.all().withPage(0, 10)).isInstanceOf(CatalogFailure.InvalidInput.class);
        assertThatThrownBy(() ->
                        ProductQuery.all().withPriceRange(Optional.of(Price.parse("2")), Optional.of(Price.parse("1"))))
                .isInstanceOf(CatalogFailure.InvalidInput.class);
    }

    @Test
    void filters_by_owner_only_when_built_in_code() {
        UserId owner = UserId.random();

        assertThat(ProductQuery.all().withOwner(owner).owner()).contains(owner);
    }

    @Test
    void drops_a_blank_search() {
        assertThat(ProductQuery.all().withSearch("   ").search()).isEmpty();
    }

    @Test
    void refuses_control_characters_in_the_search_text_so_a_nul_never_reaches_the_database() {
        // PostgreSQL refuses U+0000 in text: without this check the search failed as a database error.
        for (String search : new String[] {"a\u0000b", "\u0000", "kettle\u0007"}) {
            assertThatThrownBy(() -> ProductQuery.parse(search, null, null, null, null, null, null))
                    .isInstanceOfSatisfying(
                            CatalogFailure.InvalidInput.class,
                            f -> assertThat(f.fieldErrors()).containsKey("search"));
        }
        assertThatThrownBy(() -> new ProductQuery(
                        java.util.Optional.of("a\u0000"),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        ProductOrdering.CREATED_AT_DESC,
                        1,
                        20))
                .isInstanceOf(CatalogFailure.InvalidInput.class);
    }
}
