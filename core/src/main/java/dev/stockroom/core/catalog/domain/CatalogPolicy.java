package dev.stockroom.core.catalog.domain;

/**
 * The catalogue rules an operator may tune, as the core sees them; {@link #defaults()} is what
 * DESIGN.md specifies. The page size bound is part of the API contract and lives in
 * {@link ProductQuery#MAX_PAGE_SIZE}.
 *
 * @param maxPhotoBytes the largest photo upload accepted, in bytes
 */
public record CatalogPolicy(int maxPhotoBytes) {
    public static final int DEFAULT_MAX_PHOTO_BYTES = 5 * 1024 * 1024;

    public CatalogPolicy {
        if (maxPhotoBytes < 1) {
            throw new IllegalArgumentException("maxPhotoBytes must be positive");
        }
    }

    public static CatalogPolicy defaults() {
        return new CatalogPolicy(DEFAULT_MAX_PHOTO_BYTES);
    }
}
