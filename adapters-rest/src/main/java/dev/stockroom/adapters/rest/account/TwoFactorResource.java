package dev.stockroom.adapters.rest.account;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import dev.stockroom.adapters.rest.http.RequestOrigin;
import dev.stockroom.adapters.rest.openapi.OpenApiDocument;
import dev.stockroom.adapters.rest.security.StockroomPrincipal;
import dev.stockroom.core.account.port.in.Authentication;
import dev.stockroom.core.account.port.in.CodeCommand;
import dev.stockroom.core.account.port.in.SecondFactorCode;
import dev.stockroom.core.account.port.in.SecondFactorLogInCommand;
import dev.stockroom.core.account.port.in.TotpEnrolment;
import dev.stockroom.core.account.port.in.TwoFactorSignIn;
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

/** Two-factor sign-in: turning TOTP on and off, and the second step of a login. */
@Timed
@ExceptionMetered
@Tag(name = "Accounts", description = "Register, verify, log in and out, sessions, passwords, the caller's profile")
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
public final class TwoFactorResource {
    private final TwoFactorSignIn twoFactor;
    private final Authentication authentication;
    private final Tokens tokens;

    TwoFactorResource(TwoFactorSignIn twoFactor, Authentication authentication, Tokens tokens) {
        this.twoFactor = twoFactor;
        this.authentication = authentication;
        this.tokens = tokens;
    }

    @Operation(
            summary = "Start TOTP set-up: a new pending secret (replaces a pending one)",
            security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "200",
            description = "The Base32 secret and its otpauth:// URI",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TwoFactorJson.SetupReply.class)))
    @ApiResponse(responseCode = "400", description = "password missing or wrong")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "A reset token")
    @ApiResponse(responseCode = "409", description = "Two-factor sign-in is already on")
    @POST
    @Path("/mfa/totp/setup")
    @Consumes(MediaType.APPLICATION_JSON)
    public TwoFactorJson.SetupReply setUp(
            @Parameter(hidden = true) @Auth StockroomPrincipal caller,
            TwoFactorJson.PasswordRequest body,
            @Context ContainerRequestContext request) {
        TwoFactorJson.PasswordRequest r = Objects.requireNonNullElse(body, TwoFactorJson.PasswordRequest.EMPTY);
        TotpEnrolment enrolment = twoFactor.setUp(caller.user(), r.password(), RequestOrigin.of(request));
        return new TwoFactorJson.SetupReply(true, enrolment.secret(), enrolment.otpauthUri());
    }

    @Operation(
            summary = "Confirm TOTP set-up with a first code; answers the recovery codes, once",
            security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "200",
            description = "Enabled; ten single-use recovery codes",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TwoFactorJson.ConfirmReply.class)))
    @ApiResponse(responseCode = "400", description = "code missing, malformed or wrong")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "A reset token")
    @ApiResponse(responseCode = "409", description = "Nothing set up, or already on")
    @ApiResponse(responseCode = "429", description = "Too many wrong codes (Retry-After)")
    @POST
    @Path("/mfa/totp/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    public TwoFactorJson.ConfirmReply confirm(
            @Parameter(hidden = true) @Auth StockroomPrincipal caller,
            AccountJson.CodeRequest body,
            @Context ContainerRequestContext request) {
        AccountJson.CodeRequest r = Objects.requireNonNullElse(body, AccountJson.CodeRequest.EMPTY);
        return new TwoFactorJson.ConfirmReply(
                true,
                "Two-factor sign-in enabled",
                twoFactor.confirm(caller.user(), new CodeCommand(r.code()), RequestOrigin.of(request)));
    }

    @Operation(
            summary = "Turn TOTP off, with the password and a current code or a recovery code",
            security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "200",
            description = "Disabled; the recovery codes are gone too",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AccountJson.Reply.class)))
    @ApiResponse(responseCode = "400", description = "password or code missing or wrong")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "A reset token")
    @ApiResponse(responseCode = "409", description = "Two-factor sign-in is not on")
    @ApiResponse(responseCode = "429", description = "Too many wrong codes (Retry-After)")
    @POST
    @Path("/mfa/totp/disable")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountJson.Reply disable(
            @Parameter(hidden = true) @Auth StockroomPrincipal caller,
            TwoFactorJson.DisableRequest body,
            @Context ContainerRequestContext request) {
        TwoFactorJson.DisableRequest r = Objects.requireNonNullElse(body, TwoFactorJson.DisableRequest.EMPTY);
        SecondFactorCode code = SecondFactorCode.either("code", r.code());
        twoFactor.disable(caller.user(), r.password(), code, RequestOrigin.of(request));
        return AccountJson.Reply.message("Two-factor sign-in disabled");
    }

    @Operation(summary = "Complete a login with two-factor sign-in on: the mfa_token and a code or a recovery code")
    @ApiResponse(
            responseCode = "200",
            description = "Access and refresh tokens, as a login answers them",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AccountJson.Reply.class)))
    @ApiResponse(
            responseCode = "400",
            description = "mfa_token missing, not exactly one of code and recovery_code, or it is wrong; "
                    + "the token's tries used up")
    @ApiResponse(responseCode = "401", description = "Unknown, expired or used mfa_token")
    @ApiResponse(responseCode = "429", description = "Too many wrong codes (Retry-After)")
    @POST
    @Path("/login/mfa")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountJson.Reply logIn(TwoFactorJson.LoginRequest body, @Context ContainerRequestContext request) {
        TwoFactorJson.LoginRequest r = Objects.requireNonNullElse(body, TwoFactorJson.LoginRequest.EMPTY);
        return tokens.reply(
                null,
                authentication.completeLogIn(SecondFactorLogInCommand.of(
                        r.mfaToken(), r.code(), r.recoveryCode(), RequestOrigin.of(request))));
    }
}
