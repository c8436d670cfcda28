package dev.stockroom.core.catalog.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stockroom.core.catalog.domain.CatalogFailure;
import dev.stockroom.core.catalog.domain.Description;
import dev.stockroom.core.catalog.domain.Photo;
import dev.stockroom.core.catalog.domain.Price;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ProductDraftTest {

    @Test
    void reads_every_field() {
        ProductDraft draft = ProductDraft.of(" Kettle ", "12.5", " Boils water. ", "3", "https://example.test/k.png");

        assertThat(draft.details().name().value()).isEqualTo("Kettle");
        assertThat(draft.details().price()).isEqualTo(Price.parse("12.50"));
        assertThat(draft.details().description().value()).isEqualTo("Boils water.");
        assertThat(draft.details().quantity().value()).isEqualTo(3);
        assertThat(draft.details().photo()).contains(Photo.external("https://example.test/k.png"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void reads_a_missing_description_and_photo_as_none(String nothing) {
        ProductDraft draft = ProductDraft.of("Kettle", "0", nothing, "0", nothing);

        assertThat(draft.details().description()).isEqualTo(Description.EMPTY);
        assertThat(draft.details().photo()).isEmpty();
    }

    @Test
    void requires_name_price_and_quantity() {
        CatalogFailure.InvalidInput failure = catchThrowableOfType(
                CatalogFailure.InvalidInput.class, () -> ProductDraft.of(null, null, null, null, null));

        assertThat(failure.fieldErrors())
                .isEqualTo(Map.of(
                        "name", List.of("This field is required."),
                        "price", List.of("This field is required."),
                        "quantity", List.of("This field is required.")));
        assertThat(failure.getMessage()).isEqualTo("Some fields are not valid.");
    }

    @Test
    void reports_every_bad_field_at_once() {
        CatalogFailure.InvalidInput failure = catchThrowableOfType(
                CatalogFailure.InvalidInput.class,
                () -> ProductDraft.of("n".repeat(201), "1.005", "d".repeat(5001), "-1", "ftp://example.test/k.png"));

        assertThat(failure.fieldErrors())
                .isEqualTo(Map.of(
                        "name", List.of("Must be at most 200 characters."),
                        "price", List.of("Must have at most 2 decimal places."),
                        "description", List.of("Must be at most 5000 characters."),
                        "quantity", List.of("Must not be negative."),
                        "photo", List.of("Enter an http or https URL.")));
    }

    @Test
    void takes_another_photo() {
        ProductDraft draft = ProductDraft.of("Kettle", "1", null, "1", "https://example.test/a.png");
        Photo other = Photo.external("https://example.test/b.png");

        assertThat(draft.withPhoto(java.util.Optional.of(other)).details().photo())
                .contains(other);
        assertThat(draft.withPhoto(java.util.Optional.empty()).details().photo())
                .isEmpty();
    }
}
