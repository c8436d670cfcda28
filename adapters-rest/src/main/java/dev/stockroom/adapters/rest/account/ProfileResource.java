package dev.stockroom.adapters.rest.account;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import dev.stockroom.adapters.rest.http.RequestOrigin;
import dev.stockroom.adapters.rest.openapi.OpenApiDocument;
import dev.stockroom.adapters.rest.security.StockroomPrincipal;
import dev.stockroom.core.account.port.in.Profiles;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;

@Timed
@ExceptionMetered
@Tag(name = "Accounts", description = "Register, verify, log in and out, sessions, passwords, the caller's profile")
@Path("/users/me")
@Produces(MediaType.APPLICATION_JSON)
public final class ProfileResource {
    private final Profiles profiles;

    ProfileResource(Profiles profiles) {
        this.profiles = profiles;
    }

    @Operation(summary = "The caller's profile", security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "200",
            description = "The profile in data",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AccountJson.Reply.class)))
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "A reset token")
    @GET
    public AccountJson.Reply me(@Parameter(hidden = true) @Auth StockroomPrincipal caller) {
        return AccountJson.Reply.profile(AccountJson.ProfileBody.from(profiles.me(caller.user())));
    }

    @Operation(
            summary = "Change the caller's names or language",
            description = "Any of first_name, last_name and locale (a BCP 47 tag; mail is written in it where a"
                    + " translation exists, in English otherwise). An empty body changes nothing.",
            security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "200",
            description = "Updated, the profile in data",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AccountJson.Reply.class)))
    @ApiResponse(responseCode = "400", description = "Invalid, unknown or read-only fields")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "A reset token")
    @ApiResponse(responseCode = "415", description = "Not JSON")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = AccountJson.ProfileUpdateRequest.class))
            })
    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountJson.Reply update(
            @Parameter(hidden = true) @Auth StockroomPrincipal caller,
            byte[] body,
            @Context ContainerRequestContext request)
            throws IOException {
        var profile = profiles.update(caller.user(), ProfileFields.fromJson(body), RequestOrigin.of(request));
        return new AccountJson.Reply(
                true, "Updated", null, null, null, null, null, AccountJson.ProfileBody.from(profile), null);
    }
}
