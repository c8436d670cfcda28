package dev.stockroom.adapters.rest.account;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import dev.stockroom.adapters.rest.admin.AdminJson;
import dev.stockroom.adapters.rest.catalog.OwnerProducts;
import dev.stockroom.adapters.rest.http.RequestOrigin;
import dev.stockroom.adapters.rest.openapi.OpenApiDocument;
import dev.stockroom.adapters.rest.security.StockroomPrincipal;
import dev.stockroom.core.account.domain.SessionId;
import dev.stockroom.core.account.port.in.AccountDeletion;
import dev.stockroom.core.account.port.in.DeleteAccountCommand;
import dev.stockroom.core.account.port.in.PersonalData;
import dev.stockroom.core.catalog.port.in.Catalog;
import dev.stockroom.core.catalog.port.in.ProductImages;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Objects;

/** The caller's own account as a whole: deleting it, and taking everything stored about it away. */
@Timed
@ExceptionMetered
@Tag(name = "Accounts", description = "Register, verify, log in and out, sessions, passwords, the caller's profile")
@Path("/users/me")
@Produces(MediaType.APPLICATION_JSON)
public final class MyDataResource {
    private final AccountDeletion deletion;
    private final PersonalData personalData;
    private final Catalog catalog;
    private final ProductImages images;

    MyDataResource(AccountDeletion deletion, PersonalData personalData, Catalog catalog, ProductImages images) {
        this.deletion = deletion;
        this.personalData = personalData;
        this.catalog = catalog;
        this.images = images;
    }

    @Operation(summary = "Delete the caller's account", security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "200",
            description = "Account deleted; every session ended; username and email free again",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AccountJson.Reply.class)))
    @ApiResponse(
            responseCode = "400",
            description = "Wrong password, a missing or wrong second-factor code, or the last admin")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "A reset token")
    @DELETE
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountJson.Reply delete(
            @Parameter(hidden = true) @Auth StockroomPrincipal caller,
            LifecycleJson.DeleteRequest body,
            @Context ContainerRequestContext request) {
        LifecycleJson.DeleteRequest r = Objects.requireNonNullElse(body, LifecycleJson.DeleteRequest.EMPTY);
        deletion.deleteOwn(caller.user(), DeleteAccountCommand.of(r.password(), r.code()), RequestOrigin.of(request));
        return AccountJson.Reply.message("Account deleted");
    }

    @Operation(
            summary = "Everything stored about the caller",
            security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "200",
            description = "Profile, live sessions (no token material), audit events and products in data",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LifecycleJson.ExportReply.class)))
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "A reset token")
    @GET
    @Path("/export")
    public LifecycleJson.ExportReply export(
            @Parameter(hidden = true) @Auth StockroomPrincipal caller, @Context UriInfo uri) {
        PersonalData.Export export = personalData.export(caller.user());
        SessionId current = caller.user().sessionId();
        return new LifecycleJson.ExportReply(
                true,
                new LifecycleJson.ExportBody(
                        AccountJson.ProfileBody.from(export.profile()),
                        export.sessions().stream()
                                .map(s -> AccountJson.SessionBody.from(s, current))
                                .toList(),
                        export.events().stream().map(AdminJson.EventBody::from).toList(),
                        OwnerProducts.of(catalog, images, export.profile().id(), uri)));
    }
}
