package dev.stockroom.bootstrap.e2e;

import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stockroom.bootstrap.e2e.HttpApi.Reply;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the service, as behind a load balancer: one database, one bucket, and each its
 * own data directory (so nothing is shared on disk). A photo uploaded through either is served by
 * both, and a photo replaced through one is gone from both.
 */
abstract class SharedBucketTest {

    abstract RunningStockroom first();

    abstract RunningStockroom second();

    private final CatalogFlowsTest onFirst = new CatalogFlowsTest() {
        @Override
        RunningStockroom stockroom() {
            return first();
        }
    };

    private final CatalogFlowsTest onSecond = new CatalogFlowsTest() {
        @Override
        RunningStockroom stockroom() {
            return second();
        }
    };

    private final AccountFlowsTest accountsOnSecond = new AccountFlowsTest() {
        @Override
        RunningStockroom stockroom() {
            return second();
        }
    };

    @Test
    void each_instance_serves_the_photos_the_other_stored() throws Exception {
        assertThat(first().dataDir).isNotEqualTo(second().dataDir);
        String[] user = onFirst.verifiedUser();
        long id = onFirst.addProduct(user[1], "Shared " + AccountFlowsTest.unique());
        byte[] png = CatalogFlowsTest.png(5);

        Reply uploaded = onFirst.multipart("/products/" + id + "/photo/", user[1], Map.of(), "photo", "a.png", png);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
        String path = URI.create(uploaded.body().at("/data/photo").asText()).getRawPath();

        JsonNode detail =
                second().http.get("/products/" + id + "/detail/", null).body();
        // The detail is the sketch's bare object.
        assertThat(URI.create(detail.get("photo").asText()).getRawPath()).isEqualTo(path);
        Reply servedBySecond = second().http.get(path, null);
        assertThat(servedBySecond.status()).as(servedBySecond.toString()).isEqualTo(200);
        assertThat(servedBySecond.bytes()).isEqualTo(png);

        // The same user, signed in on the second instance, replaces the photo there.
        Reply login = accountsOnSecond.login(user[0], AccountFlowsTest.PASSWORD);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        byte[] replacement = CatalogFlowsTest.png(6);
        Reply replaced = onSecond.multipart(
                "/products/" + id + "/photo/", login.text("access_token"), Map.of(), "photo", "b.png", replacement);
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        String newPath = URI.create(replaced.body().at("/data/photo").asText()).getRawPath();

        Reply servedByFirst = first().http.get(newPath, null);
        assertThat(servedByFirst.status()).as(servedByFirst.toString()).isEqualTo(200);
        assertThat(servedByFirst.bytes()).isEqualTo(replacement);
        assertError(first().http.get(path, null), 404);
        assertError(second().http.get(path, null), 404);
        assertThat(photoFiles(first().dataDir)).isZero();
        assertThat(photoFiles(second().dataDir)).isZero();
    }

    private static long photoFiles(Path dataDir) throws java.io.IOException {
        Path photos = dataDir.resolve("photos");
        if (!Files.isDirectory(photos)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(photos)) {
            return files.count();
        }
    }
}
