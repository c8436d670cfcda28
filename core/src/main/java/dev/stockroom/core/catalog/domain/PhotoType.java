package dev.stockroom.core.catalog.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** The image formats a photo upload may have, recognised by content, never by a file name. */
public enum PhotoType {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    GIF("image/gif", "gif"),
    WEBP("image/webp", "webp");

    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] GIF87A = "GIF87a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GIF89A = "GIF89a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WEBP_MAGIC = "WEBP".getBytes(StandardCharsets.US_ASCII);

    private final String mediaType;
    private final String extension;

    PhotoType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The {@code Content-Type} to serve the photo with. */
    public String mediaType() {
        return mediaType;
    }

    /** The file name extension of stored photos of this type, without the dot. */
    public String extension() {
        return extension;
    }

    /**
     * Recognises the format from the file's first bytes (its "magic number"); empty when it is
     * none of the supported ones. Twelve bytes are enough for every type.
     */
    public static Optional<PhotoType> detect(byte[] firstBytes) {
        if (startsWith(firstBytes, 0, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(firstBytes, 0, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(firstBytes, 0, GIF87A) || startsWith(firstBytes, 0, GIF89A)) {
            return Optional.of(GIF);
        }
        // "RIFF", a four-byte little-endian size, then the form type "WEBP".
        if (startsWith(firstBytes, 0, RIFF) && startsWith(firstBytes, 8, WEBP_MAGIC)) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /** The type whose {@link #extension()} is {@code extension}, if any. */
    public static Optional<PhotoType> ofExtension(String extension) {
        return Arrays.stream(values())
                .filter(t -> t.extension.equals(extension))
                .findFirst();
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] magic) {
        return bytes.length >= offset + magic.length
                && Arrays.equals(bytes, offset, offset + magic.length, magic, 0, magic.length);
    }
}
