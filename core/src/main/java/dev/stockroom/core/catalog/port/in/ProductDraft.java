package dev.stockroom.core.catalog.port.in;

import dev.stockroom.core.catalog.domain.CatalogFailure;
import dev.stockroom.core.catalog.domain.Description;
import dev.stockroom.core.catalog.domain.Photo;
import dev.stockroom.core.catalog.domain.Price;
import dev.stockroom.core.catalog.domain.ProductDetails;
import dev.stockroom.core.catalog.domain.ProductName;
import dev.stockroom.core.catalog.domain.Quantity;
import dev.stockroom.core.shared.Violations;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every editable field of a product, as given to add or replace (PUT) one. A missing description
 * or photo means none.
 *
 * <p>The photo may be {@link Photo.Stored} only to keep the product's current stored photo (a
 * client that sends back the photo URL it was given); a new stored photo arrives as an upload.
 */
public record ProductDraft(ProductDetails details, AttributeChanges attributes) {

    public ProductDraft {
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(attributes, "attributes");
    }

    /** Exactly these details, attributes included. */
    public ProductDraft(ProductDetails details) {
        this(details, AttributeChanges.NONE);
    }

    /**
     * Checks every field at once. Price and quantity are text because that is how a JSON number
     * or string reaches the edge; {@code photoUrl} is null, empty or an http(s) URL.
     *
     * @throws CatalogFailure.InvalidInput naming each bad field
     */
    public static ProductDraft of(String name, String price, String description, String quantity, String photoUrl) {
        return of(name, price, description, quantity, photoUrl, v -> AttributeChanges.NONE);
    }

    /**
     * As {@link #of(String, String, String, String, String)}, with the catalogue attributes the
     * client sent, read by {@code attributes} into the same violations.
     */
    public static ProductDraft of(
            String name,
            String price,
            String description,
            String quantity,
            String photoUrl,
            Function<Violations, AttributeChanges> attributes) {
        Violations v = new Violations();
        ProductName productName = v.field("name", () -> new ProductName(name));
        Price productPrice = v.field("price", () -> Price.parse(price));
        Description text = v.field("description", () -> new Description(description));
        Quantity stock = v.field("quantity", () -> Quantity.parse(quantity));
        Optional<Photo> photo = isEmpty(photoUrl)
                ? Optional.empty()
                : Optional.ofNullable(v.field("photo", () -> Photo.external(photoUrl)));
        AttributeChanges changes = attributes.apply(v);
        v.throwIfAny(CatalogFailure.InvalidInput::new);
        return new ProductDraft(new ProductDetails(productName, productPrice, text, stock, photo), changes);
    }

    /** The details of a new product: the attributes not given keep their defaults. */
    public ProductDetails newDetails() {
        return details.withAttributes(attributes.applyTo(details.attributes()));
    }

    /** The details replacing {@code current} (PUT): the attributes not given keep their values. */
    public ProductDetails replacing(ProductDetails current) {
        return details.withAttributes(attributes.applyTo(current.attributes()));
    }

    /** This draft with another photo: for an edge that recognises its own stored photo's URL. */
    public ProductDraft withPhoto(Optional<Photo> photo) {
        return new ProductDraft(details.withPhoto(photo), attributes);
    }

    static boolean isEmpty(String text) {
        return text == null || text.isBlank();
    }
}
