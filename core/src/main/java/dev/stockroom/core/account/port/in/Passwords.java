package dev.stockroom.core.account.port.in;

import dev.stockroom.core.shared.Violations;
import java.util.Objects;

/** Shared checks of a new password and its confirmation, as the API names them. */
final class Passwords {
    private Passwords() {}

    static void checkNewPassword(Violations v, String password, String confirmPassword) {
        v.required("password", password);
        v.required("confirm_password", confirmPassword);
        if (password != null
                && confirmPassword != null
                && !password.isEmpty()
                && !confirmPassword.isEmpty()
                && !Objects.equals(password, confirmPassword)) {
            v.add("confirm_password", "Passwords do not match.");
        }
    }
}
