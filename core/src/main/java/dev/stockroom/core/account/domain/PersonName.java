package dev.stockroom.core.account.domain;

import dev.stockroom.core.shared.InvalidValue;

/** A first or last name: 1 to 100 characters after trimming. */
public record PersonName(String value) {
    public static final int MAX_LENGTH = 100;

    public PersonName {
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
