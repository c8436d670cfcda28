package dev.stockroom.core.catalog.port.in;

import dev.stockroom.core.catalog.domain.CatalogFailure;
import dev.stockroom.core.catalog.domain.Description;
import dev.stockroom.core.catalog.domain.Photo;
import dev.stockroom.core.catalog.domain.Price;
import dev.stockroom.core.catalog.domain.ProductDetails;
import dev.stockroom.core.catalog.domain.ProductName;
import dev.stockroom.core.catalog.domain.Quantity;
import dev.stockroom.core.shared.InvalidValue;
import dev.stockroom.core.shared.Violations;
import java.util.Objects;
import java.util.Optional;

/**
 * A partial change (PATCH): an empty component leaves that field as it is. Description and photo
 * can also be cleared, so {@code photo} tells "not given" (outer empty) from "remove the photo"
 * (inner empty); a cleared description is {@link Description#EMPTY}. Name, price and quantity
 * cannot be cleared.
 *
 * <p>Built with {@link #builder()}, whose setters are called only for the fields the client sent.
 */
public record ProductPatch(
        Optional<ProductName> name,
        Optional<Price> price,
        Optional<Description> description,
        Optional<Quantity> quantity,
        Optional<Optional<Photo>> photo,
        AttributeChanges attributes) {

    public ProductPatch {
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(photo, "photo");
        photo.ifPresent(p -> Objects.requireNonNull(p, "photo"));
    }

    /** A patch of the sketch's fields only. */
    public ProductPatch(
            Optional<ProductName> name,
            Optional<Price> price,
            Optional<Description> description,
            Optional<Quantity> quantity,
            Optional<Optional<Photo>> photo) {
        this(name, price, description, quantity, photo, AttributeChanges.NONE);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The details after this patch. */
    public ProductDetails applyTo(ProductDetails current) {
        return new ProductDetails(
                name.orElse(current.name()),
                price.orElse(current.price()),
                description.orElse(current.description()),
                quantity.orElse(current.quantity()),
                photo.orElse(current.photo()),
                attributes.applyTo(current.attributes()));
    }

    /** Collects the fields a client sent, checking each, and fails once with every bad field. */
    public static final class Builder {
        private static final String NOT_CLEARABLE = "This field cannot be cleared.";
        private final Violations violations = new Violations();
        private Optional<ProductName> name = Optional.empty();
        private Optional<Price> price = Optional.empty();
        private Optional<Description> description = Optional.empty();
        private Optional<Quantity> quantity = Optional.empty();
        private Optional<Optional<Photo>> photo = Optional.empty();
        private final AttributeChanges.Builder attributes = AttributeChanges.builder(violations);

        private Builder() {}

        /** The catalogue attributes, checked into this patch's violations. */
        public AttributeChanges.Builder attributes() {
            return attributes;
        }

        public Builder name(String value) {
            name = Optional.ofNullable(violations.field("name", () -> new ProductName(notCleared(value))));
            return this;
        }

        /** Price as text; see {@link ProductDraft#of}. */
        public Builder price(String value) {
            price = Optional.ofNullable(violations.field("price", () -> Price.parse(notCleared(value))));
            return this;
        }

        /** Null or empty clears the description. */
        public Builder description(String value) {
            description = Optional.ofNullable(violations.field("description", () -> new Description(value)));
            return this;
        }

        /** Quantity as text; see {@link ProductDraft#of}. */
        public Builder quantity(String value) {
            quantity = Optional.ofNullable(violations.field("quantity", () -> Quantity.parse(notCleared(value))));
            return this;
        }

        /** Null or empty removes the photo; otherwise an http(s) URL. */
        public Builder photoUrl(String value) {
            if (ProductDraft.isEmpty(value)) {
                photo = Optional.of(Optional.empty());
            } else {
                Photo external = violations.field("photo", () -> Photo.external(value));
                photo = external == null ? Optional.empty() : Optional.of(Optional.of(external));
            }
            return this;
        }

        /** Sets the photo directly: for an edge that recognises its own stored photo's URL. */
        public Builder photo(Optional<Photo> value) {
            photo = Optional.of(Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * The patch, once every field given is valid.
         *
         * @throws CatalogFailure.InvalidInput naming each bad field given
         */
        public ProductPatch build() {
            violations.throwIfAny(CatalogFailure.InvalidInput::new);
            return new ProductPatch(name, price, description, quantity, photo, attributes.changes());
        }

        private static String notCleared(String value) {
            if (value == null) {
                throw new InvalidValue(NOT_CLEARABLE);
            }
            return value;
        }
    }
}
