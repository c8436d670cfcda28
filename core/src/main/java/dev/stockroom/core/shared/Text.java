package dev.stockroom.core.shared;

/** Checks shared by the value objects that hold a short line of text a person typed. */
public final class Text {
    private Text() {
    }

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
}
