package dev.stockroom.adapters.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.adapters.storage.s3.testing.TestS3;
import dev.stockroom.core.catalog.domain.PhotoKey;
import dev.stockroom.core.catalog.domain.PhotoType;
import dev.stockroom.core.catalog.domain.StoredPhoto;
import dev.stockroom.core.catalog.port.out.PhotoStore;
import dev.stockroom.core.contract.PhotoStoreContract;
import dev.stockroom.core.shared.StorageUnavailable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/** PhotoStoreContract against a real S3-compatible server (S3Mock, in this JVM), and what only S3 can get wrong. */
class S3PhotoStoreTest extends PhotoStoreContract {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};
    private static final TestS3 S3 = TestS3.shared();

    private String bucket;
    private S3PhotoStore store;

    @BeforeEach
    void new_bucket() {
        bucket = S3.newBucket();
        store = S3PhotoStore.create(S3.settings(bucket, "photos"), new SecureRandom());
    }

    @AfterEach
    void close_the_client() {
        store.close();
    }

    @Override
    protected PhotoStore photos() {
        return store;
    }

    @Test
    void keeps_each_photo_under_the_key_prefix_with_its_media_type() {
        PhotoKey key = store.store(PNG, PhotoType.PNG);

        assertThat(S3.keys(bucket)).containsExactly("photos/" + key.value());
        var head = S3.client().headObject(request -> request.bucket(bucket).key("photos/" + key.value()));
        assertThat(head.contentType()).isEqualTo("image/png");
        assertThat(head.contentLength()).isEqualTo(PNG.length);
    }

    @Test
    void serves_a_photo_another_store_on_the_same_bucket_stored() throws IOException {
        PhotoKey key = store.store(PNG, PhotoType.PNG);

        try (S3PhotoStore other = S3PhotoStore.create(S3.settings(bucket, "photos/"), new SecureRandom())) {
            assertThat(read(other.open(key).orElseThrow())).isEqualTo(PNG);
            other.delete(key);
        }

        assertThat(store.open(key)).isEmpty();
    }

    @Test
    void does_not_see_photos_under_another_prefix() {
        PhotoKey key = store.store(PNG, PhotoType.PNG);

        try (S3PhotoStore elsewhere = S3PhotoStore.create(S3.settings(bucket, "other-shop/"), new SecureRandom())) {
            assertThat(elsewhere.open(key)).isEmpty();
        }
    }

    @Test
    void does_not_serve_an_object_that_is_not_under_its_key() {
        PhotoKey key = new PhotoKey("0123456789abcdef0123456789abcdef.png");
        // The same name without the prefix, as a misconfigured store or another tool might have left it.
        S3.client().putObject(request -> request.bucket(bucket).key(key.value()), RequestBody.fromBytes(PNG));

        assertThat(store.open(key)).isEmpty();
    }

    @Test
    void reports_a_photo_deleted_between_open_and_read_as_storage_unavailable() {
        PhotoKey key = store.store(PNG, PhotoType.PNG);
        StoredPhoto stored = store.open(key).orElseThrow();
        store.delete(key);

        assertThatThrownBy(() -> stored.content().get()).isInstanceOf(StorageUnavailable.class);
    }

    @Test
    void checks_a_bucket_that_is_there() {
        store.checkBucket();
    }

    @Test
    void reports_a_missing_bucket_as_storage_unavailable_everywhere() {
        try (S3PhotoStore missing =
                S3PhotoStore.create(S3.settings("no-such-bucket-here", "photos/"), new SecureRandom())) {
            assertThatThrownBy(missing::checkBucket)
                    .isInstanceOf(StorageUnavailable.class)
                    .hasMessageContaining("no-such-bucket-here")
                    .hasMessageContaining("404");
            assertThatThrownBy(() -> missing.store(PNG, PhotoType.PNG)).isInstanceOf(StorageUnavailable.class);
            assertThatThrownBy(() -> missing.delete(new PhotoKey("0123456789abcdef0123456789abcdef.png")))
                    .isInstanceOf(StorageUnavailable.class);
        }
    }

    @Test
    void reports_a_server_it_cannot_reach_as_storage_unavailable() throws IOException {
        URI nobody = URI.create("http://127.0.0.1:" + closedPort());
        S3Settings settings = new S3Settings(
                Optional.of(nobody),
                TestS3.REGION,
                bucket,
                "",
                true,
                Optional.empty(),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(5));
        PhotoKey key = new PhotoKey("0123456789abcdef0123456789abcdef.png");
        try (S3PhotoStore unreachable = S3PhotoStore.create(settings, new SecureRandom())) {
            assertThatThrownBy(() -> unreachable.store(PNG, PhotoType.PNG)).isInstanceOf(StorageUnavailable.class);
            assertThatThrownBy(() -> unreachable.open(key)).isInstanceOf(StorageUnavailable.class);
            assertThatThrownBy(() -> unreachable.delete(key)).isInstanceOf(StorageUnavailable.class);
            assertThatThrownBy(unreachable::checkBucket)
                    .isInstanceOf(StorageUnavailable.class)
                    .hasMessageContaining(bucket);
        }
    }

    @Test
    void never_shows_the_secret_in_its_settings() {
        S3Settings settings = S3.settings(bucket, "photos");

        assertThat(settings.toString()).contains(TestS3.ACCESS_KEY_ID).doesNotContain(TestS3.SECRET_ACCESS_KEY);
        assertThat(settings.describe()).doesNotContain(TestS3.SECRET_ACCESS_KEY);
        assertThat(settings.credentials().orElseThrow().toString()).doesNotContain(TestS3.SECRET_ACCESS_KEY);
    }

    private static byte[] read(StoredPhoto photo) throws IOException {
        try (InputStream in = photo.content().get()) {
            return in.readAllBytes();
        }
    }

    /** A port nothing listens on (closed again at once). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
