package dev.stockroom.core.catalog.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stockroom.core.catalog.domain.CatalogFailure;
import dev.stockroom.core.catalog.domain.ImagePolicy;
import dev.stockroom.core.catalog.domain.PhotoType;
import dev.stockroom.core.testing.TestImages;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageProcessorTest {
    private final ImageProcessor processor = new ImageProcessor(ImagePolicy.DEFAULT_MAX_IMAGE_PIXELS);

    @Test
    void strips_exif_gps_and_comments_from_a_jpeg_and_makes_both_thumbnails() {
        byte[] upload = TestImages.jpegWithExif(800, 600, 1);
        assertThat(TestImages.jpegMarkers(upload)).contains(0xE1, 0xFE);

        ProcessedImage image = processor.process(upload, PhotoType.JPEG, "image");

        for (ProcessedImage.Rendition file :
                new ProcessedImage.Rendition[] {image.original(), image.small(), image.medium()}) {
            assertThat(file.type()).isEqualTo(PhotoType.JPEG);
            assertThat(TestImages.jpegMarkers(file.content()))
                    .as("no APPn but JFIF, no comment")
                    .isEmpty();
            assertThat(TestImages.contains(file.content(), TestImages.SECRET)).isFalse();
            assertThat(TestImages.contains(file.content(), "Exif")).isFalse();
        }
        assertSize(image.original(), 800, 600);
        assertSize(image.small(), 160, 120);
        assertSize(image.medium(), 640, 480);
    }

    @Test
    void keeps_the_pixels_of_an_upright_jpeg_exactly() {
        byte[] upload = TestImages.jpegWithExif(64, 48, 1);

        byte[] original =
                processor.process(upload, PhotoType.JPEG, "image").original().content();

        assertThat(pixels(TestImages.read(original))).isEqualTo(pixels(TestImages.read(upload)));
    }

    @Test
    void turns_a_jpeg_upright_by_its_exif_orientation_before_dropping_the_tag() {
        // Orientation 6: the camera was turned a quarter clockwise; shown upright, the red top half is on the right.
        byte[] upload = TestImages.jpegWithExif(200, 100, 6);

        ProcessedImage image = processor.process(upload, PhotoType.JPEG, "image");

        assertSize(image.original(), 100, 200);
        assertSize(image.small(), 80, 160);
        assertSize(image.medium(), 100, 200);
        BufferedImage upright = TestImages.read(image.original().content());
        assertThat(red(upright.getRGB(90, 100))).as("right is red").isGreaterThan(200);
        assertThat(red(upright.getRGB(10, 100))).as("left is blue").isLessThan(60);
        assertThat(TestImages.jpegMarkers(image.original().content())).isEmpty();
        assertThat(TestImages.contains(image.original().content(), TestImages.SECRET))
                .isFalse();
    }

    @Test
    void strips_text_and_exif_chunks_from_a_png_and_keeps_its_transparency() {
        byte[] upload = TestImages.pngWithText(300, 200);
        assertThat(TestImages.pngTextAndExif(upload)).isNotEmpty();

        ProcessedImage image = processor.process(upload, PhotoType.PNG, "image");

        for (ProcessedImage.Rendition file :
                new ProcessedImage.Rendition[] {image.original(), image.small(), image.medium()}) {
            assertThat(file.type()).isEqualTo(PhotoType.PNG);
            assertThat(TestImages.pngTextAndExif(file.content())).isEmpty();
            assertThat(TestImages.contains(file.content(), TestImages.SECRET)).isFalse();
        }
        assertSize(image.original(), 300, 200);
        assertSize(image.small(), 160, 107);
        assertSize(image.medium(), 300, 200);
        BufferedImage original = TestImages.read(image.original().content());
        assertThat(original.getRGB(0, 10) >>> 24).as("transparent column kept").isZero();
        assertThat(pixels(original)).isEqualTo(pixels(TestImages.read(upload)));
    }

    @Test
    void strips_comments_from_a_gif_and_keeps_it_a_gif() {
        byte[] upload = TestImages.gifWithComment(320, 320);
        assertThat(TestImages.contains(upload, TestImages.SECRET)).isTrue();

        ProcessedImage image = processor.process(upload, PhotoType.GIF, "image");

        for (ProcessedImage.Rendition file :
                new ProcessedImage.Rendition[] {image.original(), image.small(), image.medium()}) {
            assertThat(file.type()).isEqualTo(PhotoType.GIF);
            assertThat(TestImages.contains(file.content(), TestImages.SECRET)).isFalse();
        }
        assertSize(image.original(), 320, 320);
        assertSize(image.small(), 160, 160);
        assertSize(image.medium(), 320, 320);
    }

    @Test
    void reads_webp_and_makes_its_thumbnails_png_when_transparent() {
        ProcessedImage image = processor.process(TestImages.webp1x1(), PhotoType.WEBP, "image");

        assertThat(image.original().type()).isEqualTo(PhotoType.WEBP);
        assertThat(image.small().type()).isIn(PhotoType.PNG, PhotoType.JPEG);
        assertSize(image.small(), 1, 1);
        assertSize(image.medium(), 1, 1);
        assertThat(TestImages.read(image.original().content()).getWidth()).isEqualTo(1);
    }

    @Test
    void refuses_a_png_pixel_bomb_from_its_header() {
        byte[] bomb = TestImages.pngBomb(50_000, 50_000);
        assertThat(bomb.length).isLessThan(100);

        CatalogFailure.ImageTooLarge failure = catchThrowableOfType(
                CatalogFailure.ImageTooLarge.class, () -> processor.process(bomb, PhotoType.PNG, "image"));

        assertThat(failure.maxPixels()).isEqualTo(40_000_000L);
        assertThat(failure.fieldErrors().get("image").get(0)).contains("50000 × 50000");
    }

    @Test
    void refuses_a_jpeg_pixel_bomb_from_its_header() {
        byte[] bomb = TestImages.jpegBomb(50_000, 50_000);

        assertThat(catchThrowableOfType(
                        CatalogFailure.ImageTooLarge.class, () -> processor.process(bomb, PhotoType.JPEG, "photo")))
                .satisfies(f -> assertThat(f.fieldErrors()).containsKey("photo"));
    }

    @Test
    void the_pixel_limit_is_a_setting() {
        ImageProcessor strict = new ImageProcessor(100 * 100);

        assertThat(strict.process(TestImages.png(100, 100), PhotoType.PNG, "image")
                        .original()
                        .width())
                .isEqualTo(100);
        assertThat(catchThrowableOfType(
                        CatalogFailure.ImageTooLarge.class,
                        () -> strict.process(TestImages.png(101, 100), PhotoType.PNG, "image")))
                .isNotNull();
    }

    @Test
    void refuses_what_has_an_image_signature_but_no_image() {
        byte[] broken = Arrays.copyOf(TestImages.png(20, 20), 40);

        CatalogFailure.UnsupportedPhoto failure = catchThrowableOfType(
                CatalogFailure.UnsupportedPhoto.class, () -> processor.process(broken, PhotoType.PNG, "image"));

        assertThat(failure.fieldErrors()).containsKey("image");
    }

    @Test
    void never_enlarges_a_small_image() {
        ProcessedImage image = processor.process(TestImages.png(40, 30), PhotoType.PNG, "image");

        assertSize(image.small(), 40, 30);
        assertSize(image.medium(), 40, 30);
    }

    @Test
    void a_long_thin_image_keeps_at_least_one_pixel_of_height() {
        ProcessedImage image = processor.process(TestImages.png(4000, 2), PhotoType.PNG, "image");

        assertSize(image.small(), 160, 1);
        assertSize(image.medium(), 640, 1);
    }

    private static void assertSize(ProcessedImage.Rendition file, int width, int height) {
        assertThat(file.width()).isEqualTo(width);
        assertThat(file.height()).isEqualTo(height);
        BufferedImage read = TestImages.read(file.content());
        assertThat(read.getWidth()).isEqualTo(width);
        assertThat(read.getHeight()).isEqualTo(height);
    }

    private static int red(int argb) {
        return argb >> 16 & 0xFF;
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
