package dev.stockroom.core.catalog.domain;

import java.util.List;
import java.util.Objects;

/**
 * One of a product's images: the uploaded file (metadata stripped) and its two thumbnails, each a
 * stored photo, and its place in the product's list (0 is first, the product's {@code photo}).
 */
public record ProductImage(
        ImageId id, ProductId product, int position, PhotoKey original, PhotoKey small, PhotoKey medium) {

    public ProductImage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(small, "small");
        Objects.requireNonNull(medium, "medium");
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative: " + position);
        }
    }

    /** Every stored file of this image. */
    public List<PhotoKey> files() {
        return List.of(original, small, medium);
    }

    public ProductImage at(int newPosition) {
        return new ProductImage(id, product, newPosition, original, small, medium);
    }
}
