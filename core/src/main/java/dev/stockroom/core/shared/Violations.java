package dev.stockroom.core.shared;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Collects what is wrong with each field of one input, so that a client hears about every bad
 * field at once instead of one per round trip.
 */
public final class Violations {
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    /** Parses one field; on {@link InvalidValue} records its message under {@code field} and returns null. */
    public <T> T field(String field, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidValue e) {
            add(field, e.getMessage());
            return null;
        }
    }

    /** Records {@code message} under {@code field} when {@code value} is null or blank; returns the value. */
    public String required(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "This field is required.");
        }
        return value;
    }

    public Violations add(String field, String message) {
        errors.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
        return this;
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** An unmodifiable copy: field name to its messages, in the order they were found. */
    public Map<String, List<String>> asMap() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        errors.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }

    /** Throws the failure made from the collected errors, if there are any. */
    public <X extends RuntimeException> void throwIfAny(Function<Map<String, List<String>>, X> failure) {
        if (!errors.isEmpty()) {
            throw failure.apply(asMap());
        }
    }
}
