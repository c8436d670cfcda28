package dev.stockroom.adapters.rest.security;

import dev.stockroom.adapters.rest.error.CallerLanguage;
import dev.stockroom.core.account.port.in.AuthenticatedUser;
import dev.stockroom.core.shared.LanguageTag;
import java.security.Principal;
import java.util.Objects;

/** The dropwizard-auth principal: a confirmed {@link AuthenticatedUser}. */
public record StockroomPrincipal(AuthenticatedUser user) implements Principal, CallerLanguage {
    public StockroomPrincipal {
        Objects.requireNonNull(user, "user");
    }

    @Override
    public LanguageTag language() {
        return user.locale();
    }

    @Override
    public String getName() {
        return user.username().value();
    }
}
