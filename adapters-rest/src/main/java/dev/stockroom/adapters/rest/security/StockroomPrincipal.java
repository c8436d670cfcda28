package dev.stockroom.adapters.rest.security;

import dev.stockroom.core.account.port.in.AuthenticatedUser;
import java.security.Principal;
import java.util.Objects;

/** The dropwizard-auth principal: a confirmed {@link AuthenticatedUser}. */
public record StockroomPrincipal(AuthenticatedUser user) implements Principal {
    public StockroomPrincipal {
        Objects.requireNonNull(user, "user");
    }

    @Override
    public String getName() {
        return user.username().value();
    }
}
