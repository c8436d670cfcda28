package dev.stockroom.core.catalog.domain;

import dev.stockroom.core.shared.InvalidValue;
import java.util.regex.Pattern;

/** A stock-keeping unit: 1 to 64 of {@code A-Z a-z 0-9 . _ -}, unique among one owner's products. */
public record Sku(String value) {
    public static final int MAX_LENGTH = 64;
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");

    public Sku {
        if (value == null || value.isBlank()) {
            throw new InvalidValue("This field is required.");
        }
        value = value.strip();
        if (!FORM.matcher(value).matches()) {
            throw new InvalidValue("Must be 1 to " + MAX_LENGTH + " letters, digits, dots, underscores or hyphens.");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
