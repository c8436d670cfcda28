package dev.stockroom.core.catalog.imaging;

import dev.stockroom.core.catalog.domain.CatalogFailure;
import dev.stockroom.core.catalog.domain.PhotoType;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns an uploaded image into the files Stockroom stores, with the JDK's ImageIO (and any ImageIO
 * plugin on the class path: WebP needs one, such as TwelveMonkeys' {@code imageio-webp}).
 *
 * <ol>
 *   <li>The declared width and height are read from the header, and an image over
 *       {@code maxPixels} is refused before a single pixel is decoded (a "pixel flood": a few
 *       kilobytes that would decode to gigabytes).
 *   <li>The original is stored without its metadata: stripped losslessly ({@link MetadataStripper}),
 *       except a JPEG whose EXIF orientation is not the normal one, which is turned upright and
 *       encoded again, since its orientation tag goes with the EXIF data.
 *   <li>Two thumbnails, fitting {@value #SMALL} and {@value #MEDIUM} pixels square (never
 *       enlarged), in the original's format; WebP's, which ImageIO cannot write, are PNG when the
 *       image has transparency and JPEG otherwise. Written fresh by ImageIO, they carry no metadata.
 * </ol>
 *
 * Holds no state; safe for any number of threads.
 */
public final class ImageProcessor {
    public static final int SMALL = 160;
    public static final int MEDIUM = 640;
    private static final float JPEG_QUALITY = 0.9f;
    private static final String UNREADABLE = "Upload a JPEG, PNG, GIF or WebP image that can be read.";

    private final long maxPixels;

    public ImageProcessor(long maxPixels) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive");
        }
        this.maxPixels = maxPixels;
    }

    /**
     * The files to store for {@code upload}.
     *
     * @param type  what the upload's first bytes say it is
     * @param field the form field it came in, for the field errors
     * @throws CatalogFailure.ImageTooLarge    when it declares more than {@code maxPixels} pixels
     * @throws CatalogFailure.UnsupportedPhoto when it cannot be read as an image of {@code type}
     */
    public ProcessedImage process(byte[] upload, PhotoType type, String field) {
        int orientation = type == PhotoType.JPEG ? ExifOrientation.of(upload) : ExifOrientation.NORMAL;
        boolean reencode = orientation != ExifOrientation.NORMAL;
        Decoded decoded;
        try {
            decoded = decode(upload, type, reencode, field);
        } catch (IOException | RuntimeException e) {
            if (e instanceof CatalogFailure failure) {
                throw failure;
            }
            throw unreadable(field);
        }
        BufferedImage upright = ExifOrientation.apply(decoded.image(), orientation);
        boolean alpha = upright.getColorModel().hasAlpha();
        PhotoType thumbnailType = thumbnailType(type, alpha);
        ProcessedImage.Rendition original;
        try {
            original = reencode
                    ? render(upright, PhotoType.JPEG)
                    : new ProcessedImage.Rendition(
                            type, MetadataStripper.strip(upload, type), decoded.width(), decoded.height());
        } catch (MetadataStripper.MalformedImage e) {
            throw unreadable(field);
        }
        return new ProcessedImage(
                original, render(fit(upright, SMALL), thumbnailType), render(fit(upright, MEDIUM), thumbnailType));
    }

    /** The first image of an upload, perhaps subsampled, and its declared size. */
    private record Decoded(BufferedImage image, int width, int height) {}

    /** Reads the header, checks the pixel count, then decodes the first image. */
    private Decoded decode(byte[] upload, PhotoType type, boolean fullSize, String field) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(formatName(type));
        if (!readers.hasNext()) {
            throw unreadable(field); // WebP without its plugin
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload))) {
            reader.setInput(in, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width < 1 || height < 1) {
                throw unreadable(field);
            }
            if (width * height > maxPixels) {
                throw new CatalogFailure.ImageTooLarge(width, height, maxPixels, field);
            }
            ImageReadParam param = reader.getDefaultReadParam();
            if (!fullSize) {
                // Thumbnails only: decode every n-th pixel, keeping at least twice the medium size.
                int step = (int) Math.max(1, Math.max(width, height) / (2L * MEDIUM));
                param.setSourceSubsampling(step, step, 0, 0);
            }
            return new Decoded(reader.read(0, param), (int) width, (int) height);
        } finally {
            reader.dispose();
        }
    }

    private static PhotoType thumbnailType(PhotoType type, boolean alpha) {
        if (type != PhotoType.WEBP) {
            return type;
        }
        return alpha ? PhotoType.PNG : PhotoType.JPEG;
    }

    /** {@code image} scaled down to fit {@code box} × {@code box}, halving first for a smooth result. */
    static BufferedImage fit(BufferedImage image, int box) {
        int width = image.getWidth();
        int height = image.getHeight();
        double scale = Math.min(1.0, Math.min((double) box / width, (double) box / height));
        int targetWidth = (int) Math.max(1, Math.round(width * scale));
        int targetHeight = (int) Math.max(1, Math.round(height * scale));
        BufferedImage current = image;
        while (current.getWidth() / 2 >= targetWidth && current.getHeight() / 2 >= targetHeight) {
            current = scaled(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return current.getWidth() == targetWidth && current.getHeight() == targetHeight && current != image
                ? current
                : scaled(current, targetWidth, targetHeight);
    }

    private static BufferedImage scaled(BufferedImage image, int width, int height) {
        boolean alpha = image.getColorModel().hasAlpha();
        BufferedImage target =
                new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** Encodes {@code image} afresh: ImageIO's writers add no EXIF, no text and no GPS. */
    private static ProcessedImage.Rendition render(BufferedImage image, PhotoType type) {
        BufferedImage pixels = type == PhotoType.JPEG ? opaque(image) : image;
        ImageWriter writer =
                ImageIO.getImageWritersByFormatName(formatName(type)).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (type == PhotoType.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(pixels, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("Could not encode a " + type + " image in memory", e);
        } finally {
            writer.dispose();
        }
        return new ProcessedImage.Rendition(type, bytes.toByteArray(), image.getWidth(), image.getHeight());
    }

    /** JPEG has no transparency: what was transparent becomes white. */
    private static BufferedImage opaque(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    private static String formatName(PhotoType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    private static CatalogFailure.UnsupportedPhoto unreadable(String field) {
        return new CatalogFailure.UnsupportedPhoto(field, UNREADABLE);
    }
}
