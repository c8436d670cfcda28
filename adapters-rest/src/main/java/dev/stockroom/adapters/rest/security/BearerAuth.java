package dev.stockroom.adapters.rest.security;

import dev.stockroom.adapters.rest.error.ErrorResponses;
import dev.stockroom.core.account.port.in.Authentication;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.UnauthorizedHandler;
import jakarta.ws.rs.core.Response;
import java.util.function.Consumer;

/**
 * Wires bearer-token authentication (from the {@code Authorization} header only) into Jersey through
 * dropwizard-auth, and publishes the tokens' public keys at {@code /.well-known/jwks.json}.
 */
public final class BearerAuth {
    private BearerAuth() {}

    public static void register(Consumer<Object> jersey, AccessTokens tokens, Authentication authentication) {
        UnauthorizedHandler unauthorized = new UnauthorizedHandler() {
            @Override
            public Response buildResponse(String prefix, String realm) {
                return ErrorResponses.unauthorized("Authentication credentials were not provided or are not valid.");
            }
        };
        jersey.accept(new AuthDynamicFeature(new BearerHeaderFilter.Builder<StockroomPrincipal>()
                .setAuthenticator(new BearerAuthenticator(tokens, authentication))
                .setPrefix("Bearer")
                .setRealm("stockroom")
                .setUnauthorizedHandler(unauthorized)
                .buildAuthFilter()));
        jersey.accept(new AuthValueFactoryProvider.Binder<>(StockroomPrincipal.class));
        jersey.accept(new JwksResource(tokens.settings()));
    }
}
