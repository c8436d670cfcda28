package dev.stockroom.core.catalog.port.out;

import dev.stockroom.core.catalog.domain.PhotoKey;
import dev.stockroom.core.catalog.domain.PhotoType;
import dev.stockroom.core.catalog.domain.StoredPhoto;
import java.util.Optional;

/**
 * Where uploaded photo files are kept, under keys the store generates from a secure random
 * source (never from anything a client sent). Failures to read or write are
 * {@link dev.stockroom.core.shared.StorageUnavailable}.
 */
public interface PhotoStore {

    /** Stores {@code content}, already checked to be of {@code type}; returns its new key. */
    PhotoKey store(byte[] content, PhotoType type);

    /** The stored photo, or empty when nothing is stored under {@code key}. */
    Optional<StoredPhoto> open(PhotoKey key);

    /** Removes the photo; removing one that is not there does nothing. */
    void delete(PhotoKey key);
}
