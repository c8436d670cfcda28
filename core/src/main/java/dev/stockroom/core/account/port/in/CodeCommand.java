package dev.stockroom.core.account.port.in;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.shared.Violations;

/** A six-digit code as typed by the user; surrounding spaces are forgiven. */
public record CodeCommand(String code) {

    public CodeCommand {
        Violations v = new Violations();
        if (v.required("code", code) != null && !code.isBlank() && !code.strip().matches("[0-9]{6}")) {
            v.add("code", "Must be 6 digits.");
        }
        v.throwIfAny(AccountFailure.InvalidInput::new);
        code = code.strip();
    }

    @Override
    public String toString() {
        return "CodeCommand[***]";
    }
}
