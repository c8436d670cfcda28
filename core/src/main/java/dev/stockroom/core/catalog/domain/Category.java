package dev.stockroom.core.catalog.domain;

import dev.stockroom.core.shared.Text;

/** One short category name: 1 to 100 characters after trimming, without control characters. */
public record Category(String value) {
    public static final int MAX_LENGTH = 100;

    public Category {
        value = Text.requiredLine(value, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
