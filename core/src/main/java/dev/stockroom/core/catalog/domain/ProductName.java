package dev.stockroom.core.catalog.domain;

import dev.stockroom.core.shared.Text;

/** 1 to 200 characters after trimming, without control characters. */
public record ProductName(String value) {
    public static final int MAX_LENGTH = 200;

    public ProductName {
        value = Text.requiredLine(value, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
