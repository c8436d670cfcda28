package dev.stockroom.core.account.port.in;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.account.domain.PersonName;
import dev.stockroom.core.account.domain.Username;
import dev.stockroom.core.shared.Violations;
import java.util.Objects;

/**
 * A registration whose fields are well formed and whose passwords match. The password policy
 * (length, common passwords, resemblance to the username) is applied by the use case, which
 * knows the configured policy.
 */
public record RegisterCommand(
        PersonName firstName, PersonName lastName, Username username, EmailAddress email, String password) {

    public RegisterCommand {
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
    }

    /** Checks every field at once. @throws AccountFailure.InvalidInput naming each bad field */
    public static RegisterCommand of(
            String firstName, String lastName, String username, String email, String password, String confirmPassword) {
        Violations v = new Violations();
        PersonName first = v.field("first_name", () -> new PersonName(firstName));
        PersonName last = v.field("last_name", () -> new PersonName(lastName));
        Username user = v.field("username", () -> new Username(username));
        EmailAddress mail = v.field("email", () -> new EmailAddress(email));
        Passwords.checkNewPassword(v, password, confirmPassword);
        v.throwIfAny(AccountFailure.InvalidInput::new);
        return new RegisterCommand(first, last, user, mail, password);
    }

    @Override
    public String toString() {
        return "RegisterCommand[username=" + username + ", email=" + email + "]";
    }
}
