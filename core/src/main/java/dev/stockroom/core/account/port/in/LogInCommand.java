package dev.stockroom.core.account.port.in;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.Origin;
import dev.stockroom.core.shared.Violations;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code login} is a username or an email address; {@code deviceToken} the one an earlier login
 * of this account handed to this client, if it kept it.
 */
public record LogInCommand(String login, String password, Optional<String> deviceToken, Origin origin) {
    /** Longer than any token Stockroom hands out; anything longer is no device token of ours. */
    private static final int MAX_DEVICE_TOKEN_LENGTH = 128;

    public LogInCommand {
        Violations v = new Violations();
        v.required("username", login);
        v.required("password", password);
        v.throwIfAny(AccountFailure.InvalidInput::new);
        login = login.strip();
        Objects.requireNonNull(deviceToken, "deviceToken");
        deviceToken = deviceToken.map(String::strip).filter(t -> !t.isEmpty() && t.length() <= MAX_DEVICE_TOKEN_LENGTH);
        Objects.requireNonNull(origin, "origin");
    }

    public LogInCommand(String login, String password) {
        this(login, password, Optional.empty(), Origin.UNKNOWN);
    }

    public boolean isEmail() {
        return login.indexOf('@') >= 0;
    }

    /** Never prints the password or the device token. */
    @Override
    public String toString() {
        return "LogInCommand[login=" + login + "]";
    }
}
