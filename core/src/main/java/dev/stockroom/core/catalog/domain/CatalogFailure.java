package dev.stockroom.core.catalog.domain;

import dev.stockroom.core.shared.Failure;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a catalogue use case can refuse, by name. Messages are one sentence a person can
 * read; field names in {@link #fieldErrors()} are the API's.
 *
 * <p>A failure's name is its {@link Kind} ({@link Failure} says how edges map it). The subtypes
 * only build the message and field errors, carry data
 * ({@link ProductNotFound#id()}, {@link PhotoTooLarge#maxBytes()}), and let callers and tests
 * catch one failure by type.
 */
public abstract sealed class CatalogFailure extends Failure {
    private static final long serialVersionUID = 1L;
    private final Kind kind;

    /** One constant per subtype, named as it is. */
    public enum Kind {
        INVALID_INPUT,
        PRODUCT_NOT_FOUND,
        NOT_OWNER,
        VERIFICATION_REQUIRED,
        NOT_ALLOWED,
        STALE_VERSION,
        PHOTO_TOO_LARGE,
        UNSUPPORTED_PHOTO,
        SKU_TAKEN,
        SLUG_TAKEN,
        SLUG_NOT_FOUND,
        IMAGE_NOT_FOUND,
        TOO_MANY_IMAGES,
        IMAGE_TOO_LARGE,
        STOCK_OUT_OF_RANGE
    }

    CatalogFailure(Kind kind, String message, Map<String, List<String>> fieldErrors) {
        super(message, fieldErrors);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    @Override
    public Kind kind() {
        return kind;
    }

    /** One or more fields or query parameters are missing or malformed. */
    public static final class InvalidInput extends CatalogFailure {
        private static final long serialVersionUID = 1L;

        public InvalidInput(Map<String, List<String>> fieldErrors) {
            super(Kind.INVALID_INPUT, "Some fields are not valid.", fieldErrors);
        }

        public static InvalidInput of(String field, String message) {
            return new InvalidInput(Map.of(field, List.of(message)));
        }
    }

    /** No product has the id. */
    public static final class ProductNotFound extends CatalogFailure {
        private static final long serialVersionUID = 1L;
        private final ProductId id;

        public ProductNotFound(ProductId id) {
            super(Kind.PRODUCT_NOT_FOUND, "No product with id " + id + ".", Map.of());
            this.id = Objects.requireNonNull(id, "id");
        }

        public ProductId id() {
            return id;
        }
    }

    /** The caller is neither the product's owner nor an admin. */
    public static final class NotOwner extends CatalogFailure {
        private static final long serialVersionUID = 1L;

        public NotOwner() {
            super(Kind.NOT_OWNER, "Only the product's owner or an admin can change it.", Map.of());
        }
    }

    /** A NEW account tried to write; it must verify its email address first. */
    public static final class VerificationRequired extends CatalogFailure {
        private static final long serialVersionUID = 1L;

        public VerificationRequired() {
            super(
                    Kind.VERIFICATION_REQUIRED,
                    "Verify your email address before adding or changing products.",
                    Map.of());
        }
    }

    /**
     * The caller's session is not a login session (a password-reset token, which reaches only the
     * password update) and cannot write to the catalogue.
     */
    public static final class NotAllowed extends CatalogFailure {
        private static final long serialVersionUID = 1L;

        public NotAllowed() {
            super(Kind.NOT_ALLOWED, "This token cannot be used to change products.", Map.of());
        }
    }

    /**
     * The product changed since the version the caller based its change on: an {@code If-Match}
     * that no longer matches, or a concurrent writer that got there first.
     */
    public static final class StaleVersion extends CatalogFailure {
        private static final long serialVersionUID = 1L;

        public StaleVersion() {
            super(Kind.STALE_VERSION, "The product was changed by someone else; reload it and try again.", Map.of());
        }
    }

    /** The photo upload is larger than the configured limit. */
    public static final class PhotoTooLarge extends CatalogFailure {
        private static final long serialVersionUID = 1L;
        private final long maxBytes;

        public PhotoTooLarge(long maxBytes) {
            this(maxBytes, "photo");
        }

        /** {@code field}: the form field the file came in ({@code photo}, or {@code image} for an image). */
        public PhotoTooLarge(long maxBytes, String field) {
            super(
                    Kind.PHOTO_TOO_LARGE,
                    "The photo is too large.",
                    Map.of(field, List.of("Must be at most " + readable(maxBytes) + ".")));
            this.maxBytes = maxBytes;
        }

        public long maxBytes() {
            return maxBytes;
        }

        private static String readable(long bytes) {
            if (bytes % (1024 * 1024) == 0) {
                return bytes / (1024 * 1024) + " MiB";
            }
            if (bytes % 1024 == 0) {
                return bytes / 1024 + " KiB";
            }
            return bytes + " bytes";
        }
    }

    /** The upload is not a JPEG, PNG, GIF or WebP image by its content, whatever its name says. */
    public static final class UnsupportedPhoto extends CatalogFailure {
        private static final long serialVersionUID = 1L;

        public UnsupportedPhoto() {
            this("photo", "Upload a JPEG, PNG, GIF or WebP image.");
        }

        /** {@code field}: the form field the file came in; {@code advice}: what to upload instead. */
        public UnsupportedPhoto(String field, String advice) {
            super(Kind.UNSUPPORTED_PHOTO, "The photo is not a supported image.", Map.of(field, List.of(advice)));
        }
    }

    /** The product has no image with the id. */
    public static final class ImageNotFound extends CatalogFailure {
        private static final long serialVersionUID = 1L;
        private final ImageId id;

        public ImageNotFound(ImageId id) {
            super(Kind.IMAGE_NOT_FOUND, "The product has no image with id " + id + ".", Map.of());
            this.id = Objects.requireNonNull(id, "id");
        }

        public ImageId id() {
            return id;
        }
    }

    /** The product already has as many images as it may have. */
    public static final class TooManyImages extends CatalogFailure {
        private static final long serialVersionUID = 1L;
        private final int max;

        public TooManyImages(int max) {
            super(
                    Kind.TOO_MANY_IMAGES,
                    "The product has as many images as it may have.",
                    Map.of("image", List.of("A product has at most " + max + " images; remove one first.")));
            this.max = max;
        }

        public int max() {
            return max;
        }
    }

    /**
     * The image declares more pixels than allowed (a "pixel flood": a small file that would
     * decode to gigabytes). Refused from its header, before any pixel is decoded.
     */
    public static final class ImageTooLarge extends CatalogFailure {
        private static final long serialVersionUID = 1L;
        private final long maxPixels;

        public ImageTooLarge(long width, long height, long maxPixels, String field) {
            super(
                    Kind.IMAGE_TOO_LARGE,
                    "The image has too many pixels.",
                    Map.of(
                            field,
                            List.of("The image is " + width + " × " + height + " pixels; at most " + maxPixels
                                    + " pixels (width × height) are accepted.")));
            this.maxPixels = maxPixels;
        }

        public long maxPixels() {
            return maxPixels;
        }
    }

    /**
     * A stock adjustment would take the quantity below zero or above {@link Integer#MAX_VALUE}; the
     * quantity is left as it was.
     */
    public static final class StockOutOfRange extends CatalogFailure {
        private static final long serialVersionUID = 1L;

        private StockOutOfRange(String message, String fieldError) {
            super(Kind.STOCK_OUT_OF_RANGE, message, Map.of("quantity", List.of(fieldError)));
        }

        /** Taking away more than {@code available}. */
        public static StockOutOfRange belowZero(int available, int delta) {
            return new StockOutOfRange(
                    "Not enough in stock.",
                    "Only " + available + " in stock; cannot take away " + Math.negateExact((long) delta) + ".");
        }

        /** Adding past the largest quantity to {@code current}. */
        public static StockOutOfRange aboveMaximum(int current, int delta) {
            return new StockOutOfRange(
                    "The quantity would be too large.",
                    current + " in stock; adding " + delta + " would exceed " + Integer.MAX_VALUE + ".");
        }
    }

    /** Another of the owner's products has the SKU. */
    public static final class SkuTaken extends CatalogFailure {
        private static final long serialVersionUID = 1L;

        public SkuTaken() {
            super(
                    Kind.SKU_TAKEN,
                    "Some fields are not valid.",
                    Map.of("sku", List.of("Already used by another of your products.")));
        }
    }

    /** Another product has the slug (slugs are unique across all products). */
    public static final class SlugTaken extends CatalogFailure {
        private static final long serialVersionUID = 1L;

        public SlugTaken() {
            super(
                    Kind.SLUG_TAKEN,
                    "Some fields are not valid.",
                    Map.of("slug", List.of("Already used by another product.")));
        }
    }

    /** No product the caller may see has the slug. */
    public static final class SlugNotFound extends CatalogFailure {
        private static final long serialVersionUID = 1L;

        public SlugNotFound(Slug slug) {
            super(Kind.SLUG_NOT_FOUND, "No product with slug " + slug + ".", Map.of());
        }
    }
}
