package dev.stockroom.core.catalog.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What a shop's catalogue adds to the sketch's product: SKU, barcode, slug, status, category and
 * tags. The slug is empty only until the catalogue gives the product one (and on a product a
 * store was handed without one).
 */
public record ProductAttributes(
        Optional<Sku> sku,
        Optional<Barcode> barcode,
        Optional<Slug> slug,
        ProductStatus status,
        Optional<Category> category,
        Tags tags) {

    /** A sketch product's: published, nothing else set. */
    public static final ProductAttributes DEFAULT = new ProductAttributes(
            Optional.empty(), Optional.empty(), Optional.empty(), ProductStatus.PUBLISHED, Optional.empty(), Tags.NONE);

    public ProductAttributes {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(barcode, "barcode");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(tags, "tags");
    }

    public ProductAttributes withSlug(Optional<Slug> newSlug) {
        return new ProductAttributes(sku, barcode, newSlug, status, category, tags);
    }

    public boolean isPublished() {
        return status == ProductStatus.PUBLISHED;
    }
}
