package dev.stockroom.core.account.domain;

import dev.stockroom.core.shared.InvalidValue;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * 3 to 150 letters, digits, '.', '_' or '-'. Unique without regard to case: {@link #key()} is the
 * form stored under the unique constraint.
 */
public record Username(String value) {
    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 150;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Nd}._-]+");

    public Username {
        if (value == null || value.isBlank()) {
            throw new InvalidValue("This field is required.");
        }
        value = Normalizer.normalize(value.strip(), Normalizer.Form.NFKC);
        int length = value.codePointCount(0, value.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new InvalidValue("Must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters.");
        }
        if (!ALLOWED.matcher(value).matches()) {
            throw new InvalidValue("May contain only letters, digits and . _ -");
        }
    }

    /** The case-folded form that uniqueness is decided on. */
    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
