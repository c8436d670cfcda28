package dev.stockroom.core.account.domain;

import dev.stockroom.core.shared.InvalidValue;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A mail address of at most 254 characters. Unique without regard to case: {@link #key()} is the
 * form stored under the unique constraint and used for look-ups.
 */
public record EmailAddress(String value) {
    public static final int MAX_LENGTH = 254;
    // Deliberately plain: one '@', a local part and a dotted domain, no spaces or control characters.
    private static final Pattern SHAPE =
            Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}.]+(\\.[^@\\s\\p{Cntrl}.]+)+");

    public EmailAddress {
        if (value == null || value.isBlank()) {
            throw new InvalidValue("This field is required.");
        }
        value = value.strip();
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValue("Must be at most " + MAX_LENGTH + " characters.");
        }
        if (!SHAPE.matcher(value).matches()) {
            throw new InvalidValue("Enter a valid email address.");
        }
    }

    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }

    public String localPart() {
        return value.substring(0, value.lastIndexOf('@'));
    }

    @Override
    public String toString() {
        return value;
    }
}
