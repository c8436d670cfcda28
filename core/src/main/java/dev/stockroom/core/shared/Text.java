package dev.stockroom.core.shared;

/** Checks shared by the value objects that hold a short line of text a person typed. */
public final class Text {
    private Text() {}

    /**
     * The value stripped of surrounding white space: required, at most {@code maxLength} code
     * points (so an emoji counts once), without control characters.
     *
     * @throws InvalidValue saying which rule the value breaks
     */
    public static String requiredLine(String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidValue("This field is required.");
        }
        String stripped = value.strip();
        if (stripped.codePointCount(0, stripped.length()) > maxLength) {
            throw new InvalidValue("Must be at most " + maxLength + " characters.");
        }
        if (stripped.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidValue("Must not contain control characters.");
        }
        return stripped;
    }

    /**
     * The value unchanged when it holds no control character: for search text, which is matched
     * rather than stored, and must never carry a NUL (PostgreSQL refuses {@code \u0000} in text,
     * so it would otherwise fail as a database error).
     *
     * @throws InvalidValue when it does
     */
    public static String withoutControlCharacters(String value) {
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidValue("Must not contain control characters.");
        }
        return value;
    }
}
