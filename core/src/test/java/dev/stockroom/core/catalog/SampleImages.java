package dev.stockroom.core.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The leading bytes of each supported image format (and of things that are not images), padded to a size. */
public final class SampleImages {
    private static final byte[] PNG = {
        (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'
    };
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'
    };
    private static final byte[] GIF = "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] WEBP = "RIFF$\u0000\u0000\u0000WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] HTML =
            "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII);

    private SampleImages() {}

    public static byte[] png() {
        return png(64);
    }

    public static byte[] png(int size) {
        return Arrays.copyOf(PNG, size);
    }

    public static byte[] jpeg() {
        return Arrays.copyOf(JPEG, 64);
    }

    public static byte[] gif() {
        return Arrays.copyOf(GIF, 64);
    }

    public static byte[] webp() {
        return Arrays.copyOf(WEBP, 64);
    }

    /** What a browser would run if it were served as HTML: the reason uploads are checked by content. */
    public static byte[] html() {
        return HTML.clone();
    }
}
