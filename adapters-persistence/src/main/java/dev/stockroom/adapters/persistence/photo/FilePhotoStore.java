package dev.stockroom.adapters.persistence.photo;

import dev.stockroom.core.catalog.domain.PhotoKey;
import dev.stockroom.core.catalog.domain.PhotoType;
import dev.stockroom.core.catalog.domain.StoredPhoto;
import dev.stockroom.core.catalog.port.out.PhotoStore;
import dev.stockroom.core.shared.StorageUnavailable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;

/**
 * Photos as files in one directory, each named by its key and nothing else. A file appears under
 * its key only once it is complete: it is written and synced under a temporary name in the same
 * directory, then renamed atomically, so a reader or a crash never sees half a photo. Temporary
 * names do not have the form of a key, so a left-over one can never be served.
 */
public final class FilePhotoStore implements PhotoStore {
    private static final String TEMP_PREFIX = ".upload-";
    private static final String TEMP_SUFFIX = ".tmp";

    private final Path directory;
    private final SecureRandom random;

    /** Keeps photos in {@code directory}, created on the first upload if need be. */
    public FilePhotoStore(Path directory, SecureRandom random) {
        this.directory = directory.toAbsolutePath().normalize();
        this.random = Objects.requireNonNull(random, "random");
    }

    // Keys carry 128 random bits, so a new key never names an existing file and the rename
    // (which would replace one) is safe.
    @Override
    public PhotoKey store(byte[] content, PhotoType type) {
        Objects.requireNonNull(content, "content");
        PhotoKey key = PhotoKey.random(random, type);
        Path target = fileOf(key);
        Path temp = null;
        try {
            Files.createDirectories(directory);
            temp = Files.createTempFile(directory, TEMP_PREFIX, TEMP_SUFFIX);
            writeDurably(temp, content);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            deleteQuietly(temp, e);
            throw new StorageUnavailable("Could not store a photo", e);
        }
    }

    @Override
    public Optional<StoredPhoto> open(PhotoKey key) {
        Path file = fileOf(key);
        try {
            long size = Files.size(file);
            return Optional.of(new StoredPhoto(key.type(), size, () -> read(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StorageUnavailable("Could not open a photo", e);
        }
    }

    @Override
    public void delete(PhotoKey key) {
        try {
            Files.deleteIfExists(fileOf(key));
        } catch (IOException e) {
            throw new StorageUnavailable("Could not delete a photo", e);
        }
    }

    private Path fileOf(PhotoKey key) {
        return fileIn(directory, key.value());
    }

    /**
     * The file called {@code name} directly inside {@code directory}. A {@link PhotoKey} is already
     * a plain file name; checking again here keeps a future change of the key format from opening
     * a path traversal.
     *
     * @throws IllegalArgumentException if {@code name} would lead anywhere else
     */
    static Path fileIn(Path directory, String name) {
        Path file = directory.resolve(name).normalize();
        if (!directory.equals(file.getParent())) {
            throw new IllegalArgumentException("Not a file name inside the photo directory: " + name);
        }
        return file;
    }

    private static void writeDurably(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            // Without this a crash soon after the rename could leave an empty file under the key.
            channel.force(true);
        }
    }

    private static InputStream read(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new StorageUnavailable("Could not read a photo", e);
        }
    }

    private static void deleteQuietly(Path temp, IOException cause) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
