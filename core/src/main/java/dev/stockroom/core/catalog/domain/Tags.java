package dev.stockroom.core.catalog.domain;

import dev.stockroom.core.shared.InvalidValue;
import dev.stockroom.core.shared.Text;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A product's tags: at most 20, each 1 to 50 characters after trimming, kept in lower case
 * ({@link Locale#ROOT}) in the order given, a repeated tag kept once. A tag cannot hold {@code ;},
 * the separator of the CSV column and of the stored form.
 */
public record Tags(List<String> values) {
    public static final int MAX_COUNT = 20;
    public static final int MAX_LENGTH = 50;
    public static final String SEPARATOR = ";";
    public static final Tags NONE = new Tags(List.of());

    public Tags {
        Objects.requireNonNull(values, "values");
        Set<String> distinct = new LinkedHashSet<>();
        for (String tag : values) {
            distinct.add(tag(tag));
        }
        if (distinct.size() > MAX_COUNT) {
            throw new InvalidValue("Give at most " + MAX_COUNT + " tags.");
        }
        values = List.copyOf(distinct);
    }

    /** One tag checked and lower-cased, as it is stored and as the {@code tag} filter compares it. */
    public static String tag(String text) {
        String tag;
        try {
            tag = Text.requiredLine(text, MAX_LENGTH).toLowerCase(Locale.ROOT);
        } catch (InvalidValue e) {
            throw new InvalidValue("Each tag: " + lowerFirst(e.getMessage()));
        }
        if (tag.contains(SEPARATOR)) {
            throw new InvalidValue("Each tag: must not contain " + SEPARATOR + ".");
        }
        return tag;
    }

    /** {@code a;b;c} as the tags {@code a}, {@code b}, {@code c}; empty or null is no tags. */
    public static Tags parseDelimited(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        List<String> parts = new ArrayList<>();
        for (String part : text.split(SEPARATOR, -1)) {
            if (!part.isBlank()) {
                parts.add(part);
            }
        }
        return new Tags(parts);
    }

    /** The tags joined by {@code ;}: the CSV column's form. */
    public String joined() {
        return String.join(SEPARATOR, values);
    }

    public boolean contains(String tag) {
        return values.contains(tag);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    private static String lowerFirst(String message) {
        return message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }
}
