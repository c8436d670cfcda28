package dev.stockroom.core.account.application;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.port.in.AuthenticatedUser;
import dev.stockroom.core.account.port.out.UserRepository;

/** Token-scope checks and the caller's stored account, shared by the use cases that take a caller. */
final class Callers {
    private Callers() {}

    static void requireKind(AuthenticatedUser caller, SessionKind kind) {
        if (caller.kind() != kind) {
            throw new AccountFailure.WrongTokenKind();
        }
    }

    /** The caller's account as stored now, not as the token described it. */
    static User storedUser(UserRepository users, AuthenticatedUser caller) {
        return users.findById(caller.userId()).orElseThrow(AccountFailure.SessionEnded::new);
    }
}
