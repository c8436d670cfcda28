package dev.stockroom.adapters.rest.catalog;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.stockroom.adapters.rest.error.RequestFailure;
import dev.stockroom.adapters.rest.openapi.OpenApiDocument;
import dev.stockroom.adapters.rest.security.StockroomPrincipal;
import dev.stockroom.core.catalog.domain.CatalogFailure;
import dev.stockroom.core.catalog.domain.ImageId;
import dev.stockroom.core.catalog.domain.Product;
import dev.stockroom.core.catalog.port.in.PhotoUpload;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataMultiPart;

/** A product's images: add (with thumbnails made on upload), remove and reorder. */
@Timed
@ExceptionMetered
@Tag(name = "Catalogue")
@Path("/products/{id}/images")
@Produces(MediaType.APPLICATION_JSON)
public final class ProductImageResource {
    static final String IMAGE = "image";
    static final String POSITION = "position";
    static final String ORDER = "order";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final ProductImages images;
    private final int maxImageBytes;

    ProductImageResource(ProductImages images, int maxImageBytes) {
        this.images = images;
        this.maxImageBytes = maxImageBytes;
    }

    @Operation(
            summary = "Add an image to a product; its thumbnails are made now and its metadata (EXIF, GPS) dropped",
            security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "201",
            description = "Image added",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProductJson.Reply.class)))
    @ApiResponse(
            responseCode = "400",
            description = "No image part, not a readable image, more pixels than allowed, or the product has 10 images")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "Not the owner or an admin")
    @ApiResponse(responseCode = "404", description = "No such product")
    @ApiResponse(responseCode = "413", description = "Image too large")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA,
                            schema = @Schema(implementation = ProductJson.ImageFormBody.class)))
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response add(
            @Parameter(hidden = true) @Auth StockroomPrincipal caller,
            @PathParam("id") String id,
            @Parameter(hidden = true) FormDataMultiPart form,
            @Context UriInfo uri)
            throws IOException {
        if (form == null) {
            throw RequestFailure.invalidField(IMAGE, "Send a multipart form with the image file as 'image'.");
        }
        Optional<PhotoUpload> upload = Optional.empty();
        OptionalInt position = OptionalInt.empty();
        for (Map.Entry<String, List<FormDataBodyPart>> field : form.getFields().entrySet()) {
            String name = field.getKey();
            if (field.getValue().size() > 1) {
                throw RequestFailure.invalidField(name, "Given more than once.");
            }
            FormDataBodyPart part = field.getValue().get(0);
            if (IMAGE.equals(name)) {
                try (InputStream in = part.getValueAs(InputStream.class)) {
                    // One byte over the limit is enough for the core to refuse it as too large.
                    upload = Optional.of(PhotoUpload.of(in.readNBytes(maxImageBytes + 1)));
                }
            } else if (POSITION.equals(name)) {
                position = OptionalInt.of(position(part.getValue()));
            } else {
                throw RequestFailure.invalidField(
                        name == null || name.isBlank() ? "form" : name,
                        "Unknown field: send only 'image' and, optionally, 'position'.");
            }
        }
        PhotoUpload image = upload.orElseThrow(
                () -> RequestFailure.invalidField(IMAGE, "Attach an image file as the form field 'image'."));
        Product product = images.addImage(caller.user(), ProductResource.productId(id), image, position);
        return Response.status(Response.Status.CREATED)
                .tag(ProductResource.etag(product))
                .entity(ProductResource.reply("Image added", product, images, uri))
                .build();
    }

    @Operation(
            summary = "Remove one of a product's images and its files",
            security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "200",
            description = "Image removed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProductJson.Reply.class)))
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "Not the owner or an admin")
    @ApiResponse(responseCode = "404", description = "No such product, or no such image of it")
    @DELETE
    @Path("/{image_id}")
    public Response remove(
            @Parameter(hidden = true) @Auth StockroomPrincipal caller,
            @PathParam("id") String id,
            @PathParam("image_id") String imageId,
            @Context UriInfo uri) {
        Product product = images.removeImage(caller.user(), ProductResource.productId(id), imageId(imageId));
        return Response.ok(ProductResource.reply("Image removed", product, images, uri))
                .tag(ProductResource.etag(product))
                .build();
    }

    @Operation(
            summary = "Put a product's images in a new order; the first becomes its photo",
            security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "200",
            description = "Images reordered",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProductJson.Reply.class)))
    @ApiResponse(responseCode = "400", description = "`order` does not list each of the product's image ids once")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "Not the owner or an admin")
    @ApiResponse(responseCode = "404", description = "No such product")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProductJson.ImageOrderBody.class)))
    @PUT
    @Path("/order")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reorder(
            @Parameter(hidden = true) @Auth StockroomPrincipal caller,
            @PathParam("id") String id,
            byte[] body,
            @Context UriInfo uri)
            throws IOException {
        Product product = images.reorderImages(caller.user(), ProductResource.productId(id), order(body));
        return Response.ok(ProductResource.reply("Images reordered", product, images, uri))
                .tag(ProductResource.etag(product))
                .build();
    }

    /** {@code {"order": [3, 1, 2]}}: a JSON array of image ids and nothing else. */
    private static List<ImageId> order(byte[] body) throws IOException {
        JsonNode root = body == null || body.length == 0 ? null : JSON.readTree(body);
        if (root == null || !root.isObject()) {
            throw CatalogFailure.InvalidInput.of("body", "Send a JSON object.");
        }
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!field.getKey().equals(ORDER)) {
                throw CatalogFailure.InvalidInput.of(field.getKey(), "Unknown field: send only 'order'.");
            }
        }
        JsonNode order = root.get(ORDER);
        if (order == null || !order.isArray()) {
            throw CatalogFailure.InvalidInput.of(ORDER, "Give the image ids as a JSON array, first one first.");
        }
        List<ImageId> ids = new ArrayList<>();
        for (JsonNode item : order) {
            if (!item.isIntegralNumber() || !item.canConvertToLong() || item.asLong() < 1) {
                throw CatalogFailure.InvalidInput.of(ORDER, "Each item must be an image id (a positive whole number).");
            }
            ids.add(new ImageId(item.asLong()));
        }
        return ids;
    }

    private static int position(String text) {
        try {
            int position = Integer.parseInt(text == null ? "" : text.strip());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        throw RequestFailure.invalidField(POSITION, "Must be a whole number, 0 (first) or more.");
    }

    /** A path id that is not an image id names no image. */
    private static ImageId imageId(String text) {
        try {
            return new ImageId(Long.parseLong(text));
        } catch (IllegalArgumentException e) {
            throw new RequestFailure(RequestFailure.Kind.UNKNOWN_ID, "No image with id " + text + ".");
        }
    }
}
