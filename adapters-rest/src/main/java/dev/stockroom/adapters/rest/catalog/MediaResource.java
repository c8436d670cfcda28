package dev.stockroom.adapters.rest.catalog;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import dev.stockroom.adapters.rest.error.RequestFailure;
import dev.stockroom.core.catalog.domain.PhotoKey;
import dev.stockroom.core.catalog.domain.StoredPhoto;
import dev.stockroom.core.catalog.port.in.Catalog;
import dev.stockroom.core.shared.InvalidValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;

/**
 * Serves stored photos with the type found in their content, never guessed by the browser. Keys
 * are random and files never change, so caches may keep them for good.
 */
@Timed
@ExceptionMetered
@Tag(name = "Catalogue", description = "Products: reads are public, writes need a bearer token")
@Path("/media")
public final class MediaResource {
    private final Catalog catalog;

    MediaResource(Catalog catalog) {
        this.catalog = catalog;
    }

    @Operation(summary = "A stored photo")
    @ApiResponse(
            responseCode = "200",
            description = "The image, typed from its content",
            content = {
                @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "image/gif", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "image/webp", schema = @Schema(type = "string", format = "binary"))
            })
    @ApiResponse(responseCode = "404", description = "No such photo")
    @GET
    @Path("/{key}")
    public Response photo(@PathParam("key") String key) {
        PhotoKey photoKey;
        try {
            photoKey = new PhotoKey(key);
        } catch (InvalidValue e) {
            throw notFound();
        }
        StoredPhoto photo = catalog.openPhoto(photoKey).orElseThrow(MediaResource::notFound);
        StreamingOutput body = out -> {
            try (InputStream in = photo.content().get()) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, photo.type().mediaType())
                .header(HttpHeaders.CONTENT_LENGTH, photo.size())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'")
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
                .build();
    }

    private static RequestFailure notFound() {
        return new RequestFailure(RequestFailure.Kind.UNKNOWN_ID, "No such photo.");
    }
}
