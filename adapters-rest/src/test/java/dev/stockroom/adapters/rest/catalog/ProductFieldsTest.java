package dev.stockroom.adapters.rest.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.catalog.domain.CatalogFailure;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProductFieldsTest {

    private static ProductFields json(String body) throws Exception {
        return ProductFields.fromJson(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void prices_arrive_as_numbers_or_strings_and_keep_their_digits() throws Exception {
        assertThat(json("{\"price\": 9999999999.99}").get(ProductFields.PRICE)).isEqualTo("9999999999.99");
        assertThat(json("{\"price\": \"12.5\"}").get(ProductFields.PRICE)).isEqualTo("12.5");
        assertThat(json("{\"price\": 12}").get(ProductFields.PRICE)).isEqualTo("12");
    }

    @Test
    void a_number_with_a_huge_exponent_is_refused_without_expanding_it() throws Exception {
        ProductFields fields = json("{\"name\": \"x\", \"price\": 1e-999999999, \"quantity\": 1}");

        assertThat(fields.get(ProductFields.PRICE)).hasSizeLessThan(32);
        assertThatThrownBy(fields::draft)
                .isInstanceOf(CatalogFailure.InvalidInput.class)
                .satisfies(e -> assertThat(((CatalogFailure) e).fieldErrors()).containsKey("price"));
    }

    @Test
    void the_sketch_alias_unknown_and_server_owned_fields() throws Exception {
        assertThat(json("{\"decription\": \"d\"}").get(ProductFields.DESCRIPTION))
                .isEqualTo("d");
        assertThatThrownBy(() -> json("{\"description\": \"a\", \"decription\": \"b\"}"))
                .isInstanceOf(CatalogFailure.InvalidInput.class);
        assertThatThrownBy(() -> json("{\"id\": 3, \"colour\": \"red\"}"))
                .isInstanceOf(CatalogFailure.InvalidInput.class)
                .satisfies(e -> assertThat(((CatalogFailure) e).fieldErrors()).containsKeys("id", "colour"));
    }

    @Test
    void null_is_kept_apart_from_absent_for_patch() throws Exception {
        ProductFields fields = json("{\"photo\": null}");

        assertThat(fields.has(ProductFields.PHOTO)).isTrue();
        assertThat(fields.get(ProductFields.PHOTO)).isNull();
        assertThat(fields.has(ProductFields.NAME)).isFalse();
    }

    @Test
    void an_if_match_we_never_issued_matches_nothing() {
        assertThat(ProductResource.expectedVersion("\"v7\"")).hasValue(7);
        assertThat(ProductResource.expectedVersion("W/\"v7\"")).hasValue(7);
        assertThat(ProductResource.expectedVersion("*")).isEmpty();
        assertThat(ProductResource.expectedVersion(null)).isEmpty();
        assertThatThrownBy(() -> ProductResource.expectedVersion("\"abc\"")).hasMessageContaining("If-Match");
    }
}
