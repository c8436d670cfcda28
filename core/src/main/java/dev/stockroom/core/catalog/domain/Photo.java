package dev.stockroom.core.catalog.domain;

import dev.stockroom.core.shared.InvalidValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A product's photo: either a link to an image elsewhere, or an image uploaded to and stored by
 * this service. A product without a photo holds {@code Optional.empty()}.
 */
public sealed interface Photo {

    /** The stored file behind this photo, if this service stores it. */
    Optional<PhotoKey> storedKey();

    /** Reads an external photo URL; see {@link External}. */
    static Photo external(String url) {
        return new External(url);
    }

    static Photo stored(PhotoKey key) {
        return new Stored(key);
    }

    /**
     * An absolute {@code http} or {@code https} URL with a host, at most 2048 characters, without
     * user information (a product is public, so credentials in its photo link would be leaked).
     */
    record External(String url) implements Photo {
        public static final int MAX_LENGTH = 2048;

        public External {
            if (url == null || url.isBlank()) {
                throw new InvalidValue("This field is required.");
            }
            url = url.strip();
            if (url.length() > MAX_LENGTH) {
                throw new InvalidValue("Must be at most " + MAX_LENGTH + " characters.");
            }
            URI uri = parse(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new InvalidValue("Enter an http or https URL.");
            }
            if (uri.getRawUserInfo() != null) {
                throw new InvalidValue("Must not contain a user name or password.");
            }
        }

        private static URI parse(String url) {
            try {
                return new URI(url);
            } catch (URISyntaxException e) {
                throw new InvalidValue("Enter an http or https URL.");
            }
        }

        @Override
        public Optional<PhotoKey> storedKey() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return url;
        }
    }

    /** An uploaded image, kept by the {@code PhotoStore} under {@code key}. */
    record Stored(PhotoKey key) implements Photo {
        public Stored {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public Optional<PhotoKey> storedKey() {
            return Optional.of(key);
        }

        @Override
        public String toString() {
            return key.toString();
        }
    }
}
