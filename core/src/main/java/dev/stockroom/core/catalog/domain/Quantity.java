package dev.stockroom.core.catalog.domain;

import dev.stockroom.core.shared.InvalidValue;
import java.math.BigInteger;
import java.util.regex.Pattern;

/** How many are in stock: a whole number from 0 up to {@link Integer#MAX_VALUE}. */
public record Quantity(int value) {
    // A sign is let through so that "-1" hears "must not be negative" rather than "not a number".
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]+");

    public Quantity {
        if (value < 0) {
            throw new InvalidValue("Must not be negative.");
        }
    }

    /**
     * Reads a quantity written as text, the form in which a JSON number or string reaches the
     * edge, so that {@code 1.5}, {@code "abc"} or {@code 1e20} get a message about this field
     * rather than one about the whole body.
     */
    public static Quantity parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValue("This field is required.");
        }
        String trimmed = text.strip();
        if (!WHOLE_NUMBER.matcher(trimmed).matches()) {
            throw new InvalidValue("Must be a whole number.");
        }
        BigInteger value = new BigInteger(trimmed);
        if (value.signum() < 0) {
            throw new InvalidValue("Must not be negative.");
        }
        if (value.bitLength() > 31) {
            throw new InvalidValue("Must be at most " + Integer.MAX_VALUE + ".");
        }
        return new Quantity(value.intValue());
    }

    public boolean inStock() {
        return value > 0;
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
