package dev.stockroom.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.core.catalog.domain.PhotoKey;
import dev.stockroom.core.catalog.domain.PhotoType;
import dev.stockroom.core.catalog.domain.StoredPhoto;
import dev.stockroom.core.catalog.port.out.PhotoStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every {@link PhotoStore} must do. Extend it and hand in the adapter under test. */
public abstract class PhotoStoreContract {

    protected abstract PhotoStore photos();

    @Test
    void gives_back_a_stored_photo_byte_for_byte() throws IOException {
        byte[] content = content(300_000);

        PhotoKey key = photos().store(content, PhotoType.PNG);

        StoredPhoto stored = photos().open(key).orElseThrow();
        assertThat(stored.type()).isEqualTo(PhotoType.PNG);
        assertThat(stored.size()).isEqualTo(content.length);
        assertThat(read(stored)).isEqualTo(content);
        assertThat(read(stored)).as("a second stream reads from the start").isEqualTo(content);
    }

    @ParameterizedTest
    @EnumSource(PhotoType.class)
    void names_the_type_in_the_key(PhotoType type) {
        PhotoKey key = photos().store(content(64), type);

        assertThat(key.type()).isEqualTo(type);
        assertThat(key.value()).endsWith("." + type.extension());
        assertThat(photos().open(key).orElseThrow().type()).isEqualTo(type);
    }

    @Test
    void gives_every_photo_a_new_key_even_for_the_same_content() {
        byte[] content = content(128);
        Set<PhotoKey> keys = new HashSet<>();

        for (int i = 0; i < 20; i++) {
            keys.add(photos().store(content, PhotoType.JPEG));
        }

        assertThat(keys).hasSize(20);
    }

    @Test
    void keeps_its_own_copy_of_the_content() throws IOException {
        byte[] content = content(32);
        byte[] original = content.clone();

        PhotoKey key = photos().store(content, PhotoType.GIF);
        content[0] = 0;

        assertThat(read(photos().open(key).orElseThrow())).isEqualTo(original);
    }

    @Test
    void deletes_a_photo_and_deletes_again_without_complaint() {
        PhotoKey key = photos().store(content(64), PhotoType.WEBP);
        PhotoKey other = photos().store(content(64), PhotoType.WEBP);

        photos().delete(key);
        photos().delete(key);

        assertThat(photos().open(key)).isEmpty();
        assertThat(photos().open(other)).isPresent();
    }

    @Test
    void finds_nothing_under_an_unknown_key() {
        PhotoKey unknown = new PhotoKey("00000000000000000000000000000000.png");

        assertThat(photos().open(unknown)).isEmpty();
        photos().delete(unknown);
    }

    private static byte[] content(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static byte[] read(StoredPhoto photo) throws IOException {
        try (InputStream in = photo.content().get()) {
            return in.readAllBytes();
        }
    }
}
