package dev.stockroom.core.account.domain;

import dev.stockroom.core.shared.Text;

/** A first or last name: 1 to 100 characters after trimming. */
public record PersonName(String value) {
    public static final int MAX_LENGTH = 100;

    public PersonName {
        value = Text.requiredLine(value, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
