package dev.stockroom.core.catalog.domain;

import dev.stockroom.core.shared.InvalidValue;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount with at most two decimal places, 0 &le; price &lt; 10^10, always held at scale 2 so
 * that {@code 12.5} and {@code 12.50} are the same price and print as {@code "12.50"}.
 */
public record Price(BigDecimal amount) implements Comparable<Price> {
    public static final int SCALE = 2;
    /** Exclusive upper bound; fits a SQL {@code DECIMAL(12, 2)}. */
    public static final BigDecimal LIMIT = BigDecimal.TEN.pow(10);

    public static final Price ZERO = new Price(BigDecimal.ZERO);
    // Plain decimal notation only: no exponent, no grouping, no leading '+' or '.'. A sign is let
    // through so that "-1" hears "must not be negative" rather than "not a number".
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    // Longer input cannot be a valid price however many zeros it carries; refusing it early keeps
    // BigDecimal from parsing an arbitrarily long string.
    private static final int MAX_TEXT_LENGTH = 32;

    public Price {
        Objects.requireNonNull(amount, "amount");
        // Range first: the comparisons are cheap even for absurd exponents, setScale would not be.
        if (amount.signum() < 0) {
            throw new InvalidValue("Must not be negative.");
        }
        if (amount.compareTo(LIMIT) >= 0) {
            throw new InvalidValue("Must be less than " + LIMIT.toPlainString() + ".");
        }
        if (amount.stripTrailingZeros().scale() > SCALE) {
            throw new InvalidValue("Must have at most " + SCALE + " decimal places.");
        }
        amount = amount.setScale(SCALE);
    }

    /** Reads a price written as text, such as {@code "12"}, {@code "12.5"} or {@code "12.50"}. */
    public static Price parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValue("This field is required.");
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_TEXT_LENGTH
                || !PLAIN_DECIMAL.matcher(trimmed).matches()) {
            throw new InvalidValue("Enter a number such as 12.50.");
        }
        return new Price(new BigDecimal(trimmed));
    }

    @Override
    public int compareTo(Price other) {
        return amount.compareTo(other.amount);
    }

    /** The plain decimal with two places, e.g. {@code "12.50"}: the form the API writes. */
    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
