package dev.stockroom.adapters.rest.admin;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import dev.stockroom.adapters.rest.error.RequestFailure;
import dev.stockroom.adapters.rest.http.RequestOrigin;
import dev.stockroom.adapters.rest.openapi.OpenApiDocument;
import dev.stockroom.adapters.rest.security.StockroomPrincipal;
import dev.stockroom.core.account.domain.AuditQuery;
import dev.stockroom.core.account.domain.Role;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.domain.UserQuery;
import dev.stockroom.core.account.port.in.AccountDeletion;
import dev.stockroom.core.account.port.in.Administration;
import dev.stockroom.core.shared.InvalidValue;
import dev.stockroom.core.shared.Page;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/** The administration API: admins only (the core refuses anyone else with 403). */
@Timed
@ExceptionMetered
@Tag(name = "Administration", description = "Users, roles and the audit trail: admins only")
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
public final class AdminResource {
    private final Administration administration;
    private final AccountDeletion deletion;

    public AdminResource(Administration administration, AccountDeletion deletion) {
        this.administration = Objects.requireNonNull(administration, "administration");
        this.deletion = Objects.requireNonNull(deletion, "deletion");
    }

    @Operation(summary = "List and search users", security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(responseCode = "200", description = "A page of users")
    @ApiResponse(responseCode = "400", description = "Invalid query parameters")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "Not an admin")
    @GET
    @Path("/users")
    public AdminJson.PageReply<AdminJson.UserBody> users(
            @Parameter(hidden = true) @Auth StockroomPrincipal caller,
            @QueryParam("search") String search,
            @QueryParam("status") String status,
            @QueryParam("role") String role,
            @QueryParam("disabled") String disabled,
            @QueryParam("page") String page,
            @QueryParam("page_size") String pageSize,
            @Context UriInfo uri) {
        UserQuery query = UserQuery.parse(search, status, role, disabled, page, pageSize);
        return pageReply(administration.users(caller.user(), query), AdminJson.UserBody::from, uri);
    }

    @Operation(
            summary = "One user, with live sessions and recent events",
            security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "200",
            description = "The user in data",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AdminJson.Reply.class)))
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "Not an admin")
    @ApiResponse(responseCode = "404", description = "No such user")
    @GET
    @Path("/users/{id}")
    public AdminJson.Reply user(@Parameter(hidden = true) @Auth StockroomPrincipal caller, @PathParam("id") String id) {
        return new AdminJson.Reply(
                true, null, AdminJson.UserDetailBody.from(administration.user(caller.user(), userId(id))));
    }

    @Operation(
            summary = "Delete a user's account, as the user could",
            security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "200",
            description = "User deleted; every session ended; username and email free again",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AdminJson.Reply.class)))
    @ApiResponse(responseCode = "400", description = "Not allowed on this user (the last admin)")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "Not an admin")
    @ApiResponse(responseCode = "404", description = "No such user")
    @DELETE
    @Path("/users/{id}")
    public AdminJson.Reply delete(
            @Parameter(hidden = true) @Auth StockroomPrincipal caller,
            @PathParam("id") String id,
            @Context ContainerRequestContext request) {
        deletion.deleteByAdmin(caller.user(), userId(id), RequestOrigin.of(request));
        return new AdminJson.Reply(true, "User deleted", null);
    }

    @Operation(
            summary = "Disable a user and end their sessions",
            security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "200",
            description = "User disabled",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AdminJson.Reply.class)))
    @ApiResponse(responseCode = "400", description = "Not allowed on this user (the last admin)")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "Not an admin")
    @ApiResponse(responseCode = "404", description = "No such user")
    @POST
    @Path("/users/{id}/disable")
    public AdminJson.Reply disable(
            @Parameter(hidden = true) @Auth StockroomPrincipal caller,
            @PathParam("id") String id,
            @Context ContainerRequestContext request) {
        administration.disable(caller.user(), userId(id), RequestOrigin.of(request));
        return new AdminJson.Reply(true, "User disabled", null);
    }

    @Operation(summary = "Enable a user", security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "200",
            description = "User enabled",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AdminJson.Reply.class)))
    @ApiResponse(responseCode = "400", description = "Not allowed on this user (the last admin)")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "Not an admin")
    @ApiResponse(responseCode = "404", description = "No such user")
    @POST
    @Path("/users/{id}/enable")
    public AdminJson.Reply enable(
            @Parameter(hidden = true) @Auth StockroomPrincipal caller,
            @PathParam("id") String id,
            @Context ContainerRequestContext request) {
        administration.enable(caller.user(), userId(id), RequestOrigin.of(request));
        return new AdminJson.Reply(true, "User enabled", null);
    }

    @Operation(
            summary = "Clear a user's failed-login wait",
            security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "200",
            description = "User unlocked",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AdminJson.Reply.class)))
    @ApiResponse(responseCode = "400", description = "Not allowed on this user (the last admin)")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "Not an admin")
    @ApiResponse(responseCode = "404", description = "No such user")
    @POST
    @Path("/users/{id}/unlock")
    public AdminJson.Reply unlock(
            @Parameter(hidden = true) @Auth StockroomPrincipal caller,
            @PathParam("id") String id,
            @Context ContainerRequestContext request) {
        administration.unlock(caller.user(), userId(id), RequestOrigin.of(request));
        return new AdminJson.Reply(true, "User unlocked", null);
    }

    @Operation(summary = "End every session of a user", security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "200",
            description = "Sessions ended",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AdminJson.Reply.class)))
    @ApiResponse(responseCode = "400", description = "Not allowed on this user (the last admin)")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "Not an admin")
    @ApiResponse(responseCode = "404", description = "No such user")
    @POST
    @Path("/users/{id}/logout")
    public AdminJson.Reply logOut(
            @Parameter(hidden = true) @Auth StockroomPrincipal caller,
            @PathParam("id") String id,
            @Context ContainerRequestContext request) {
        administration.endSessions(caller.user(), userId(id), RequestOrigin.of(request));
        return new AdminJson.Reply(true, "Sessions ended", null);
    }

    @Operation(summary = "Change a user's role", security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "200",
            description = "Role changed; the user in data",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AdminJson.Reply.class)))
    @ApiResponse(responseCode = "400", description = "Not ADMIN or USER, or the last admin")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "Not an admin")
    @ApiResponse(responseCode = "404", description = "No such user")
    @PUT
    @Path("/users/{id}/role")
    @Consumes(MediaType.APPLICATION_JSON)
    public AdminJson.Reply changeRole(
            @Parameter(hidden = true) @Auth StockroomPrincipal caller,
            @PathParam("id") String id,
            AdminJson.RoleRequest body,
            @Context ContainerRequestContext request) {
        Role role = role(
                Objects.requireNonNullElse(body, AdminJson.RoleRequest.EMPTY).role());
        return new AdminJson.Reply(
                true,
                "Role changed",
                AdminJson.UserBody.from(
                        administration.changeRole(caller.user(), userId(id), role, RequestOrigin.of(request))));
    }

    @Operation(summary = "Search the audit trail", security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(responseCode = "200", description = "A page of events")
    @ApiResponse(responseCode = "400", description = "Invalid query parameters")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "Not an admin")
    @GET
    @Path("/audit")
    public AdminJson.PageReply<AdminJson.EventBody> audit(
            @Parameter(hidden = true) @Auth StockroomPrincipal caller,
            @QueryParam("user") String user,
            @QueryParam("kind") String kind,
            @QueryParam("since") String since,
            @QueryParam("until") String until,
            @QueryParam("page") String page,
            @QueryParam("page_size") String pageSize,
            @Context UriInfo uri) {
        AuditQuery query = AuditQuery.parse(user, kind, since, until, page, pageSize);
        return pageReply(administration.events(caller.user(), query), AdminJson.EventBody::from, uri);
    }

    /** Not an id is no user: 404, as for an id nobody has. */
    private static UserId userId(String text) {
        try {
            return UserId.parse(text);
        } catch (InvalidValue notAnId) {
            throw new RequestFailure(RequestFailure.Kind.UNKNOWN_ID, "No user with that id.");
        }
    }

    private static Role role(String text) {
        if (text == null || text.isBlank()) {
            throw RequestFailure.invalidField("role", "This field is required.");
        }
        try {
            return Role.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RequestFailure.invalidField("role", "Must be ADMIN or USER.");
        }
    }

    private static <T, B> AdminJson.PageReply<B> pageReply(Page<T> page, Function<T, B> body, UriInfo uri) {
        URI next = page.hasNext() ? pageLink(uri, page.page() + 1) : null;
        URI previous = page.hasPrevious() ? pageLink(uri, page.page() - 1) : null;
        List<B> results = page.items().stream().map(body).toList();
        return new AdminJson.PageReply<>(true, page.total(), next, previous, results);
    }

    private static URI pageLink(UriInfo uri, int page) {
        return uri.getRequestUriBuilder().replaceQueryParam("page", page).build();
    }
}
