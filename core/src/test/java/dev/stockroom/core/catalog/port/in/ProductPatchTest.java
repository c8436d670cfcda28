package dev.stockroom.core.catalog.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stockroom.core.catalog.domain.CatalogFailure;
import dev.stockroom.core.catalog.domain.Description;
import dev.stockroom.core.catalog.domain.Photo;
import dev.stockroom.core.catalog.domain.Price;
import dev.stockroom.core.catalog.domain.ProductDetails;
import dev.stockroom.core.catalog.domain.ProductName;
import dev.stockroom.core.catalog.domain.Quantity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductPatchTest {
    private static final Photo PHOTO = Photo.external("https://example.test/k.png");
    private static final ProductDetails CURRENT = new ProductDetails(
            new ProductName("Kettle"),
            Price.parse("12.50"),
            new Description("Boils water."),
            new Quantity(3),
            Optional.of(PHOTO));

    @Test
    void leaves_every_field_alone_when_nothing_is_given() {
        ProductPatch patch = ProductPatch.builder().build();

        assertThat(patch.applyTo(CURRENT)).isEqualTo(CURRENT);
    }

    @Test
    void changes_only_the_fields_given() {
        ProductPatch patch = ProductPatch.builder().price("9.99").quantity("0").build();

        ProductDetails patched = patch.applyTo(CURRENT);

        assertThat(patched)
                .isEqualTo(new ProductDetails(
                        CURRENT.name(), Price.parse("9.99"), CURRENT.description(), new Quantity(0), CURRENT.photo()));
    }

    @Test
    void changes_every_field() {
        Photo other = Photo.external("http://example.test/other.jpg");

        ProductDetails patched = ProductPatch.builder()
                .name("Teapot")
                .price("1")
                .description("New.")
                .quantity("8")
                .photoUrl(other.toString())
                .build()
                .applyTo(CURRENT);

        assertThat(patched)
                .isEqualTo(new ProductDetails(
                        new ProductName("Teapot"),
                        Price.parse("1"),
                        new Description("New."),
                        new Quantity(8),
                        Optional.of(other)));
    }

    @Test
    void clears_description_and_photo_with_null() {
        ProductDetails patched =
                ProductPatch.builder().description(null).photoUrl(null).build().applyTo(CURRENT);

        assertThat(patched.description()).isEqualTo(Description.EMPTY);
        assertThat(patched.photo()).isEmpty();
        assertThat(patched.name()).isEqualTo(CURRENT.name());
    }

    @Test
    void clears_description_and_photo_with_empty_text() {
        ProductDetails patched =
                ProductPatch.builder().description("").photoUrl("").build().applyTo(CURRENT);

        assertThat(patched.description()).isEqualTo(Description.EMPTY);
        assertThat(patched.photo()).isEmpty();
    }

    @Test
    void tells_a_photo_not_given_from_one_removed() {
        assertThat(ProductPatch.builder().build().photo()).isEmpty();
        assertThat(ProductPatch.builder().photoUrl(null).build().photo()).contains(Optional.empty());
        assertThat(ProductPatch.builder().photo(Optional.of(PHOTO)).build().photo())
                .contains(Optional.of(PHOTO));
    }

    @Test
    void refuses_to_clear_name_price_or_quantity() {
        CatalogFailure.InvalidInput failure = catchThrowableOfType(
                CatalogFailure.InvalidInput.class,
                () -> ProductPatch.builder()
                        .name(null)
                        .price(null)
                        .quantity(null)
                        .build());

        assertThat(failure.fieldErrors())
                .isEqualTo(Map.of(
                        "name", List.of("This field cannot be cleared."),
                        "price", List.of("This field cannot be cleared."),
                        "quantity", List.of("This field cannot be cleared.")));
    }

    @Test
    void reports_every_bad_field_given_at_once() {
        CatalogFailure.InvalidInput failure = catchThrowableOfType(
                CatalogFailure.InvalidInput.class,
                () -> ProductPatch.builder()
                        .name(" ")
                        .price("10000000000")
                        .description("d".repeat(5001))
                        .quantity("2147483648")
                        .photoUrl("javascript:alert(1)")
                        .build());

        assertThat(failure.fieldErrors())
                .isEqualTo(Map.of(
                        "name", List.of("This field is required."),
                        "price", List.of("Must be less than 10000000000."),
                        "description", List.of("Must be at most 5000 characters."),
                        "quantity", List.of("Must be at most 2147483647."),
                        "photo", List.of("Enter an http or https URL.")));
    }
}
