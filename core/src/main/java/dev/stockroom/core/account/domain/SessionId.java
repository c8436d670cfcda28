package dev.stockroom.core.account.domain;

import dev.stockroom.core.shared.InvalidValue;
import java.util.Objects;
import java.util.UUID;

public record SessionId(UUID value) {
    public SessionId {
        Objects.requireNonNull(value, "value");
    }

    public static SessionId random() {
        return new SessionId(UUID.randomUUID());
    }

    public static SessionId parse(String text) {
        try {
            return new SessionId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidValue("is not a session id");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
