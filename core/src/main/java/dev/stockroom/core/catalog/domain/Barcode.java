package dev.stockroom.core.catalog.domain;

import dev.stockroom.core.shared.InvalidValue;
import java.util.regex.Pattern;

/**
 * A GTIN: 8, 12, 13 or 14 digits (EAN-8, UPC-A, EAN-13, GTIN-14) whose last digit is the GS1
 * check digit of the others.
 */
public record Barcode(String value) {
    private static final Pattern FORM = Pattern.compile("[0-9]{8}|[0-9]{12,14}");

    public Barcode {
        if (value == null || value.isBlank()) {
            throw new InvalidValue("This field is required.");
        }
        value = value.strip();
        if (!FORM.matcher(value).matches()) {
            throw new InvalidValue("Must be a GTIN of 8, 12, 13 or 14 digits.");
        }
        if (checkDigit(value.substring(0, value.length() - 1)) != value.charAt(value.length() - 1) - '0') {
            throw new InvalidValue("The check digit (the last digit) does not match the others.");
        }
    }

    /**
     * The GS1 check digit of {@code digits}: from the right, weights 3 and 1 alternate; the digit
     * brings the sum up to a multiple of ten.
     */
    static int checkDigit(String digits) {
        int sum = 0;
        for (int i = digits.length() - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (digits.charAt(i) - '0') * weight;
        }
        return (10 - sum % 10) % 10;
    }

    @Override
    public String toString() {
        return value;
    }
}
