package dev.stockroom.core.shared;

/**
 * Thrown by a value object whose input breaks its invariant. The message is one sentence a person
 * can read ("must be 3 to 150 characters"); commands collect these per field into a failure.
 */
public final class InvalidValue extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidValue(String message) {
        super(message);
    }
}
