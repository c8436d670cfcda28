package dev.stockroom.core.account.port.in;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.shared.Violations;

/**
 * A new password and its confirmation; {@code oldPassword} is required when changing with an
 * access token and ignored with a reset token.
 */
public record NewPasswordCommand(String password, String oldPassword) {

    public static NewPasswordCommand of(String password, String confirmPassword, String oldPassword) {
        Violations v = new Violations();
        Passwords.checkNewPassword(v, password, confirmPassword);
        v.throwIfAny(AccountFailure.InvalidInput::new);
        return new NewPasswordCommand(password, oldPassword);
    }

    @Override
    public String toString() {
        return "NewPasswordCommand[***]";
    }
}
