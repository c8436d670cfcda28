package dev.stockroom.core.testing;

import dev.stockroom.core.catalog.domain.PhotoKey;
import dev.stockroom.core.catalog.domain.PhotoType;
import dev.stockroom.core.catalog.domain.StoredPhoto;
import dev.stockroom.core.catalog.port.out.PhotoStore;
import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link PhotoStore} in memory. Like files on disk it takes no part in transactions, which is
 * exactly what the use cases have to cope with.
 */
public final class InMemoryPhotoStore implements PhotoStore {
    private final SecureRandom random = new SecureRandom();
    private final Map<PhotoKey, byte[]> files = new ConcurrentHashMap<>();

    @Override
    public PhotoKey store(byte[] content, PhotoType type) {
        Objects.requireNonNull(content, "content");
        byte[] copy = content.clone();
        while (true) {
            PhotoKey key = PhotoKey.random(random, type);
            if (files.putIfAbsent(key, copy) == null) {
                return key;
            }
        }
    }

    @Override
    public Optional<StoredPhoto> open(PhotoKey key) {
        byte[] content = files.get(Objects.requireNonNull(key, "key"));
        return Optional.ofNullable(content)
                .map(bytes -> new StoredPhoto(key.type(), bytes.length, () -> new ByteArrayInputStream(bytes)));
    }

    @Override
    public void delete(PhotoKey key) {
        files.remove(Objects.requireNonNull(key, "key"));
    }

    /** The keys of every stored photo, for tests that check nothing is orphaned or lost. */
    public Set<PhotoKey> keys() {
        return Set.copyOf(files.keySet());
    }
}
