package dev.stockroom.adapters.rest.account;

import dev.stockroom.adapters.rest.security.StockroomPrincipal;
import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.port.in.Authentication;
import dev.stockroom.core.account.port.in.LogInCommand;
import dev.stockroom.core.account.port.in.LogOutCommand;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Objects;
import java.util.Optional;

@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
public final class AuthenticationResource {
    private final Authentication authentication;
    private final Tokens tokens;

    AuthenticationResource(Authentication authentication, Tokens tokens) {
        this.authentication = authentication;
        this.tokens = tokens;
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountJson.Reply logIn(AccountJson.LoginRequest body) {
        AccountJson.LoginRequest r = Objects.requireNonNullElse(body, AccountJson.LoginRequest.EMPTY);
        return tokens.reply(null, authentication.logIn(new LogInCommand(r.username(), r.password())));
    }

    @POST
    @Path("/token/refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountJson.Reply refresh(AccountJson.RefreshRequest body) {
        AccountJson.RefreshRequest r = Objects.requireNonNullElse(body, AccountJson.RefreshRequest.EMPTY);
        if (r.refreshToken() == null || r.refreshToken().isBlank()) {
            throw AccountFailure.InvalidInput.of("refresh_token", "This field is required.");
        }
        return tokens.reply(null, authentication.refresh(r.refreshToken()));
    }

    @POST
    @Path("/logout")
    public AccountJson.Reply logOut(@Auth StockroomPrincipal caller, AccountJson.LogoutRequest body) {
        AccountJson.LogoutRequest r = Objects.requireNonNullElse(body, AccountJson.LogoutRequest.EMPTY);
        authentication.logOut(caller.user(),
                new LogOutCommand(Optional.ofNullable(r.refreshToken()), Boolean.TRUE.equals(r.all())));
        return AccountJson.Reply.message("Logged out");
    }
}
