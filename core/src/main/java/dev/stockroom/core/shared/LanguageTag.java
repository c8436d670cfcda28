package dev.stockroom.core.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A well-formed BCP 47 language tag ({@code en}, {@code de-DE}, {@code pt-BR}) in its normal form:
 * the case BCP 47 recommends ({@code de-de} becomes {@code de-DE}), with a language subtag. Being
 * well formed says nothing about whether anything is translated into it: {@link #bestIn} picks what
 * is, English when nothing fits.
 */
public record LanguageTag(String value) {
    /** RFC 5646 asks implementations to take at least 35 characters; longer ones are not sensible. */
    public static final int MAX_LENGTH = 35;

    public static final LanguageTag ENGLISH = new LanguageTag("en");
    private static final String MALFORMED = "Must be a language tag such as en or de-DE.";

    public LanguageTag {
        if (value == null || value.isBlank()) {
            throw new InvalidValue("This field is required.");
        }
        String stripped = value.strip();
        if (stripped.length() > MAX_LENGTH) {
            throw new InvalidValue("Must be at most " + MAX_LENGTH + " characters.");
        }
        Locale locale;
        try {
            // Strict, unlike Locale.forLanguageTag, which drops what it cannot read.
            locale = new Locale.Builder().setLanguageTag(stripped).build();
        } catch (IllformedLocaleException e) {
            throw new InvalidValue(MALFORMED);
        }
        if (locale.getLanguage().isEmpty() || locale.getLanguage().equals("und")) {
            throw new InvalidValue(MALFORMED);
        }
        value = locale.toLanguageTag();
    }

    public Locale locale() {
        return Locale.forLanguageTag(value);
    }

    /**
     * The language among {@code available} a reader of this one is served: RFC 4647 lookup, so
     * {@code de-AT} gets {@code de}; {@link #ENGLISH} when none fits.
     */
    public LanguageTag bestIn(Collection<LanguageTag> available) {
        return lookup(List.of(new Locale.LanguageRange(value)), available).orElse(ENGLISH);
    }

    /**
     * The best of {@code available} for a client's preferences (an {@code Accept-Language}
     * header, parsed), by RFC 4647 lookup; empty when none fits.
     */
    public static Optional<LanguageTag> lookup(
            List<Locale.LanguageRange> preferences, Collection<LanguageTag> available) {
        Objects.requireNonNull(preferences, "preferences");
        List<String> tags = new ArrayList<>(available.size());
        available.forEach(tag -> tags.add(tag.value()));
        String found = Locale.lookupTag(preferences, tags);
        return Optional.ofNullable(found).map(LanguageTag::new);
    }

    /**
     * The preferences of an {@code Accept-Language} header, best first; none when it is absent or
     * malformed (a client's broken header is no reason to refuse its request).
     */
    public static List<Locale.LanguageRange> preferences(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 1000) {
            return List.of();
        }
        try {
            return List.copyOf(Locale.LanguageRange.parse(acceptLanguage));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
