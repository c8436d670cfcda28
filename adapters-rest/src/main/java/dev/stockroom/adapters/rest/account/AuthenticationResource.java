package dev.stockroom.adapters.rest.account;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import dev.stockroom.adapters.rest.error.RequestFailure;
import dev.stockroom.adapters.rest.http.RequestOrigin;
import dev.stockroom.adapters.rest.openapi.OpenApiDocument;
import dev.stockroom.adapters.rest.security.StockroomPrincipal;
import dev.stockroom.core.account.domain.SessionId;
import dev.stockroom.core.account.port.in.Authentication;
import dev.stockroom.core.account.port.in.LogInCommand;
import dev.stockroom.core.account.port.in.LogInStep;
import dev.stockroom.core.account.port.in.LogOutCommand;
import dev.stockroom.core.shared.InvalidValue;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

@Timed
@ExceptionMetered
@Tag(name = "Accounts", description = "Register, verify, log in and out, sessions, passwords, the caller's profile")
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
public final class AuthenticationResource {
    private final Authentication authentication;
    private final Tokens tokens;
    private final Clock clock;

    AuthenticationResource(Authentication authentication, Tokens tokens, Clock clock) {
        this.authentication = authentication;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Operation(summary = "Log in with username or email")
    @ApiResponse(
            responseCode = "200",
            description = "Access and refresh tokens; with two-factor sign-in on, mfa_required and an mfa_token "
                    + "for /users/login/mfa/ instead",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(oneOf = {AccountJson.Reply.class, TwoFactorJson.MfaRequiredReply.class})))
    @ApiResponse(responseCode = "400", description = "username or password missing")
    @ApiResponse(responseCode = "401", description = "Invalid credentials")
    @ApiResponse(responseCode = "429", description = "Too many failed logins (Retry-After)")
    @ApiResponse(responseCode = "503", description = "The password-hashing queue is full")
    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Object logIn(AccountJson.LoginRequest body, @Context ContainerRequestContext request) {
        AccountJson.LoginRequest r = Objects.requireNonNullElse(body, AccountJson.LoginRequest.EMPTY);
        LogInStep step = authentication.startLogIn(new LogInCommand(
                r.username(), r.password(), Optional.ofNullable(r.deviceToken()), RequestOrigin.of(request)));
        if (step instanceof LogInStep.SecondFactorRequired required) {
            long expiresIn = Math.max(
                    0, Duration.between(clock.instant(), required.expiresAt()).toSeconds());
            return new TwoFactorJson.MfaRequiredReply(true, true, required.mfaToken(), expiresIn);
        }
        return tokens.reply(null, ((LogInStep.Granted) step).grant());
    }

    @Operation(summary = "Trade a refresh token for new tokens (rotation)")
    @ApiResponse(
            responseCode = "200",
            description = "New access and refresh tokens",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AccountJson.Reply.class)))
    @ApiResponse(responseCode = "400", description = "refresh_token missing")
    @ApiResponse(responseCode = "401", description = "Unknown, spent or ended refresh token")
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

    @Operation(
            summary = "End the caller's session, another of theirs, or all",
            security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "200",
            description = "Logged out",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AccountJson.Reply.class)))
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "A reset token")
    @POST
    @Path("/logout")
    public AccountJson.Reply logOut(
            @Parameter(hidden = true) @Auth StockroomPrincipal caller,
            AccountJson.LogoutRequest body,
            @Context ContainerRequestContext request) {
        AccountJson.LogoutRequest r = Objects.requireNonNullElse(body, AccountJson.LogoutRequest.EMPTY);
        authentication.logOut(
                caller.user(),
                new LogOutCommand(Optional.ofNullable(r.refreshToken()), Boolean.TRUE.equals(r.all())),
                RequestOrigin.of(request));
        return AccountJson.Reply.message("Logged out");
    }

    @Operation(
            summary = "List the caller's live sessions",
            security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "200",
            description = "The sessions; current marks the caller's",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AccountJson.SessionsReply.class)))
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "A reset token")
    @GET
    @Path("/sessions")
    public AccountJson.SessionsReply sessions(@Parameter(hidden = true) @Auth StockroomPrincipal caller) {
        SessionId current = caller.user().sessionId();
        return new AccountJson.SessionsReply(
                true,
                authentication.sessionsOf(caller.user()).stream()
                        .map(session -> AccountJson.SessionBody.from(session, current))
                        .toList());
    }

    @Operation(
            summary = "End one of the caller's sessions",
            security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "200",
            description = "Session ended",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AccountJson.Reply.class)))
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "A reset token")
    @ApiResponse(responseCode = "404", description = "No such session of the caller's")
    @DELETE
    @Path("/sessions/{id}")
    public AccountJson.Reply endSession(
            @Parameter(hidden = true) @Auth StockroomPrincipal caller,
            @PathParam("id") String id,
            @Context ContainerRequestContext request) {
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
