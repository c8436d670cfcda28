package dev.stockroom.core.catalog.port.in;

import java.util.Arrays;
import java.util.Objects;

/**
 * The bytes of an uploaded photo, exactly as received. Its file name and declared content type
 * are deliberately not part of it: the service decides the type from the content alone and
 * generates the name. Size and type are checked by the use case, which knows the configured limit.
 */
public final class PhotoUpload {
    private final byte[] content;

    private PhotoUpload(byte[] content) {
        this.content = content;
    }

    public static PhotoUpload of(byte[] content) {
        return new PhotoUpload(Objects.requireNonNull(content, "content").clone());
    }

    public int size() {
        return content.length;
    }

    /** A copy of the bytes. */
    public byte[] content() {
        return content.clone();
    }

    /** Up to {@code n} leading bytes, enough to recognise the format. */
    public byte[] firstBytes(int n) {
        return Arrays.copyOf(content, Math.min(n, content.length));
    }

    @Override
    public String toString() {
        return "PhotoUpload[" + content.length + " bytes]";
    }
}
