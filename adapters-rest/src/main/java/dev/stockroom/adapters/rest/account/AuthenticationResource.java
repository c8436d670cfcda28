package dev.stockroom.adapters.rest.account;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import dev.stockroom.adapters.rest.error.RequestFailure;
import dev.stockroom.adapters.rest.http.RequestOrigin;
import dev.stockroom.adapters.rest.security.StockroomPrincipal;
import dev.stockroom.core.account.domain.SessionId;
import dev.stockroom.core.account.port.in.Authentication;
import dev.stockroom.core.account.port.in.LogInCommand;
import dev.stockroom.core.account.port.in.LogOutCommand;
import dev.stockroom.core.shared.InvalidValue;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Objects;
import java.util.Optional;

@Timed
@ExceptionMetered
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
    public AccountJson.Reply logIn(AccountJson.LoginRequest body, @Context ContainerRequestContext request) {
        AccountJson.LoginRequest r = Objects.requireNonNullElse(body, AccountJson.LoginRequest.EMPTY);
        return tokens.reply(
                null,
                authentication.logIn(new LogInCommand(
                        r.username(), r.password(), Optional.ofNullable(r.deviceToken()), RequestOrigin.of(request))));
    }

    @POST
    @Path("/token/refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountJson.Reply refresh(AccountJson.RefreshRequest body, @Context ContainerRequestContext request) {
        AccountJson.RefreshRequest r = Objects.requireNonNullElse(body, AccountJson.RefreshRequest.EMPTY);
        if (r.refreshToken() == null || r.refreshToken().isBlank()) {
            throw RequestFailure.invalidField("refresh_token", "This field is required.");
        }
        return tokens.reply(null, authentication.refresh(r.refreshToken(), RequestOrigin.of(request)));
    }

    @POST
    @Path("/logout")
    public AccountJson.Reply logOut(
            @Auth StockroomPrincipal caller, AccountJson.LogoutRequest body, @Context ContainerRequestContext request) {
        AccountJson.LogoutRequest r = Objects.requireNonNullElse(body, AccountJson.LogoutRequest.EMPTY);
        authentication.logOut(
                caller.user(),
                new LogOutCommand(Optional.ofNullable(r.refreshToken()), Boolean.TRUE.equals(r.all())),
                RequestOrigin.of(request));
        return AccountJson.Reply.message("Logged out");
    }

    @GET
    @Path("/sessions")
    public AccountJson.SessionsReply sessions(@Auth StockroomPrincipal caller) {
        SessionId current = caller.user().sessionId();
        return new AccountJson.SessionsReply(
                true,
                authentication.sessionsOf(caller.user()).stream()
                        .map(session -> AccountJson.SessionBody.from(session, current))
                        .toList());
    }

    @DELETE
    @Path("/sessions/{id}")
    public AccountJson.Reply endSession(
            @Auth StockroomPrincipal caller, @PathParam("id") String id, @Context ContainerRequestContext request) {
        SessionId session;
        try {
            session = SessionId.parse(id);
        } catch (InvalidValue notAnId) {
            throw new RequestFailure(RequestFailure.Kind.UNKNOWN_ID, "No such session.");
        }
        authentication.endSession(caller.user(), session, RequestOrigin.of(request));
        return AccountJson.Reply.message("Session ended");
    }
}
