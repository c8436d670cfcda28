package dev.stockroom.bootstrap.e2e;

import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.assertError;
import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.assertFieldError;
import static dev.stockroom.bootstrap.e2e.HttpApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stockroom.bootstrap.e2e.HttpApi.Reply;
import dev.stockroom.core.testing.TestImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Several images per product over real HTTP (issue 11): subclasses choose the database. */
abstract class ImageFlowsTest {
    abstract RunningStockroom stockroom();

    private final CatalogFlowsTest catalog = new CatalogFlowsTest() {
        @Override
        RunningStockroom stockroom() {
            return ImageFlowsTest.this.stockroom();
        }
    };

    HttpApi http() {
        return stockroom().http;
    }

    @Test
    void add_three_reorder_and_remove_and_the_photo_is_always_the_first_image() throws IOException {
        String token = catalog.verifiedUser()[1];
        long id = catalog.addProduct(token, "Vase " + AccountFlowsTest.unique());

        Reply first = addImage(id, token, TestImages.jpegWithExif(400, 300, 1), Map.of());
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.text("message")).isEqualTo("Image added");
        assertThat(first.header("ETag")).isEqualTo("\"v2\"");
        addImage(id, token, TestImages.pngWithText(300, 200), Map.of());
        Reply third = addImage(id, token, TestImages.gifWithComment(50, 50), Map.of("position", "0"));
        assertThat(third.status()).as(third.toString()).isEqualTo(201);

        JsonNode data = third.body().get("data");
        List<Long> ids = ids(data);
        assertThat(ids).hasSize(3);
        assertThat(data.get("images").get(0).get("url").asText()).endsWith(".gif");
        assertThat(positions(data)).containsExactly(0, 1, 2);
        assertThat(data.get("photo").asText()).isEqualTo(url(data, 0));

        List<Long> reversed = new ArrayList<>(ids);
        Collections.reverse(reversed);
        Reply reordered = http().send(
                        "/products/" + id + "/images/order/",
                        "PUT",
                        "application/json",
                        HttpApi.json(map("order", reversed)),
                        token);
        assertThat(reordered.status()).as(reordered.toString()).isEqualTo(200);
        assertThat(reordered.text("message")).isEqualTo("Images reordered");
        JsonNode afterReorder = reordered.body().get("data");
        assertThat(ids(afterReorder)).containsExactlyElementsOf(reversed);
        assertThat(afterReorder.get("photo").asText()).isEqualTo(url(afterReorder, 0));

        for (Object badOrder : List.of(
                map("order", reversed.subList(0, 2)),
                map("order", List.of(reversed.get(0), reversed.get(0), reversed.get(1))),
                map("order", List.of(reversed.get(0), reversed.get(1), 999_999_999L)),
                map("order", List.of("one", "two", "three")),
                map("sequence", reversed))) {
            Reply refused = http().send(
                            "/products/" + id + "/images/order/",
                            "PUT",
                            "application/json",
                            HttpApi.json(badOrder),
                            token);
            assertError(refused, 400);
        }
        assertFieldError(
                http().send(
                                "/products/" + id + "/images/order/",
                                "PUT",
                                "application/json",
                                HttpApi.json(map("order", reversed.subList(0, 2))),
                                token),
                "order");

        JsonNode firstImage = afterReorder.get("images").get(0);
        List<String> itsFiles = List.of(
                firstImage.get("url").asText(),
                firstImage.at("/thumbnails/small").asText(),
                firstImage.at("/thumbnails/medium").asText());
        for (String file : itsFiles) {
            assertThat(http().get(path(file), null).status()).isEqualTo(200);
        }
        Reply removed = http().send(
                        "/products/" + id + "/images/" + firstImage.get("id").asLong() + "/",
                        "DELETE",
                        null,
                        null,
                        token);
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.text("message")).isEqualTo("Image removed");
        JsonNode afterRemove = removed.body().get("data");
        assertThat(ids(afterRemove)).containsExactlyElementsOf(reversed.subList(1, 3));
        assertThat(positions(afterRemove)).containsExactly(0, 1);
        assertThat(afterRemove.get("photo").asText()).isEqualTo(url(afterRemove, 0));
        for (String file : itsFiles) {
            assertError(http().get(path(file), null), 404);
        }
        assertError(
                http().send(
                                "/products/" + id + "/images/"
                                        + firstImage.get("id").asLong() + "/",
                                "DELETE",
                                null,
                                null,
                                token),
                404);

        Reply detail = http().get("/products/" + id + "/detail/", null);
        assertThat(ids(detail.body())).containsExactlyElementsOf(reversed.subList(1, 3));
        assertThat(detail.body().get("photo").asText()).isEqualTo(url(afterRemove, 0));
        Reply listed = http().get(
                        "/products/?search="
                                + detail.body().get("name").asText().replace(" ", "%20"),
                        null);
        assertThat(ids(listed.body().get("results").get(0))).containsExactlyElementsOf(reversed.subList(1, 3));
    }

    @Test
    void thumbnails_are_made_on_upload_and_no_served_file_keeps_exif_or_gps() throws IOException {
        String token = catalog.verifiedUser()[1];
        long id = catalog.addProduct(token, "Camera " + AccountFlowsTest.unique());
        byte[] jpeg = TestImages.jpegWithExif(1200, 900, 1);
        assertThat(TestImages.jpegMarkers(jpeg)).contains(0xE1);

        JsonNode image = addImage(id, token, jpeg, Map.of()).body().at("/data/images/0");

        byte[] original = served(image.get("url").asText());
        byte[] small = served(image.at("/thumbnails/small").asText());
        byte[] medium = served(image.at("/thumbnails/medium").asText());
        assertSize(original, 1200, 900);
        assertSize(small, 160, 120);
        assertSize(medium, 640, 480);
        for (byte[] file : List.of(original, small, medium)) {
            assertThat(TestImages.jpegMarkers(file))
                    .as("no EXIF, XMP or comment segment")
                    .isEmpty();
            assertThat(TestImages.contains(file, "Exif")).isFalse();
            assertThat(TestImages.contains(file, TestImages.SECRET)).isFalse();
        }

        JsonNode turned = addImage(id, token, TestImages.jpegWithExif(400, 200, 6), Map.of())
                .body()
                .at("/data/images/1");
        assertSize(served(turned.get("url").asText()), 200, 400);
        assertSize(served(turned.at("/thumbnails/small").asText()), 80, 160);

        JsonNode png = addImage(id, token, TestImages.pngWithText(800, 400), Map.of())
                .body()
                .at("/data/images/2");
        for (String url : List.of(
                png.get("url").asText(),
                png.at("/thumbnails/small").asText(),
                png.at("/thumbnails/medium").asText())) {
            byte[] file = served(url);
            assertThat(TestImages.pngTextAndExif(file)).isEmpty();
            assertThat(TestImages.contains(file, TestImages.SECRET)).isFalse();
        }
        assertSize(served(png.at("/thumbnails/medium").asText()), 640, 320);

        JsonNode webp =
                addImage(id, token, TestImages.webp1x1(), Map.of()).body().at("/data/images/3");
        assertThat(webp.get("url").asText()).endsWith(".webp");
        assertSize(served(webp.at("/thumbnails/small").asText()), 1, 1);
    }

    @Test
    void the_eleventh_image_is_refused() throws IOException {
        String token = catalog.verifiedUser()[1];
        long id = catalog.addProduct(token, "Gallery " + AccountFlowsTest.unique());
        for (int i = 0; i < 10; i++) {
            Reply added = addImage(id, token, TestImages.png(8 + i, 8), Map.of());
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
        }

        Reply eleventh = addImage(id, token, TestImages.png(30, 30), Map.of());

        assertFieldError(eleventh, "image");
        assertThat(http().get("/products/" + id + "/detail/", null)
                        .body()
                        .get("images")
                        .size())
                .isEqualTo(10);
    }

    @Test
    void a_pixel_bomb_is_refused_with_400_before_it_is_decoded() throws IOException {
        String token = catalog.verifiedUser()[1];
        long id = catalog.addProduct(token, "Bomb " + AccountFlowsTest.unique());
        byte[] bomb = TestImages.pngBomb(50_000, 50_000);
        assertThat(bomb.length).isLessThan(100);

        Reply refused = addImage(id, token, bomb, Map.of());

        assertFieldError(refused, "image");
        assertThat(refused.body().at("/errors/image/0").asText()).contains("50000 × 50000");
        assertFieldError(addImage(id, token, TestImages.jpegBomb(50_000, 50_000), Map.of()), "image");
        Reply detail = http().get("/products/" + id + "/detail/", null);
        assertThat(detail.body().get("images").size()).isZero();
        assertThat(detail.header("ETag")).isEqualTo("\"v1\"");
    }

    @Test
    void uploads_that_are_no_image_or_come_badly_are_refused_per_field() throws IOException {
        String[] owner = catalog.verifiedUser();
        String[] stranger = catalog.verifiedUser();
        long id = catalog.addProduct(owner[1], "Picky " + AccountFlowsTest.unique());

        assertFieldError(
                addImage(id, owner[1], "<html></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of()),
                "image");
        assertFieldError(addImage(id, owner[1], TestImages.png(10, 10), Map.of("position", "-1")), "position");
        assertFieldError(addImage(id, owner[1], TestImages.png(10, 10), Map.of("colour", "red")), "colour");
        assertFieldError(
                catalog.multipart(
                        "/products/" + id + "/images/", owner[1], Map.of(), "photo", "a.png", TestImages.png(10, 10)),
                "photo");
        assertError(addImage(id, stranger[1], TestImages.png(10, 10), Map.of()), 403);
        assertError(addImage(id, null, TestImages.png(10, 10), Map.of()), 401);
        assertError(addImage(999_999_999L, owner[1], TestImages.png(10, 10), Map.of()), 404);
        assertError(http().send("/products/" + id + "/images/abc/", "DELETE", null, null, owner[1]), 404);
        assertThat(http().get("/products/" + id + "/detail/", null)
                        .body()
                        .get("images")
                        .size())
                .isZero();
    }

    @Test
    void the_single_photo_upload_replaces_the_first_image_and_put_or_patch_keep_the_photo() throws IOException {
        String token = catalog.verifiedUser()[1];
        long id = catalog.addProduct(token, "Legacy " + AccountFlowsTest.unique());
        addImage(id, token, TestImages.png(40, 40), Map.of());
        JsonNode before =
                addImage(id, token, TestImages.png(50, 50), Map.of()).body().get("data");

        Reply uploaded = catalog.multipart(
                "/products/" + id + "/photo/", token, Map.of(), "photo", "p.png", TestImages.png(60, 30));

        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
        JsonNode after = uploaded.body().get("data");
        assertThat(after.get("images").size()).isEqualTo(2);
        assertThat(after.at("/images/1/id")).isEqualTo(before.at("/images/1/id"));
        assertThat(after.at("/images/0/id")).isNotEqualTo(before.at("/images/0/id"));
        assertThat(after.get("photo").asText()).isEqualTo(url(after, 0));
        assertSize(served(url(after, 0)), 60, 30);
        assertError(http().get(path(url(before, 0)), null), 404);

        Reply patchPhoto = catalog.send("PATCH", "/products/" + id + "/update/", map("photo", null), token, null);
        assertFieldError(patchPhoto, "photo");
        Reply patchName = catalog.send("PATCH", "/products/" + id + "/update/", map("name", "Renamed"), token, null);
        assertThat(patchName.status()).as(patchName.toString()).isEqualTo(200);
        assertThat(patchName.body().at("/data/photo").asText()).isEqualTo(url(after, 0));
    }

    @Test
    void a_deleted_product_keeps_its_images_and_a_restore_brings_them_back() throws IOException {
        String token = catalog.verifiedUser()[1];
        long id = catalog.addProduct(token, "Doomed " + AccountFlowsTest.unique());
        JsonNode image =
                addImage(id, token, TestImages.png(20, 20), Map.of()).body().at("/data/images/0");
        String url = image.get("url").asText();
        assertThat(http().get(path(url), null).status()).isEqualTo(200);

        Reply deleted = http().send("/products/" + id + "/delete/", "DELETE", null, null, token);

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(http().get(path(url), null).status()).isEqualTo(200);
        Reply restored = http().send("/products/" + id + "/restore/", "POST", null, null, token);
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(restored.body().at("/data/images/0/url").asText()).isEqualTo(url);
        assertThat(restored.body().at("/data/photo").asText()).isEqualTo(url);
    }

    Reply addImage(long id, String token, byte[] image, Map<String, String> fields) throws IOException {
        return catalog.multipart("/products/" + id + "/images/", token, fields, "image", "upload", image);
    }

    private byte[] served(String url) {
        Reply reply = http().get(path(url), null);
        assertThat(reply.status()).as(url).isEqualTo(200);
        return reply.bytes();
    }

    private static String path(String url) {
        return URI.create(url).getRawPath();
    }

    private static void assertSize(byte[] file, int width, int height) {
        BufferedImage image = TestImages.read(file);
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
    }

    private static List<Long> ids(JsonNode product) {
        List<Long> ids = new ArrayList<>();
        product.get("images").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    private static List<Integer> positions(JsonNode product) {
        List<Integer> positions = new ArrayList<>();
        product.get("images").forEach(i -> positions.add(i.get("position").asInt()));
        return positions;
    }

    private static String url(JsonNode product, int index) {
        return product.get("images").get(index).get("url").asText();
    }
}
