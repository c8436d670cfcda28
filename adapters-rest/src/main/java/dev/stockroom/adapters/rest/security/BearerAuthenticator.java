package dev.stockroom.adapters.rest.security;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.port.in.AuthenticatedUser;
import dev.stockroom.core.account.port.in.Authentication;
import io.dropwizard.auth.Authenticator;
import java.util.Optional;

/**
 * Turns a bearer token into a principal: the JWT must verify, and the session it names must be
 * live in the store, so a logout or a password change takes effect on the next request.
 */
final class BearerAuthenticator implements Authenticator<String, StockroomPrincipal> {
    private final AccessTokens tokens;
    private final Authentication authentication;

    BearerAuthenticator(AccessTokens tokens, Authentication authentication) {
        this.tokens = tokens;
        this.authentication = authentication;
    }

    @Override
    public Optional<StockroomPrincipal> authenticate(String credentials) {
        return tokens.verify(credentials).flatMap(token -> {
            try {
                AuthenticatedUser user = authentication.authenticate(token.userId(), token.sessionId());
                if (user.kind() != token.kind()) {
                    return Optional.empty();
                }
                return Optional.of(new StockroomPrincipal(user));
            } catch (AccountFailure.SessionEnded e) {
                return Optional.empty();
            }
        });
    }
}
