package dev.stockroom.core.catalog.domain;

import dev.stockroom.core.shared.InvalidValue;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The server-generated name of a stored photo: 32 lower-case hex digits (128 random bits), a dot
 * and the extension of its {@link PhotoType}, e.g. {@code 3f2a…9c.png}. The format is checked
 * strictly, so a key taken from a URL can be used as a file name without any path traversal.
 */
public record PhotoKey(String value) {
    private static final int RANDOM_BYTES = 16;
    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{32}\\.(jpg|png|gif|webp)");

    public PhotoKey {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidValue("Is not a photo key.");
        }
    }

    /** A new key for a photo of {@code type}; pass a {@code SecureRandom} so keys cannot be guessed. */
    public static PhotoKey random(RandomGenerator random, PhotoType type) {
        Objects.requireNonNull(type, "type");
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return new PhotoKey(HexFormat.of().formatHex(bytes) + "." + type.extension());
    }

    public PhotoType type() {
        String extension = value.substring(value.indexOf('.') + 1);
        return PhotoType.ofExtension(extension).orElseThrow();
    }

    @Override
    public String toString() {
        return value;
    }
}
