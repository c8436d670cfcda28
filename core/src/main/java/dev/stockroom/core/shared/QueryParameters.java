package dev.stockroom.core.shared;

import java.util.Locale;
import java.util.Optional;

/** How list queries read their text parameters: the same words mean the same things on every list. */
public final class QueryParameters {
    private QueryParameters() {}

    /** Null or blank is "not given". */
    public static Optional<String> given(String parameter) {
        return Optional.ofNullable(parameter).filter(p -> !p.isBlank());
    }

    /** {@code true}/{@code 1} or {@code false}/{@code 0}, without regard to case. */
    public static Boolean parseBoolean(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> throw new InvalidValue("Must be true or false.");
        };
    }

    /** One of the enum's names, without regard to case; {@code allowed} says which in the message. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String text, String allowed) {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValue("Must be " + allowed + ".");
        }
    }
}
