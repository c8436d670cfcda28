package dev.stockroom.core.account.port.in;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.Totp;
import java.util.Locale;
import java.util.Objects;

/**
 * A second factor as typed: a TOTP code (six digits) or a recovery code (groups of letters and
 * digits; case, spaces and dashes are forgiven). {@code field} is the request field it came in,
 * named in the field error when it is wrong.
 */
public record SecondFactorCode(Kind kind, String value, String field) {
    /** Longer than any recovery code Stockroom hands out. */
    private static final int MAX_LENGTH = 64;

    public enum Kind {
        TOTP,
        RECOVERY
    }

    public SecondFactorCode {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(field, "field");
    }

    /** A TOTP code from the {@code field}. */
    public static SecondFactorCode totp(String field, String code) {
        if (code == null || code.isBlank()) {
            throw AccountFailure.InvalidInput.of(field, "This field is required.");
        }
        String digits = code.strip();
        if (!digits.matches("[0-9]{" + Totp.DIGITS + "}")) {
            throw AccountFailure.InvalidInput.of(field, "Must be " + Totp.DIGITS + " digits.");
        }
        return new SecondFactorCode(Kind.TOTP, digits, field);
    }

    /** A recovery code from the {@code field}, normalised: lower case, no spaces or dashes. */
    public static SecondFactorCode recovery(String field, String code) {
        if (code == null || code.isBlank()) {
            throw AccountFailure.InvalidInput.of(field, "This field is required.");
        }
        String normalised = code.replace("-", "").replace(" ", "").strip().toLowerCase(Locale.ROOT);
        if (normalised.isEmpty() || normalised.length() > MAX_LENGTH || !normalised.matches("[a-z0-9]+")) {
            throw AccountFailure.InvalidInput.of(field, "Not a recovery code.");
        }
        return new SecondFactorCode(Kind.RECOVERY, normalised, field);
    }

    /** Six digits are a TOTP code, anything else a recovery code: one field that takes either. */
    public static SecondFactorCode either(String field, String code) {
        if (code != null && code.strip().matches("[0-9]{" + Totp.DIGITS + "}")) {
            return totp(field, code);
        }
        return recovery(field, code);
    }

    /** Never prints the code. */
    @Override
    public String toString() {
        return "SecondFactorCode[" + kind + ", ***]";
    }
}
