package dev.stockroom.adapters.persistence.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.catalog.domain.PhotoKey;
import dev.stockroom.core.catalog.domain.PhotoType;
import dev.stockroom.core.catalog.port.out.PhotoStore;
import dev.stockroom.core.contract.PhotoStoreContract;
import dev.stockroom.core.shared.StorageUnavailable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PhotoStoreContract on a directory that does not exist yet, and what only files can get wrong. */
class FilePhotoStoreTest extends PhotoStoreContract {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};

    @TempDir
    Path temp;

    private Path directory() {
        return temp.resolve("data").resolve("photos");
    }

    @Override
    protected PhotoStore photos() {
        return new FilePhotoStore(directory(), new SecureRandom());
    }

    @Test
    void leaves_only_the_file_named_by_its_key() throws IOException {
        PhotoKey key = photos().store(PNG, PhotoType.PNG);

        assertThat(fileNames(directory())).containsExactly(key.value());
        assertThat(Files.readAllBytes(directory().resolve(key.value()))).isEqualTo(PNG);
    }

    @Test
    void leaves_no_temporary_file_when_the_rename_fails() throws IOException {
        PhotoStore photos = new FilePhotoStore(directory(), new ZeroRandom());
        // The name the next key will have, taken by a directory that a rename cannot replace.
        Path taken = Files.createDirectories(directory().resolve("00000000000000000000000000000000.png"));
        Files.writeString(taken.resolve("keep"), "x");

        assertThatThrownBy(() -> photos.store(PNG, PhotoType.PNG)).isInstanceOf(StorageUnavailable.class);
        assertThat(fileNames(directory())).containsExactly(taken.getFileName().toString());
    }

    @Test
    void reports_a_directory_it_cannot_create_as_storage_unavailable() throws IOException {
        Path notADirectory = Files.writeString(temp.resolve("occupied"), "a file where the directory should be");
        PhotoStore photos = new FilePhotoStore(notADirectory, new SecureRandom());

        assertThatThrownBy(() -> photos.store(PNG, PhotoType.PNG)).isInstanceOf(StorageUnavailable.class);
        assertThat(Files.readString(notADirectory)).isEqualTo("a file where the directory should be");
    }

    @Test
    void reports_a_photo_deleted_between_open_and_read_as_storage_unavailable() {
        PhotoKey key = photos().store(PNG, PhotoType.PNG);
        var stored = photos().open(key).orElseThrow();
        photos().delete(key);

        assertThatThrownBy(() -> stored.content().get()).isInstanceOf(StorageUnavailable.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escaped.png", "../photos-elsewhere/x.png", "/etc/passwd", "sub/x.png", "..", ".", ""})
    void refuses_a_name_that_leaves_the_directory(String name) {
        Path directory = directory().toAbsolutePath().normalize();

        assertThatThrownBy(() -> FilePhotoStore.fileIn(directory, name)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resolves_a_plain_name_inside_the_directory() {
        Path directory = directory().toAbsolutePath().normalize();

        assertThat(FilePhotoStore.fileIn(directory, "0123456789abcdef0123456789abcdef.png"))
                .isEqualTo(directory.resolve("0123456789abcdef0123456789abcdef.png"));
    }

    /** Always the same "random" bytes, so that a test knows the next key. */
    private static final class ZeroRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;

        @Override
        public void nextBytes(byte[] bytes) {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }
}
