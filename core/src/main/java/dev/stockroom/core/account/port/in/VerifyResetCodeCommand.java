package dev.stockroom.core.account.port.in;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.shared.Violations;

public record VerifyResetCodeCommand(EmailAddress email, String code) {

    public static VerifyResetCodeCommand of(String email, String code) {
        Violations v = new Violations();
        EmailAddress mail = v.field("email", () -> new EmailAddress(email));
        String checked = null;
        try {
            checked = new CodeCommand(code).code();
        } catch (AccountFailure.InvalidInput e) {
            e.fieldErrors().forEach((field, messages) -> messages.forEach(m -> v.add(field, m)));
        }
        v.throwIfAny(AccountFailure.InvalidInput::new);
        return new VerifyResetCodeCommand(mail, checked);
    }

    @Override
    public String toString() {
        return "VerifyResetCodeCommand[email=" + email + "]";
    }
}
