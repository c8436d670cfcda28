package dev.stockroom.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.catalog.domain.Description;
import dev.stockroom.core.catalog.domain.ImageId;
import dev.stockroom.core.catalog.domain.NewProduct;
import dev.stockroom.core.catalog.domain.NewProductImage;
import dev.stockroom.core.catalog.domain.PhotoKey;
import dev.stockroom.core.catalog.domain.PhotoType;
import dev.stockroom.core.catalog.domain.Price;
import dev.stockroom.core.catalog.domain.ProductDetails;
import dev.stockroom.core.catalog.domain.ProductId;
import dev.stockroom.core.catalog.domain.ProductImage;
import dev.stockroom.core.catalog.domain.ProductName;
import dev.stockroom.core.catalog.domain.Quantity;
import dev.stockroom.core.catalog.port.out.ProductImageRepository;
import dev.stockroom.core.catalog.port.out.ProductRepository;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProductImageRepository} must do. Extend it and hand in the adapter under test
 * and a product store (a database's image rows reference its products).
 */
public abstract class ProductImageRepositoryContract {
    private static final SecureRandom RANDOM = new SecureRandom();

    protected abstract ProductImageRepository images();

    protected abstract ProductRepository products();

    @Test
    void gives_back_every_field_in_position_order() {
        ProductId product = newProduct();
        NewProductImage second = image(product, 1, PhotoType.PNG);
        NewProductImage first = image(product, 0, PhotoType.JPEG);

        ProductImage added = images().add(second);
        ProductImage addedFirst = images().add(first);

        assertThat(added.id().value()).isPositive();
        assertThat(added).isEqualTo(second.withId(added.id()));
        assertThat(addedFirst.id()).isNotEqualTo(added.id());
        assertThat(images().imagesOf(product)).containsExactly(addedFirst, added);
    }

    @Test
    void a_product_without_images_has_an_empty_list() {
        assertThat(images().imagesOf(newProduct())).isEmpty();
        assertThat(images().imagesOf(List.of(newProduct()))).isEmpty();
    }

    @Test
    void gives_the_images_of_several_products_at_once_only_for_those_that_have_any() {
        ProductId one = newProduct();
        ProductId two = newProduct();
        ProductId none = newProduct();
        ProductImage a = images().add(image(one, 0, PhotoType.GIF));
        ProductImage b = images().add(image(two, 1, PhotoType.PNG));
        ProductImage c = images().add(image(two, 0, PhotoType.WEBP));

        Map<ProductId, List<ProductImage>> found = images().imagesOf(List.of(one, two, none));

        assertThat(found).containsOnlyKeys(one, two);
        assertThat(found.get(one)).containsExactly(a);
        assertThat(found.get(two)).containsExactly(c, b);
    }

    @Test
    void reposition_gives_each_image_the_index_of_its_place() {
        ProductId product = newProduct();
        ProductImage a = images().add(image(product, 0, PhotoType.PNG));
        ProductImage b = images().add(image(product, 1, PhotoType.PNG));
        ProductImage c = images().add(image(product, 2, PhotoType.PNG));

        images().reposition(product, List.of(c.id(), a.id(), b.id()));

        assertThat(images().imagesOf(product)).containsExactly(c.at(0), a.at(1), b.at(2));
    }

    @Test
    void reposition_leaves_the_images_of_other_products_alone() {
        ProductId product = newProduct();
        ProductId other = newProduct();
        ProductImage mine = images().add(image(product, 0, PhotoType.PNG));
        ProductImage theirs = images().add(image(other, 0, PhotoType.PNG));

        images().reposition(product, List.of(theirs.id(), mine.id()));

        assertThat(images().imagesOf(other)).containsExactly(theirs);
        assertThat(images().imagesOf(product)).containsExactly(mine.at(1));
    }

    @Test
    void delete_removes_one_image_of_its_product_only() {
        ProductId product = newProduct();
        ProductId other = newProduct();
        ProductImage a = images().add(image(product, 0, PhotoType.PNG));
        ProductImage b = images().add(image(product, 1, PhotoType.PNG));

        assertThat(images().delete(other, a.id())).isFalse();
        assertThat(images().delete(product, a.id())).isTrue();
        assertThat(images().delete(product, a.id())).isFalse();
        assertThat(images().delete(product, new ImageId(Long.MAX_VALUE))).isFalse();

        assertThat(images().imagesOf(product)).containsExactly(b);
    }

    @Test
    void delete_all_of_a_product_returns_what_it_removed() {
        ProductId product = newProduct();
        ProductId other = newProduct();
        ProductImage a = images().add(image(product, 0, PhotoType.PNG));
        ProductImage b = images().add(image(product, 1, PhotoType.JPEG));
        ProductImage kept = images().add(image(other, 0, PhotoType.PNG));

        assertThat(images().deleteAllOf(product)).containsExactly(a, b);

        assertThat(images().imagesOf(product)).isEmpty();
        assertThat(images().imagesOf(other)).containsExactly(kept);
        assertThat(images().deleteAllOf(product)).isEmpty();
    }

    private ProductId newProduct() {
        ProductDetails details = new ProductDetails(
                new ProductName("Imaged " + Samples.unique()),
                Price.parse("1.00"),
                Description.EMPTY,
                new Quantity(1),
                Optional.empty());
        return products()
                .add(new NewProduct(UserId.random(), details, Samples.T0))
                .id();
    }

    private static NewProductImage image(ProductId product, int position, PhotoType type) {
        return new NewProductImage(
                product,
                position,
                PhotoKey.random(RANDOM, type),
                PhotoKey.random(RANDOM, type),
                PhotoKey.random(RANDOM, PhotoType.PNG));
    }
}
