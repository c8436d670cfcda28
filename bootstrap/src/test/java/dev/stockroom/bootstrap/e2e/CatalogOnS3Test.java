package dev.stockroom.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stockroom.bootstrap.e2e.HttpApi.Reply;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole catalogue suite with {@code photoStore: s3}, and where the photos then are: objects in
 * the bucket under the key prefix, no file in the data directory.
 */
abstract class CatalogOnS3Test extends CatalogFlowsTest {

    abstract PhotosOnS3 bucket();

    @Test
    void an_uploaded_photo_is_an_object_in_the_bucket_and_no_file() throws Exception {
        String token = verifiedUser()[1];
        byte[] png = png(11);
        long id = addProduct(token, "On S3 " + AccountFlowsTest.unique());

        Reply uploaded = multipart("/products/" + id + "/photo/", token, Map.of(), "photo", "s3.png", png);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
        JsonNode data = uploaded.body().get("data");
        String path = URI.create(data.get("photo").asText()).getRawPath();
        String key = path.substring(path.lastIndexOf('/') + 1);

        assertThat(bucket().keys()).contains(PhotosOnS3.PREFIX + key);
        Path photosDir = stockroom().dataDir.resolve("photos");
        assertThat(Files.exists(photosDir.resolve(key))).isFalse();
        Reply served = http().get(path, null);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.bytes()).isEqualTo(png);
    }
}
