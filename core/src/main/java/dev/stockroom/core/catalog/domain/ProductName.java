package dev.stockroom.core.catalog.domain;

import dev.stockroom.core.shared.InvalidValue;

/** 1 to 200 characters after trimming, without control characters. */
public record ProductName(String value) {
    public static final int MAX_LENGTH = 200;

    public ProductName {
        if (value == null || value.isBlank()) {
            throw new InvalidValue("This field is required.");
        }
        value = value.strip();
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new InvalidValue("Must be at most " + MAX_LENGTH + " characters.");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidValue("Must not contain control characters.");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
