package dev.stockroom.adapters.rest.account;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import dev.stockroom.adapters.rest.http.RequestOrigin;
import dev.stockroom.adapters.rest.openapi.OpenApiDocument;
import dev.stockroom.adapters.rest.security.StockroomPrincipal;
import dev.stockroom.core.account.port.in.ChangeEmailCommand;
import dev.stockroom.core.account.port.in.CodeCommand;
import dev.stockroom.core.account.port.in.EmailChanges;
import dev.stockroom.core.account.port.in.UndoEmailChangeCommand;
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
@Path("/users/email/change")
@Produces(MediaType.APPLICATION_JSON)
public final class EmailChangeResource {
    private final EmailChanges changes;

    EmailChangeResource(EmailChanges changes) {
        this.changes = changes;
    }

    @Operation(
            summary = "Ask to move the account to a new email address",
            security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "200",
            description = "A code went to the new address, a notice with an undo code to the current one",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AccountJson.Reply.class)))
    @ApiResponse(responseCode = "400", description = "Invalid or taken new_email, or a wrong password")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "A NEW account, or a reset token")
    @ApiResponse(responseCode = "429", description = "Asked again within the cooldown")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountJson.Reply request(
            @Parameter(hidden = true) @Auth StockroomPrincipal caller,
            LifecycleJson.ChangeEmailRequest body,
            @Context ContainerRequestContext request) {
        LifecycleJson.ChangeEmailRequest r = Objects.requireNonNullElse(body, LifecycleJson.ChangeEmailRequest.EMPTY);
        changes.request(caller.user(), ChangeEmailCommand.of(r.newEmail(), r.password()), RequestOrigin.of(request));
        return AccountJson.Reply.message("Code sent to the new email");
    }

    @Operation(
            summary = "Make the change with the code from the new address",
            security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "200",
            description = "Email changed; the profile in data; sessions stay",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AccountJson.Reply.class)))
    @ApiResponse(responseCode = "400", description = "Wrong, expired or exhausted code; new_email taken meanwhile")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "A reset token")
    @POST
    @Path("/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountJson.Reply verify(
            @Parameter(hidden = true) @Auth StockroomPrincipal caller,
            AccountJson.CodeRequest body,
            @Context ContainerRequestContext request) {
        AccountJson.CodeRequest r = Objects.requireNonNullElse(body, AccountJson.CodeRequest.EMPTY);
        return new AccountJson.Reply(
                true,
                "Email changed",
                null,
                null,
                null,
                null,
                null,
                AccountJson.ProfileBody.from(
                        changes.verify(caller.user(), new CodeCommand(r.code()), RequestOrigin.of(request))),
                null);
    }

    @Operation(summary = "Undo an email change from the address it left (no login)")
    @ApiResponse(
            responseCode = "200",
            description = "The account is back at this address; every session of it ended",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AccountJson.Reply.class)))
    @ApiResponse(
            responseCode = "400",
            description = "Wrong, expired or exhausted undo code; the address was taken since")
    @ApiResponse(responseCode = "429", description = "Over the limit per client address")
    @POST
    @Path("/undo")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountJson.Reply undo(LifecycleJson.UndoRequest body, @Context ContainerRequestContext request) {
        LifecycleJson.UndoRequest r = Objects.requireNonNullElse(body, LifecycleJson.UndoRequest.EMPTY);
        changes.undo(UndoEmailChangeCommand.of(r.email(), r.code()), RequestOrigin.of(request));
        return AccountJson.Reply.message("Email change undone; every session ended");
    }
}
