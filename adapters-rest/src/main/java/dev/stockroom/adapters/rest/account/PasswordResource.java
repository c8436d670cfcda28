package dev.stockroom.adapters.rest.account;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import dev.stockroom.adapters.rest.http.RequestOrigin;
import dev.stockroom.adapters.rest.openapi.OpenApiDocument;
import dev.stockroom.adapters.rest.security.StockroomPrincipal;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.port.in.NewPasswordCommand;
import dev.stockroom.core.account.port.in.PasswordRecovery;
import dev.stockroom.core.account.port.in.VerifyResetCodeCommand;
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
import jakarta.ws.rs.core.MediaType;
import java.util.Objects;

@Timed
@ExceptionMetered
@Tag(name = "Accounts", description = "Register, verify, log in and out, sessions, passwords, the caller's profile")
@Path("/users/password")
@Produces(MediaType.APPLICATION_JSON)
public final class PasswordResource {
    private final PasswordRecovery recovery;
    private final Tokens tokens;

    PasswordResource(PasswordRecovery recovery, Tokens tokens) {
        this.recovery = recovery;
        this.tokens = tokens;
    }

    @Operation(summary = "Mail a password reset code")
    @ApiResponse(
            responseCode = "200",
            description = "The same answer whether or not the address has an account",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AccountJson.Reply.class)))
    @ApiResponse(responseCode = "400", description = "Not a valid email address")
    @ApiResponse(responseCode = "429", description = "Over the limit per client address")
    @POST
    @Path("/forget")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountJson.Reply forget(AccountJson.EmailRequest body) {
        recovery.forget(
                Objects.requireNonNullElse(body, AccountJson.EmailRequest.EMPTY).email());
        return AccountJson.Reply.message("Code sent to email");
    }

    @Operation(summary = "Trade a reset code for a reset token")
    @ApiResponse(
            responseCode = "200",
            description = "A reset token, for POST /users/password/update/",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AccountJson.Reply.class)))
    @ApiResponse(responseCode = "400", description = "Wrong, expired or exhausted code")
    @ApiResponse(responseCode = "429", description = "Over the limit per client address")
    @POST
    @Path("/forget/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountJson.Reply verifyCode(AccountJson.ResetCodeRequest body) {
        AccountJson.ResetCodeRequest r = Objects.requireNonNullElse(body, AccountJson.ResetCodeRequest.EMPTY);
        AccountJson.Reply reply = tokens.reply(
                "Code verified; use the access token to set a new password",
                recovery.verifyCode(VerifyResetCodeCommand.of(r.email(), r.code())));
        // The reset token is not a login: no auth_status, no refresh token.
        return new AccountJson.Reply(
                true,
                reply.message(),
                reply.accessToken(),
                null,
                reply.tokenType(),
                reply.expiresIn(),
                null,
                null,
                null);
    }

    @Operation(
            summary = "Set a new password (reset token) or change it (login token)",
            security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "200",
            description = "Password changed; every session of the user ended",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AccountJson.Reply.class)))
    @ApiResponse(responseCode = "400", description = "Invalid password fields, or a wrong old_password")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "A NEW account with a login token")
    @POST
    @Path("/update")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountJson.Reply update(
            @Parameter(hidden = true) @Auth StockroomPrincipal caller,
            AccountJson.PasswordUpdateRequest body,
            @Context ContainerRequestContext request) {
        AccountJson.PasswordUpdateRequest r = Objects.requireNonNullElse(body, AccountJson.PasswordUpdateRequest.EMPTY);
        NewPasswordCommand command = NewPasswordCommand.of(r.password(), r.confirmPassword(), r.oldPassword());
        if (caller.user().kind() == SessionKind.PASSWORD_RESET) {
            recovery.reset(caller.user(), command, RequestOrigin.of(request));
        } else {
            recovery.change(caller.user(), command, RequestOrigin.of(request));
        }
        return AccountJson.Reply.message("Password changed");
    }
}
