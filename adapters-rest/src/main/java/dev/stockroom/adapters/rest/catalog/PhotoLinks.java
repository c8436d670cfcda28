package dev.stockroom.adapters.rest.catalog;

import dev.stockroom.core.catalog.domain.Photo;
import dev.stockroom.core.catalog.domain.PhotoKey;
import dev.stockroom.core.shared.InvalidValue;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Stored photos are served at {@code /media/{key}}; a product's {@code photo} is that URL. A
 * client that sends the URL back (a PUT of what it read) is keeping the stored photo, so such a
 * URL is read as the stored photo, not as an external link.
 */
final class PhotoLinks {
    static final String MEDIA = "media";
    private final UriInfo uri;

    PhotoLinks(UriInfo uri) {
        this.uri = uri;
    }

    String urlOf(Photo photo) {
        if (photo instanceof Photo.Stored stored) {
            return urlOf(stored.key());
        }
        return ((Photo.External) photo).url();
    }

    String urlOf(PhotoKey key) {
        return uri.getBaseUriBuilder().path(MEDIA).path(key.value()).build().toString();
    }

    /** The stored photo a URL of ours points at, if it is one. */
    static Optional<Photo> storedPhotoIn(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            String path = new URI(url.strip()).getPath();
            if (path == null) {
                return Optional.empty();
            }
            int at = path.lastIndexOf("/" + MEDIA + "/");
            if (at < 0 || path.indexOf('/', at + MEDIA.length() + 2) >= 0) {
                return Optional.empty();
            }
            return Optional.of(Photo.stored(new PhotoKey(path.substring(at + MEDIA.length() + 2))));
        } catch (URISyntaxException | InvalidValue e) {
            return Optional.empty();
        }
    }
}
