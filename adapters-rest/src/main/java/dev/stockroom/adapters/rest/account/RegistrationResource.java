package dev.stockroom.adapters.rest.account;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import dev.stockroom.adapters.rest.http.RequestOrigin;
import dev.stockroom.adapters.rest.openapi.OpenApiDocument;
import dev.stockroom.adapters.rest.security.StockroomPrincipal;
import dev.stockroom.core.account.port.in.CodeCommand;
import dev.stockroom.core.account.port.in.RegisterCommand;
import dev.stockroom.core.account.port.in.Registered;
import dev.stockroom.core.account.port.in.Registration;
import dev.stockroom.core.shared.LanguageTag;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Objects;

@Timed
@ExceptionMetered
@Tag(name = "Accounts", description = "Register, verify, log in and out, sessions, passwords, the caller's profile")
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
public final class RegistrationResource {
    private final Registration registration;
    private final Tokens tokens;

    RegistrationResource(Registration registration, Tokens tokens) {
        this.registration = registration;
        this.tokens = tokens;
    }

    @Operation(
            summary = "Register; mails a verification code",
            description = "The user's language is the locale field if given, else the best match of Accept-Language"
                    + " among the languages mail is written in, else en.")
    @ApiResponse(
            responseCode = "201",
            description = "Registered: a NEW user's access token",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AccountJson.Reply.class)))
    @ApiResponse(responseCode = "400", description = "Invalid fields, or a taken username or email")
    @ApiResponse(responseCode = "415", description = "Not JSON")
    @ApiResponse(responseCode = "429", description = "Over the limit per client address")
    @ApiResponse(responseCode = "503", description = "The password-hashing queue is full")
    @POST
    @Path("/register")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(AccountJson.RegisterRequest body, @Context ContainerRequestContext request) {
        AccountJson.RegisterRequest r = Objects.requireNonNullElse(body, AccountJson.RegisterRequest.EMPTY);
        Registered registered = registration.register(
                RegisterCommand.of(
                        r.firstName(),
                        r.lastName(),
                        r.username(),
                        r.email(),
                        r.password(),
                        r.confirmPassword(),
                        r.locale(),
                        LanguageTag.preferences(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE))),
                RequestOrigin.of(request));
        AccountJson.Reply reply = tokens.reply("Successfully registered, code sent to your email", registered.grant());
        return Response.status(Response.Status.CREATED).entity(reply).build();
    }

    @Operation(
            summary = "Verify the account with the mailed code",
            security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "200",
            description = "VERIFIED, with the session's first refresh token",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AccountJson.Reply.class)))
    @ApiResponse(responseCode = "400", description = "Wrong, expired or exhausted code; already verified")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "A reset token")
    @ApiResponse(responseCode = "429", description = "Over the limit per client address")
    @POST
    @Path("/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountJson.Reply verify(
            @Parameter(hidden = true) @Auth StockroomPrincipal caller,
            AccountJson.CodeRequest body,
            @Context ContainerRequestContext request) {
        AccountJson.CodeRequest r = Objects.requireNonNullElse(body, AccountJson.CodeRequest.EMPTY);
        return tokens.reply(
                null, registration.verify(caller.user(), new CodeCommand(r.code()), RequestOrigin.of(request)));
    }

    @Operation(summary = "Mail a new verification code", security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "200",
            description = "Code sent",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AccountJson.Reply.class)))
    @ApiResponse(responseCode = "400", description = "Already verified")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(
            responseCode = "429",
            description = "Within 60 s of the last code (Retry-After), or over the limit per client address")
    @POST
    @Path("/resend/code")
    public AccountJson.Reply resendCode(@Parameter(hidden = true) @Auth StockroomPrincipal caller) {
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
