package dev.stockroom.core.catalog.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * The catalogue rules an operator may tune, as the core sees them; {@link #defaults()} is what
 * DESIGN.md specifies. The page size bound is part of the API contract and lives in
 * {@link ProductQuery#MAX_PAGE_SIZE}.
 *
 * @param maxPhotoBytes     the largest photo upload accepted, in bytes
 * @param deletedRetention how long a soft-deleted product can be restored; housekeeping then
 *                         removes it and its photo
 */
public record CatalogPolicy(int maxPhotoBytes, Duration deletedRetention) {
    public static final int DEFAULT_MAX_PHOTO_BYTES = 5 * 1024 * 1024;
    public static final Duration DEFAULT_DELETED_RETENTION = Duration.ofDays(30);

    public CatalogPolicy {
        if (maxPhotoBytes < 1) {
            throw new IllegalArgumentException("maxPhotoBytes must be positive");
        }
        Objects.requireNonNull(deletedRetention, "deletedRetention");
        if (deletedRetention.isNegative() || deletedRetention.isZero()) {
            throw new IllegalArgumentException("deletedRetention must be positive");
        }
    }

    /** With the default retention of deleted products. */
    public CatalogPolicy(int maxPhotoBytes) {
        this(maxPhotoBytes, DEFAULT_DELETED_RETENTION);
    }

    public static CatalogPolicy defaults() {
        return new CatalogPolicy(DEFAULT_MAX_PHOTO_BYTES, DEFAULT_DELETED_RETENTION);
    }

    /** This policy with another retention of deleted products. */
    public CatalogPolicy withDeletedRetention(Duration retention) {
        return new CatalogPolicy(maxPhotoBytes, retention);
    }
}
