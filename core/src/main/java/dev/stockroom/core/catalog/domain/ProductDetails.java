package dev.stockroom.core.catalog.domain;

import java.util.Objects;
import java.util.Optional;

/** The part of a product its owner edits; everything else (id, owner, version, times) the service keeps. */
public record ProductDetails(
        ProductName name,
        Price price,
        Description description,
        Quantity quantity,
        Optional<Photo> photo,
        ProductAttributes attributes) {

    public ProductDetails {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(attributes, "attributes");
    }

    /** The sketch's fields, with the {@link ProductAttributes#DEFAULT default attributes}. */
    public ProductDetails(
            ProductName name, Price price, Description description, Quantity quantity, Optional<Photo> photo) {
        this(name, price, description, quantity, photo, ProductAttributes.DEFAULT);
    }

    public ProductDetails withPhoto(Optional<Photo> newPhoto) {
        return new ProductDetails(name, price, description, quantity, newPhoto, attributes);
    }

    public ProductDetails withAttributes(ProductAttributes newAttributes) {
        return new ProductDetails(name, price, description, quantity, photo, newAttributes);
    }

    public ProductDetails withQuantity(Quantity newQuantity) {
        return new ProductDetails(name, price, description, newQuantity, photo);
    }
}
