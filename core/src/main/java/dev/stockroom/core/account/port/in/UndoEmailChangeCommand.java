package dev.stockroom.core.account.port.in;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.shared.Violations;

/** The way back from an email change: the address that was left and the code mailed to it. */
public record UndoEmailChangeCommand(EmailAddress email, String code) {

    public static UndoEmailChangeCommand of(String email, String code) {
        Violations v = new Violations();
        EmailAddress address = v.field("email", () -> new EmailAddress(email));
        String checked = null;
        try {
            checked = new CodeCommand(code).code();
        } catch (AccountFailure.InvalidInput e) {
            e.fieldErrors().forEach((field, messages) -> messages.forEach(m -> v.add(field, m)));
        }
        v.throwIfAny(AccountFailure.InvalidInput::new);
        return new UndoEmailChangeCommand(address, checked);
    }

    /** Never prints the code. */
    @Override
    public String toString() {
        return "UndoEmailChangeCommand[email=" + email + "]";
    }
}
