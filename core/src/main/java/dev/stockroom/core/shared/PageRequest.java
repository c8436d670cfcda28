package dev.stockroom.core.shared;

import java.util.Optional;
import java.util.regex.Pattern;

/** Which page of a list, read from the API's {@code page} and {@code page_size} as the product list reads them. */
public record PageRequest(int page, int pageSize) {
    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");
    private static final String PAGE_RULE = "Must be a whole number of at least 1.";
    private static final String PAGE_SIZE_RULE = "Must be a whole number from 1 to " + MAX_PAGE_SIZE + ".";

    public PageRequest {
        if (page < 1 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be at least 1 and pageSize from 1 to " + MAX_PAGE_SIZE);
        }
    }

    public static PageRequest first() {
        return new PageRequest(1, DEFAULT_PAGE_SIZE);
    }

    /** Null or blank means the default; a problem is recorded in {@code v} under the API's name, and the default used. */
    public static PageRequest parse(Violations v, String page, String pageSize) {
        int number = given(page)
                .map(p -> v.field("page", () -> whole(p, 1, Integer.MAX_VALUE, PAGE_RULE)))
                .orElse(1);
        int size = given(pageSize)
                .map(p -> v.field("page_size", () -> whole(p, 1, MAX_PAGE_SIZE, PAGE_SIZE_RULE)))
                .orElse(DEFAULT_PAGE_SIZE);
        return new PageRequest(number, size);
    }

    public long offset() {
        return Page.offset(page, pageSize);
    }

    public <T> Page<T> of(java.util.List<T> items, long total) {
        return new Page<>(items, total, page, pageSize);
    }

    private static Optional<String> given(String parameter) {
        return Optional.ofNullable(parameter).filter(p -> !p.isBlank());
    }

    // A page number beyond int is as far past the end as Integer.MAX_VALUE is: both list nothing.
    private static Integer whole(String text, int min, int max, String rule) {
        String trimmed = text.strip();
        if (!DIGITS.matcher(trimmed).matches()) {
            throw new InvalidValue(rule);
        }
        long value = Long.parseLong(trimmed);
        if (value < min || (max < Integer.MAX_VALUE && value > max)) {
            throw new InvalidValue(rule);
        }
        return (int) Math.min(value, Integer.MAX_VALUE);
    }
}
