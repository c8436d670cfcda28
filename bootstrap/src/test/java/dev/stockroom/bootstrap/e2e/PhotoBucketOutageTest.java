package dev.stockroom.bootstrap.e2e;

import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stockroom.adapters.storage.s3.testing.TestS3;
import dev.stockroom.bootstrap.e2e.HttpApi.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The S3 photo store when its bucket goes away under a running service: an upload is answered 503
 * and stores nothing, the admin port's {@code photos} check turns unhealthy, and both recover when
 * the bucket is back.
 */
class PhotoBucketOutageTest {
    static final PhotosOnS3 BUCKET = PhotosOnS3.newBucket();

    @RegisterExtension
    static final RunningStockroom STOCKROOM = RunningStockroom.onEmbeddedH2().with(BUCKET);

    private final CatalogFlowsTest catalog = new CatalogFlowsTest() {
        @Override
        RunningStockroom stockroom() {
            return STOCKROOM;
        }
    };

    @Test
    void a_lost_bucket_answers_503_and_turns_the_health_check_unhealthy_until_it_is_back() throws Exception {
        String token = catalog.verifiedUser()[1];
        long id = catalog.addProduct(token, "Outage " + AccountFlowsTest.unique());
        assertThat(health().at("/photos/healthy").asBoolean()).isTrue();

        removeBucket();
        try {
            Reply refused = catalog.multipart("/products/" + id + "/photo/", token, Map.of(), "photo", "x.png", png());
            assertError(refused, 503);
            assertThat(refused.header("Retry-After")).isNotBlank();
            JsonNode photos = health().get("photos");
            assertThat(photos.get("healthy").asBoolean()).isFalse();
            assertThat(photos.get("message").asText())
                    .contains(BUCKET.bucket())
                    .contains("404")
                    .doesNotContain(TestS3.SECRET_ACCESS_KEY);
            JsonNode product =
                    catalog.http().get("/products/" + id + "/detail/", null).body();
            assertThat(product.get("photo").isNull()).as(product.toString()).isTrue();
        } finally {
            TestS3.shared().client().createBucket(request -> request.bucket(BUCKET.bucket()));
        }

        assertThat(health().at("/photos/healthy").asBoolean()).isTrue();
        Reply stored = catalog.multipart("/products/" + id + "/photo/", token, Map.of(), "photo", "x.png", png());
        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        String path = URI.create(stored.body().at("/data/photo").asText()).getRawPath();
        assertThat(catalog.http().get(path, null).bytes()).isEqualTo(png());
    }

    private static byte[] png() throws java.io.IOException {
        return CatalogFlowsTest.png(4);
    }

    private static void removeBucket() {
        var s3 = TestS3.shared().client();
        for (String key : BUCKET.keys()) {
            s3.deleteObject(request -> request.bucket(BUCKET.bucket()).key(key));
        }
        s3.deleteBucket(request -> request.bucket(BUCKET.bucket()));
    }

    private static JsonNode health() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + STOCKROOM.app.getAdminPort() + "/healthcheck"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }
}
