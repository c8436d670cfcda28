package dev.stockroom.core.catalog.port.in;

import dev.stockroom.core.catalog.domain.CatalogFailure;
import dev.stockroom.core.shared.InvalidValue;
import dev.stockroom.core.shared.Text;
import dev.stockroom.core.shared.Violations;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A change of a product's stock by a signed amount: {@code -1} for a sale, {@code +12} for a
 * delivery. Never 0, and within the range of a quantity.
 *
 * @param delta  what to add (negative: take away)
 * @param reason why, in a few words, if the caller said (1–{@value #MAX_REASON_LENGTH} characters)
 */
public record StockAdjustment(int delta, Optional<String> reason) {
    public static final int MAX_REASON_LENGTH = 200;
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");
    private static final String RANGE = "Must be from -" + Integer.MAX_VALUE + " to " + Integer.MAX_VALUE + ".";

    public StockAdjustment {
        Objects.requireNonNull(reason, "reason");
        if (delta == 0 || delta == Integer.MIN_VALUE) {
            throw CatalogFailure.InvalidInput.of("delta", delta == 0 ? "Must not be 0." : RANGE);
        }
        reason.ifPresent(r -> {
            Violations v = new Violations();
            v.field("reason", () -> Text.requiredLine(r, MAX_REASON_LENGTH));
            v.throwIfAny(CatalogFailure.InvalidInput::new);
        });
    }

    public static StockAdjustment by(int delta) {
        return new StockAdjustment(delta, Optional.empty());
    }

    /**
     * Reads the fields as text, the form in which a JSON number or string reaches the edge; a
     * null or blank reason means none. Checks both fields at once.
     *
     * @throws CatalogFailure.InvalidInput naming each bad field
     */
    public static StockAdjustment parse(String delta, String reason) {
        Violations v = new Violations();
        Integer amount = v.field("delta", () -> parseDelta(delta));
        Optional<String> why = Optional.ofNullable(reason)
                .map(String::strip)
                .filter(r -> !r.isEmpty())
                .map(r -> v.field("reason", () -> Text.requiredLine(r, MAX_REASON_LENGTH)));
        v.throwIfAny(CatalogFailure.InvalidInput::new);
        return new StockAdjustment(amount, why);
    }

    private static int parseDelta(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValue("This field is required.");
        }
        String trimmed = text.strip();
        if (!WHOLE_NUMBER.matcher(trimmed).matches()) {
            throw new InvalidValue("Must be a whole number.");
        }
        BigInteger value = new BigInteger(trimmed);
        if (value.signum() == 0) {
            throw new InvalidValue("Must not be 0.");
        }
        if (value.abs().bitLength() > 31) {
            throw new InvalidValue(RANGE);
        }
        return value.intValue();
    }
}
