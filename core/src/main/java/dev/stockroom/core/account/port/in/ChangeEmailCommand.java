package dev.stockroom.core.account.port.in;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.shared.Violations;

/** An email change as requested: the new address and the current password. */
public record ChangeEmailCommand(EmailAddress newEmail, String password) {

    public static ChangeEmailCommand of(String newEmail, String password) {
        Violations v = new Violations();
        EmailAddress address = v.field("new_email", () -> new EmailAddress(newEmail));
        v.required("password", password);
        v.throwIfAny(AccountFailure.InvalidInput::new);
        return new ChangeEmailCommand(address, password);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "ChangeEmailCommand[newEmail=" + newEmail + "]";
    }
}
