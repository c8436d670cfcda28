package dev.stockroom.core.account.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * Ends the caller's session; also the session of {@code refreshToken} when given (it must be the
 * caller's); every session of the caller when {@code all}.
 */
public record LogOutCommand(Optional<String> refreshToken, boolean all) {
    public LogOutCommand {
        Objects.requireNonNull(refreshToken, "refreshToken");
        refreshToken = refreshToken.filter(t -> !t.isBlank());
    }

    public static LogOutCommand current() {
        return new LogOutCommand(Optional.empty(), false);
    }

    @Override
    public String toString() {
        return "LogOutCommand[all=" + all + "]";
    }
}
