package dev.stockroom.core.catalog.domain;

import dev.stockroom.core.shared.InvalidValue;

/**
 * Free text of at most 5000 characters after trimming; empty is allowed and is what "no
 * description" means. Line breaks and tabs are kept, other control characters are refused.
 */
public record Description(String value) {
    public static final int MAX_LENGTH = 5000;
    public static final Description EMPTY = new Description("");

    public Description {
        value = value == null ? "" : value.strip();
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new InvalidValue("Must be at most " + MAX_LENGTH + " characters.");
        }
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new InvalidValue("Must not contain control characters other than line breaks and tabs.");
        }
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return value;
    }
}
