package dev.stockroom.core.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.account.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductTest {
    private static final Instant T0 = Instant.parse("2031-05-04T03:02:01Z");
    private static final ProductDetails DETAILS = new ProductDetails(
            new ProductName("Kettle"), Price.parse("12.50"), Description.EMPTY, new Quantity(3), Optional.empty());

    private final Product product = Product.created(new ProductId(7), new NewProduct(UserId.random(), DETAILS, T0));

    @Test
    void starts_at_the_first_version() {
        assertThat(product.version()).isEqualTo(1);
        assertThat(product.createdAt()).isEqualTo(T0);
        assertThat(product.updatedAt()).isEqualTo(T0);
    }

    @Test
    void moves_to_the_next_version_on_every_change() {
        Product renamed = product.withDetails(
                new ProductDetails(
                        new ProductName("Teapot"),
                        DETAILS.price(),
                        DETAILS.description(),
                        DETAILS.quantity(),
                        DETAILS.photo()),
                T0.plusSeconds(5));
        Product withPhoto =
                renamed.withPhoto(Optional.of(Photo.external("https://example.test/t.png")), T0.plusSeconds(9));

        assertThat(renamed.version()).isEqualTo(2);
        assertThat(renamed.name().value()).isEqualTo("Teapot");
        assertThat(renamed.updatedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(withPhoto.version()).isEqualTo(3);
        assertThat(withPhoto.photo()).contains(Photo.external("https://example.test/t.png"));
        assertThat(withPhoto.createdAt()).isEqualTo(T0);
        assertThat(withPhoto.id()).isEqualTo(product.id());
        assertThat(withPhoto.owner()).isEqualTo(product.owner());
    }

    @Test
    void never_moves_its_update_time_backwards() {
        Product changed = product.withDetails(DETAILS, T0.minusSeconds(60));

        assertThat(changed.updatedAt()).isEqualTo(T0);
    }

    @Test
    void checks_a_product_read_from_storage() {
        UserId owner = UserId.random();

        assertThatThrownBy(() -> Product.rehydrate(
                        new ProductId(1),
                        owner,
                        DETAILS.name(),
                        DETAILS.price(),
                        DETAILS.description(),
                        DETAILS.quantity(),
                        Optional.empty(),
                        0,
                        T0,
                        T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Product.rehydrate(
                        new ProductId(1),
                        owner,
                        DETAILS.name(),
                        DETAILS.price(),
                        DETAILS.description(),
                        DETAILS.quantity(),
                        Optional.empty(),
                        1,
                        T0,
                        T0.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProductId(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void is_owned_by_its_owner_only() {
        assertThat(product.isOwnedBy(product.owner())).isTrue();
        assertThat(product.isOwnedBy(UserId.random())).isFalse();
    }

    @Test
    void knows_whether_a_page_has_neighbours() {
        assertThat(new ProductPage(List.of(product), 1, 1, 20).hasNext()).isFalse();
        assertThat(new ProductPage(List.of(product), 21, 1, 20).hasNext()).isTrue();
        assertThat(new ProductPage(List.of(product), 21, 2, 20).hasNext()).isFalse();
        assertThat(new ProductPage(List.of(), 21, 2, 20).hasPrevious()).isTrue();
        assertThat(new ProductPage(List.of(), 0, 1, 20).hasPrevious()).isFalse();
        assertThat(new ProductPage(List.of(), 5, Integer.MAX_VALUE, 100).hasNext())
                .isFalse();
    }
}
