package dev.stockroom.adapters.rest.account;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import dev.stockroom.adapters.rest.http.RequestOrigin;
import dev.stockroom.adapters.rest.security.StockroomPrincipal;
import dev.stockroom.core.account.port.in.CodeCommand;
import dev.stockroom.core.account.port.in.RegisterCommand;
import dev.stockroom.core.account.port.in.Registered;
import dev.stockroom.core.account.port.in.Registration;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Objects;

@Timed
@ExceptionMetered
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
public final class RegistrationResource {
    private final Registration registration;
    private final Tokens tokens;

    RegistrationResource(Registration registration, Tokens tokens) {
        this.registration = registration;
        this.tokens = tokens;
    }

    @POST
    @Path("/register")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(AccountJson.RegisterRequest body, @Context ContainerRequestContext request) {
        AccountJson.RegisterRequest r = Objects.requireNonNullElse(body, AccountJson.RegisterRequest.EMPTY);
        Registered registered = registration.register(
                RegisterCommand.of(
                        r.firstName(), r.lastName(), r.username(), r.email(), r.password(), r.confirmPassword()),
                RequestOrigin.of(request));
        AccountJson.Reply reply = tokens.reply("Successfully registered, code sent to your email", registered.grant());
        return Response.status(Response.Status.CREATED).entity(reply).build();
    }

    @POST
    @Path("/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountJson.Reply verify(
            @Auth StockroomPrincipal caller, AccountJson.CodeRequest body, @Context ContainerRequestContext request) {
        AccountJson.CodeRequest r = Objects.requireNonNullElse(body, AccountJson.CodeRequest.EMPTY);
        return tokens.reply(
                null, registration.verify(caller.user(), new CodeCommand(r.code()), RequestOrigin.of(request)));
    }

    @POST
    @Path("/resend/code")
    public AccountJson.Reply resendCode(@Auth StockroomPrincipal caller) {
        registration.resendCode(caller.user());
        return new AccountJson.Reply(
                true,
                "Code sent successfully",
                null,
                null,
                null,
                null,
                caller.user().status().name(),
                null,
                null);
    }
}
