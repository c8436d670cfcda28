package dev.stockroom.core.account.port.in;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.shared.Violations;

/** {@code login} is a username or an email address. */
public record LogInCommand(String login, String password) {

    public LogInCommand {
        Violations v = new Violations();
        v.required("username", login);
        v.required("password", password);
        v.throwIfAny(AccountFailure.InvalidInput::new);
        login = login.strip();
    }

    public boolean isEmail() {
        return login.indexOf('@') >= 0;
    }

    @Override
    public String toString() {
        return "LogInCommand[login=" + login + "]";
    }
}
