package dev.stockroom.core.account.domain;

import dev.stockroom.core.shared.InvalidValue;
import java.util.Objects;
import java.util.UUID;

public record UserId(UUID value) {
    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    public static UserId parse(String text) {
        try {
            return new UserId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidValue("is not a user id");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
