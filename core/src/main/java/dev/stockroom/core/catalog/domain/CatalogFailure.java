package dev.stockroom.core.catalog.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a catalogue use case can refuse, by name. Messages are one sentence a person can
 * read; field names in {@link #fieldErrors()} are the API's.
 *
 * <p>Java 17 has no pattern matching over sealed types in {@code switch}, so edges map failures
 * through {@link #match(Cases)}: a new subtype adds a method to {@link Cases}, and every mapping
 * that does not handle it stops compiling.
 */
public abstract sealed class CatalogFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Map<String, List<String>> fieldErrors;

    CatalogFailure(String message, Map<String, List<String>> fieldErrors) {
        super(message, null, false, false);
        this.fieldErrors = Map.copyOf(Objects.requireNonNull(fieldErrors, "fieldErrors"));
    }

    /** Calls the method of {@code cases} that names this failure. */
    public abstract <R> R match(Cases<R> cases);

    /** One method per failure; see the class comment. */
    public interface Cases<R> {
        R invalidInput(InvalidInput failure);

        R productNotFound(ProductNotFound failure);

        R notOwner(NotOwner failure);

        R verificationRequired(VerificationRequired failure);

        R notAllowed(NotAllowed failure);

        R staleVersion(StaleVersion failure);

        R photoTooLarge(PhotoTooLarge failure);

        R unsupportedPhoto(UnsupportedPhoto failure);
    }

    /** Field name (as in the API) to what is wrong with it; empty when no single field is at fault. */
    public Map<String, List<String>> fieldErrors() {
        return fieldErrors;
    }

    /** One or more fields or query parameters are missing or malformed (400). */
    public static final class InvalidInput extends CatalogFailure {
        private static final long serialVersionUID = 1L;

        public InvalidInput(Map<String, List<String>> fieldErrors) {
            super("Some fields are not valid.", fieldErrors);
        }

        public static InvalidInput of(String field, String message) {
            return new InvalidInput(Map.of(field, List.of(message)));
        }

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.invalidInput(this);
        }
    }

    /** No product has the id (404). */
    public static final class ProductNotFound extends CatalogFailure {
        private static final long serialVersionUID = 1L;
        private final ProductId id;

        public ProductNotFound(ProductId id) {
            super("No product with id " + id + ".", Map.of());
            this.id = Objects.requireNonNull(id, "id");
        }

        public ProductId id() {
            return id;
        }

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.productNotFound(this);
        }
    }

    /** The caller is neither the product's owner nor an admin (403). */
    public static final class NotOwner extends CatalogFailure {
        private static final long serialVersionUID = 1L;

        public NotOwner() {
            super("Only the product's owner or an admin can change it.", Map.of());
        }

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.notOwner(this);
        }
    }

    /** A NEW account tried to write; it must verify its email address first (403). */
    public static final class VerificationRequired extends CatalogFailure {
        private static final long serialVersionUID = 1L;

        public VerificationRequired() {
            super("Verify your email address before adding or changing products.", Map.of());
        }

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.verificationRequired(this);
        }
    }

    /**
     * The caller's session is not a login session (a password-reset token, which reaches only the
     * password update) and cannot write to the catalogue (403).
     */
    public static final class NotAllowed extends CatalogFailure {
        private static final long serialVersionUID = 1L;

        public NotAllowed() {
            super("This token cannot be used to change products.", Map.of());
        }

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.notAllowed(this);
        }
    }

    /**
     * The product changed since the version the caller based its change on: an {@code If-Match}
     * that no longer matches, or a concurrent writer that got there first (412).
     */
    public static final class StaleVersion extends CatalogFailure {
        private static final long serialVersionUID = 1L;

        public StaleVersion() {
            super("The product was changed by someone else; reload it and try again.", Map.of());
        }

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.staleVersion(this);
        }
    }

    /** The photo upload is larger than the configured limit (413). */
    public static final class PhotoTooLarge extends CatalogFailure {
        private static final long serialVersionUID = 1L;
        private final long maxBytes;

        public PhotoTooLarge(long maxBytes) {
            super("The photo is too large.", Map.of("photo", List.of("Must be at most " + readable(maxBytes) + ".")));
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

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.photoTooLarge(this);
        }
    }

    /** The upload is not a JPEG, PNG, GIF or WebP image by its content, whatever its name says (400). */
    public static final class UnsupportedPhoto extends CatalogFailure {
        private static final long serialVersionUID = 1L;

        public UnsupportedPhoto() {
            super("The photo is not a supported image.",
                    Map.of("photo", List.of("Upload a JPEG, PNG, GIF or WebP image.")));
        }

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.unsupportedPhoto(this);
        }
    }
}
