package dev.stockroom.core.catalog.domain;

import java.util.Objects;

/** An image to store, before the store has given it an id. */
public record NewProductImage(ProductId product, int position, PhotoKey original, PhotoKey small, PhotoKey medium) {

    public NewProductImage {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(small, "small");
        Objects.requireNonNull(medium, "medium");
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative: " + position);
        }
    }

    public ProductImage withId(ImageId id) {
        return new ProductImage(id, product, position, original, small, medium);
    }
}
