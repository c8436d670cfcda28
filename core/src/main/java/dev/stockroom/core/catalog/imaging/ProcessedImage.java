package dev.stockroom.core.catalog.imaging;

import dev.stockroom.core.catalog.domain.PhotoType;
import java.util.Objects;

/**
 * An upload made ready to store: the original with its metadata stripped, and its thumbnails.
 * Byte arrays are handed over, not copied: the processor keeps no reference to them.
 */
public record ProcessedImage(Rendition original, Rendition small, Rendition medium) {

    public ProcessedImage {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(small, "small");
        Objects.requireNonNull(medium, "medium");
    }

    /** One stored file of an image: its format, bytes and pixel size. */
    @SuppressWarnings("ArrayRecordComponent") // a file's bytes, moved into the store once
    public record Rendition(PhotoType type, byte[] content, int width, int height) {
        public Rendition {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(content, "content");
        }
    }
}
