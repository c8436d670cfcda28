package dev.stockroom.core.catalog.domain;

import java.io.InputStream;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A stored photo file, ready to be served. {@code content} opens a fresh stream on each call (the
 * caller closes it) and throws {@link dev.stockroom.core.shared.StorageUnavailable} when it cannot.
 */
public record StoredPhoto(PhotoType type, long size, Supplier<InputStream> content) {
    public StoredPhoto {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(content, "content");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }
}
