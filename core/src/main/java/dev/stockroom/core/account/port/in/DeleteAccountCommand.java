package dev.stockroom.core.account.port.in;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.shared.Violations;
import java.util.Optional;

/** A user's own deletion: the current password, and a second-factor code when two-factor sign-in is on. */
public record DeleteAccountCommand(String password, Optional<String> code) {

    public static DeleteAccountCommand of(String password, String code) {
        Violations v = new Violations();
        v.required("password", password);
        v.throwIfAny(AccountFailure.InvalidInput::new);
        return new DeleteAccountCommand(
                password, Optional.ofNullable(code).map(String::strip).filter(c -> !c.isEmpty()));
    }

    /** Never prints the password or the code. */
    @Override
    public String toString() {
        return "DeleteAccountCommand[***]";
    }
}
