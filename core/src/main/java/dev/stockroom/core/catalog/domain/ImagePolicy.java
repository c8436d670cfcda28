package dev.stockroom.core.catalog.domain;

/**
 * The image rules an operator may tune; {@link #defaults()} is what DESIGN.md specifies. The byte
 * size of an upload is bounded by {@link CatalogPolicy#maxPhotoBytes()}, as for the single photo.
 *
 * @param maxImagePixels the largest declared width × height accepted; larger images are refused
 *                       before a single pixel is decoded
 */
public record ImagePolicy(long maxImagePixels) {
    public static final long DEFAULT_MAX_IMAGE_PIXELS = 40_000_000L;
    /** A product has at most this many images (DESIGN.md; not a setting). */
    public static final int MAX_IMAGES = 10;

    public ImagePolicy {
        if (maxImagePixels < 1) {
            throw new IllegalArgumentException("maxImagePixels must be positive");
        }
    }

    public static ImagePolicy defaults() {
        return new ImagePolicy(DEFAULT_MAX_IMAGE_PIXELS);
    }
}
