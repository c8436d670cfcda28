package dev.stockroom.core.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.shared.InvalidValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProductCursorTest {
    private static final Product PRODUCT = Product.created(
            new ProductId(42),
            new NewProduct(
                    UserId.random(),
                    new ProductDetails(
                            new ProductName("Desk Lamp: «Größe»\nnot a line".replace("\n", " ")),
                            Price.parse("9.50"),
                            Description.EMPTY,
                            new Quantity(7),
                            Optional.empty()),
                    Instant.parse("2031-05-04T03:02:01.123456Z")));

    @ParameterizedTest
    @EnumSource(value = ProductOrdering.class, mode = EnumSource.Mode.EXCLUDE, names = "RELEVANCE")
    void reads_back_the_token_it_gives_for_its_ordering(ProductOrdering ordering) {
        ProductCursor after = ProductCursor.after(ordering, PRODUCT);

        ProductCursor read = ProductCursor.parse(after.token(), ordering);

        assertThat(read).isEqualTo(after);
        assertThat(after.token()).matches("[A-Za-z0-9_-]+");
        assertThat(read.after().orElseThrow().id()).isEqualTo(PRODUCT.id());
    }

    @Test
    void keeps_each_key_in_the_form_lists_compare() {
        assertThat(ProductCursor.sortKeyOf(ProductOrdering.Key.PRICE, PRODUCT)).isEqualTo("9.50");
        assertThat(ProductCursor.sortKeyOf(ProductOrdering.Key.NAME, PRODUCT))
                .isEqualTo("desk lamp: «größe» not a line");
        assertThat(ProductCursor.sortKeyOf(ProductOrdering.Key.CREATED_AT, PRODUCT))
                .isEqualTo("2031-05-04T03:02:01.123456Z");
        assertThat(ProductCursor.sortKeyOf(ProductOrdering.Key.QUANTITY, PRODUCT))
                .isEqualTo("7");
    }

    @Test
    void starts_a_walk_from_an_empty_token() {
        assertThat(ProductCursor.parse("", ProductOrdering.PRICE))
                .isEqualTo(ProductCursor.start(ProductOrdering.PRICE));
        assertThat(ProductCursor.parse(null, ProductOrdering.NAME).after()).isEmpty();
        assertThat(ProductCursor.start(ProductOrdering.PRICE).token()).isEmpty();
    }

    @Test
    void refuses_a_token_of_another_ordering() {
        String token = ProductCursor.after(ProductOrdering.PRICE, PRODUCT).token();

        assertThatThrownBy(() -> ProductCursor.parse(token, ProductOrdering.PRICE_DESC))
                .isInstanceOf(InvalidValue.class)
                .hasMessageContaining("same ordering");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%%%", "AAAA", "MQpwcmljZQp4CjEuMDA", "MgpwcmljZQoxCjEuMDA", "MQpwcmljZQoxCm5vcGU"})
    void refuses_what_is_no_token_it_gave_out(String token) {
        assertThatThrownBy(() -> ProductCursor.parse(token, ProductOrdering.PRICE))
                .isInstanceOf(InvalidValue.class);
    }

    @Test
    void refuses_a_price_key_out_of_range_and_an_overlong_token() {
        String negative = Base64.getUrlEncoder().encodeToString("1\nprice\n1\n-1.00".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> ProductCursor.parse(negative, ProductOrdering.PRICE))
                .isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() ->
                        ProductCursor.parse("A".repeat(ProductCursor.MAX_TOKEN_LENGTH + 1), ProductOrdering.PRICE))
                .isInstanceOf(InvalidValue.class);
    }

    @Test
    void has_no_keyset_on_relevance() {
        assertThatThrownBy(() -> ProductCursor.parse("", ProductOrdering.RELEVANCE))
                .isInstanceOf(InvalidValue.class)
                .hasMessageContaining("not relevance");
        assertThatThrownBy(() -> ProductCursor.start(ProductOrdering.RELEVANCE)).isInstanceOf(InvalidValue.class);
    }
}
