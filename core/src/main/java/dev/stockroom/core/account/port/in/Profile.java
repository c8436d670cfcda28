package dev.stockroom.core.account.port.in;

import dev.stockroom.core.account.domain.AuthStatus;
import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.account.domain.PersonName;
import dev.stockroom.core.account.domain.Role;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.domain.Username;
import dev.stockroom.core.shared.LanguageTag;
import java.time.Instant;

/** A user as others may see it: everything but the password hash. */
public record Profile(
        UserId id,
        PersonName firstName,
        PersonName lastName,
        Username username,
        EmailAddress email,
        AuthStatus status,
        Role role,
        Instant createdAt,
        LanguageTag locale) {

    public static Profile from(User user) {
        return new Profile(
                user.id(),
                user.firstName(),
                user.lastName(),
                user.username(),
                user.email(),
                user.status(),
                user.role(),
                user.createdAt(),
                user.locale());
    }
}
