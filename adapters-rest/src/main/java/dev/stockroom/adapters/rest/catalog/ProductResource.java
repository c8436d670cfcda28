package dev.stockroom.adapters.rest.catalog;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import dev.stockroom.adapters.rest.error.ErrorBody;
import dev.stockroom.adapters.rest.error.ErrorResponses;
import dev.stockroom.adapters.rest.error.RequestFailure;
import dev.stockroom.adapters.rest.openapi.OpenApiDocument;
import dev.stockroom.adapters.rest.security.StockroomPrincipal;
import dev.stockroom.core.catalog.domain.CatalogFailure;
import dev.stockroom.core.catalog.domain.Product;
import dev.stockroom.core.catalog.domain.ProductCursor;
import dev.stockroom.core.catalog.domain.ProductId;
import dev.stockroom.core.catalog.domain.ProductImage;
import dev.stockroom.core.catalog.domain.ProductPage;
import dev.stockroom.core.catalog.domain.ProductQuery;
import dev.stockroom.core.catalog.domain.ProductSlice;
import dev.stockroom.core.catalog.domain.Slug;
import dev.stockroom.core.catalog.domain.Viewer;
import dev.stockroom.core.catalog.port.in.Catalog;
import dev.stockroom.core.catalog.port.in.ImportReport;
import dev.stockroom.core.catalog.port.in.PhotoUpload;
import dev.stockroom.core.catalog.port.in.ProductExport;
import dev.stockroom.core.catalog.port.in.ProductImages;
import dev.stockroom.core.catalog.port.in.ProductImport;
import dev.stockroom.core.shared.InvalidValue;
import dev.stockroom.core.shared.QueryParameters;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataMultiPart;

/** The catalogue endpoints of the sketch. Writes need a bearer token; reads are public. */
@Timed
@ExceptionMetered
@Tag(name = "Catalogue", description = "Products: reads are public, writes need a bearer token")
@Path("/products")
@Produces(MediaType.APPLICATION_JSON)
public final class ProductResource {
    private final Catalog catalog;
    private final ProductImages images;
    private final int maxPhotoBytes;

    ProductResource(Catalog catalog, ProductImages images, int maxPhotoBytes) {
        this.catalog = catalog;
        this.images = images;
        this.maxPhotoBytes = maxPhotoBytes;
    }

    @Operation(
            summary = "Add a product, as JSON or as a multipart form with a photo file",
            security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "201",
            description = "Added",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProductJson.Reply.class)),
            headers = {
                @io.swagger.v3.oas.annotations.headers.Header(
                        name = "Location",
                        description = "The product's detail URL"),
                @io.swagger.v3.oas.annotations.headers.Header(
                        name = "ETag",
                        description = "The product's version, for If-Match")
            })
    @ApiResponse(responseCode = "400", description = "Invalid fields")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "Not a VERIFIED user")
    @ApiResponse(responseCode = "413", description = "Body or photo too large")
    @ApiResponse(responseCode = "415", description = "Neither JSON nor a multipart form")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ProductJson.FieldsBody.class)),
                @Content(
                        mediaType = MediaType.MULTIPART_FORM_DATA,
                        schema = @Schema(implementation = ProductJson.FormBody.class))
            })
    @POST
    @Path("/add")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@Parameter(hidden = true) @Auth StockroomPrincipal caller, byte[] body, @Context UriInfo uri)
            throws IOException {
        Product product =
                catalog.add(caller.user(), ProductFields.fromJson(body).draft(), Optional.empty());
        return created(product, uri);
    }

    @Operation(hidden = true) // documented with add(), the same path and method
    @POST
    @Path("/add")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response addWithPhoto(
            @Parameter(hidden = true) @Auth StockroomPrincipal caller,
            @Parameter(hidden = true) FormDataMultiPart form,
            @Context UriInfo uri)
            throws IOException {
        Form parsed = Form.read(form, maxPhotoBytes);
        Product product = catalog.add(caller.user(), parsed.fields().draft(), parsed.photo());
        return created(product, uri);
    }

    private Response created(Product product, UriInfo uri) {
        URI location = uri.getBaseUriBuilder()
                .path("products")
                .path(String.valueOf(product.id().value()))
                .path("detail")
                .build();
        return Response.created(location)
                .tag(etag(product))
                .entity(reply("added", product, uri))
                .build();
    }

    @Operation(summary = "Replace a product's fields", security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "200",
            description = "Updated",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProductJson.Reply.class)),
            headers = {
                @io.swagger.v3.oas.annotations.headers.Header(
                        name = "ETag",
                        description = "The product's version, for If-Match")
            })
    @ApiResponse(responseCode = "400", description = "Invalid fields")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "Not the owner or an admin")
    @ApiResponse(responseCode = "404", description = "No such product")
    @ApiResponse(responseCode = "412", description = "If-Match does not match the current ETag")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ProductJson.FieldsBody.class))
            })
    @PUT
    @Path("/{id}/update")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(
            @Parameter(hidden = true) @Auth StockroomPrincipal caller,
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            byte[] body,
            @Context UriInfo uri)
            throws IOException {
        Product product = catalog.replace(
                caller.user(), productId(id), ProductFields.fromJson(body).draft(), expectedVersion(ifMatch));
        return Response.ok(reply("Updated", product, uri)).tag(etag(product)).build();
    }

    @Operation(
            summary = "Change some of a product's fields",
            security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "200",
            description = "Updated",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProductJson.Reply.class)),
            headers = {
                @io.swagger.v3.oas.annotations.headers.Header(
                        name = "ETag",
                        description = "The product's version, for If-Match")
            })
    @ApiResponse(responseCode = "400", description = "Invalid fields")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "Not the owner or an admin")
    @ApiResponse(responseCode = "404", description = "No such product")
    @ApiResponse(responseCode = "412", description = "If-Match does not match the current ETag")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ProductJson.FieldsBody.class))
            })
    @PATCH
    @Path("/{id}/update")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response patch(
            @Parameter(hidden = true) @Auth StockroomPrincipal caller,
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            byte[] body,
            @Context UriInfo uri)
            throws IOException {
        Product product = catalog.patch(
                caller.user(), productId(id), ProductFields.fromJson(body).patch(), expectedVersion(ifMatch));
        return Response.ok(reply("Updated", product, uri)).tag(etag(product)).build();
    }

    @Operation(
            summary = "Delete a product (soft: restorable within the retention, then removed with its photo)",
            security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "200",
            description = "Deleted",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProductJson.Reply.class)))
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "Not the owner or an admin")
    @ApiResponse(responseCode = "404", description = "No such product")
    @DELETE
    @Path("/{id}/delete")
    public ProductJson.Reply delete(
            @Parameter(hidden = true) @Auth StockroomPrincipal caller, @PathParam("id") String id) {
        catalog.delete(caller.user(), productId(id));
        return new ProductJson.Reply(true, "Deleted", null);
    }

    @Operation(
            summary = "Restore a deleted product within the retention",
            security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "200",
            description = "Restored",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProductJson.Reply.class)),
            headers = {
                @io.swagger.v3.oas.annotations.headers.Header(
                        name = "ETag",
                        description = "The product's version, for If-Match")
            })
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "Not the owner or an admin")
    @ApiResponse(responseCode = "404", description = "No such product, or deleted longer ago than the retention")
    @POST
    @Path("/{id}/restore")
    public Response restore(
            @Parameter(hidden = true) @Auth StockroomPrincipal caller,
            @PathParam("id") String id,
            @Context UriInfo uri) {
        Product product = catalog.restore(caller.user(), productId(id));
        return Response.ok(reply("Restored", product, uri)).tag(etag(product)).build();
    }

    @Operation(
            summary = "Add to or take from a product's stock, as one conditional write that never oversells",
            security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "200",
            description = "Stock adjusted",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProductJson.Reply.class)),
            headers = {
                @io.swagger.v3.oas.annotations.headers.Header(
                        name = "ETag",
                        description = "The product's version, for If-Match")
            })
    @ApiResponse(responseCode = "400", description = "Invalid fields")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "Not the owner or an admin, or not a VERIFIED user")
    @ApiResponse(responseCode = "404", description = "No such product")
    @ApiResponse(
            responseCode = "409",
            description = "The quantity would go below 0 or above the maximum (field error `quantity`)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ProductJson.StockBody.class))
            })
    @POST
    @Path("/{id}/stock")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response adjustStock(
            @Parameter(hidden = true) @Auth StockroomPrincipal caller,
            @PathParam("id") String id,
            byte[] body,
            @Context UriInfo uri)
            throws IOException {
        Product product = catalog.adjustStock(caller.user(), productId(id), StockFields.fromJson(body));
        return Response.ok(reply("Stock adjusted", product, uri))
                .tag(etag(product))
                .build();
    }

    @Operation(summary = "One product, the bare object")
    @ApiResponse(
            responseCode = "200",
            description = "The product",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProductJson.ProductBody.class)),
            headers = {
                @io.swagger.v3.oas.annotations.headers.Header(
                        name = "ETag",
                        description = "The product's version, for If-Match")
            })
    @ApiResponse(responseCode = "304", description = "Unchanged since the If-None-Match ETag")
    @ApiResponse(responseCode = "404", description = "No such product")
    @GET
    @Path("/{id}/detail")
    public Response detail(
            @Parameter(hidden = true) @Auth Optional<StockroomPrincipal> caller,
            @PathParam("id") String id,
            @Context Request request,
            @Context UriInfo uri) {
        return detailOf(catalog.get(viewer(caller), productId(id)), request, uri);
    }

    @Operation(summary = "One product by its slug, the bare object, as its detail")
    @ApiResponse(
            responseCode = "200",
            description = "The product",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProductJson.ProductBody.class)),
            headers = {
                @io.swagger.v3.oas.annotations.headers.Header(
                        name = "ETag",
                        description = "The product's version, for If-Match")
            })
    @ApiResponse(responseCode = "304", description = "Unchanged since the If-None-Match ETag")
    @ApiResponse(responseCode = "404", description = "No such product")
    @GET
    @Path("/by-slug/{slug}")
    public Response bySlug(
            @Parameter(hidden = true) @Auth Optional<StockroomPrincipal> caller,
            @PathParam("slug") String slug,
            @Context Request request,
            @Context UriInfo uri) {
        return detailOf(catalog.getBySlug(viewer(caller), slug(slug)), request, uri);
    }

    private Response detailOf(Product product, Request request, UriInfo uri) {
        EntityTag tag = etag(product);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.build();
        }
        return Response.ok(ProductJson.ProductBody.from(product, new PhotoLinks(uri), images.imagesOf(product.id())))
                .tag(tag)
                .build();
    }

    /** Who reads: a valid bearer token shows its user's drafts (an admin's: all); none, or a bad one, shows none. */
    static Viewer viewer(Optional<StockroomPrincipal> caller) {
        return caller.map(StockroomPrincipal::user)
                .map(user -> Viewer.user(user.userId(), user.isAdmin()))
                .orElse(Viewer.ANONYMOUS);
    }

    /** A path slug that is not a slug names no product. */
    private static Slug slug(String text) {
        try {
            return new Slug(text);
        } catch (IllegalArgumentException e) {
            throw new RequestFailure(RequestFailure.Kind.UNKNOWN_ID, "No product with slug " + text + ".");
        }
    }

    @Operation(
            summary = "List, search, filter, order and page products",
            description = "Pages by number (page, page_size), or, with cursor, by keyset: cursor= (empty) starts"
                    + " a walk and each next link carries the cursor of the following slice, never a page number."
                    + " A search orders by relevance unless an ordering is named; keyset walks need one of the"
                    + " other orderings. With `deleted=true` (and a bearer token), the soft-deleted products"
                    + " instead, by page number: an admin's of every owner, anyone else's own only.")
    @ApiResponse(responseCode = "200", description = "A page of products")
    @ApiResponse(responseCode = "400", description = "Invalid query parameters")
    @ApiResponse(responseCode = "401", description = "`deleted=true` without a valid token")
    @GET
    public ProductJson.PageReply list(
            @Parameter(hidden = true) @Auth Optional<StockroomPrincipal> caller,
            @Parameter(description = "true: the soft-deleted products (needs a token)") @QueryParam("deleted")
                    String deleted,
            @QueryParam("search") String search,
            @QueryParam("min_price") String minPrice,
            @QueryParam("max_price") String maxPrice,
            @QueryParam("in_stock") String inStock,
            @QueryParam("ordering") String ordering,
            @QueryParam("page") String page,
            @QueryParam("page_size") String pageSize,
            @Parameter(description = "draft or published; drafts are listed to their owner, and all to an admin")
                    @QueryParam("status")
                    String status,
            @Parameter(description = "The category, without regard to case") @QueryParam("category") String category,
            @Parameter(description = "One of the product's tags, without regard to case") @QueryParam("tag") String tag,
            @Parameter(description = "The SKU, exactly") @QueryParam("sku") String sku,
            @Parameter(description = "me, or a user id") @QueryParam("owner") String owner,
            @Parameter(
                            description =
                                    "Empty to start a keyset walk, else the cursor from the previous slice's next link")
                    @QueryParam("cursor")
                    String cursor,
            @Context UriInfo uri) {
        if (cursor != null && page != null) {
            throw RequestFailure.invalidField("page", "Must not be given with cursor: a keyset walk pages by cursor.");
        }
        boolean listDeleted = QueryParameters.given(deleted)
                .map(d -> {
                    try {
                        return QueryParameters.parseBoolean(d);
                    } catch (InvalidValue e) {
                        throw CatalogFailure.InvalidInput.of("deleted", e.getMessage());
                    }
                })
                .orElse(false);
        if (listDeleted && cursor != null) {
            throw RequestFailure.invalidField("cursor", "Not available with deleted=true: page by number.");
        }
        ProductQuery query = ProductQuery.parse(
                search,
                minPrice,
                maxPrice,
                inStock,
                ordering,
                page,
                pageSize,
                new ProductQuery.Filters(status, category, tag, sku, owner),
                viewer(caller));
        if (listDeleted) {
            StockroomPrincipal user = caller.orElseThrow(
                    () -> new NotAuthorizedException(ErrorResponses.unauthorized("Sign in to list deleted products.")));
            return pageReply(catalog.listDeleted(user.user(), query), uri);
        }
        PhotoLinks links = new PhotoLinks(uri);
        if (cursor != null) {
            ProductSlice slice = catalog.listAfter(query, keysetCursor(cursor, query));
            URI next = slice.next()
                    .map(n -> uri.getRequestUriBuilder()
                            .replaceQueryParam("cursor", n.token())
                            .build())
                    .orElse(null);
            return new ProductJson.PageReply(true, slice.total(), next, null, bodies(slice.items(), links));
        }
        return pageReply(catalog.list(query), uri);
    }

    private ProductJson.PageReply pageReply(ProductPage result, UriInfo uri) {
        URI next = result.hasNext() ? pageLink(uri, result.page() + 1) : null;
        URI previous = result.hasPrevious() ? pageLink(uri, result.page() - 1) : null;
        return new ProductJson.PageReply(
                true, result.total(), next, previous, bodies(result.items(), new PhotoLinks(uri)));
    }

    private static ProductCursor keysetCursor(String cursor, ProductQuery query) {
        try {
            return ProductCursor.parse(cursor, query.ordering());
        } catch (InvalidValue e) {
            throw RequestFailure.invalidField("cursor", e.getMessage());
        }
    }

    /** The products of a page with their images, read in one query for the whole page. */
    private List<ProductJson.ProductBody> bodies(List<Product> products, PhotoLinks links) {
        Map<ProductId, List<ProductImage>> imagesOf =
                images.imagesOf(products.stream().map(Product::id).toList());
        return products.stream()
                .map(p -> ProductJson.ProductBody.from(p, links, imagesOf.getOrDefault(p.id(), List.of())))
                .toList();
    }

    @Operation(
            summary = "Export your products (an admin: everyone's) as CSV, drafts included",
            security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "200",
            description = "Header sku,name,price,quantity,description,status,category,tags,barcode,slug, then a"
                    + " row per product in id order; tags separated by ;",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "Not a VERIFIED user")
    @GET
    @Path("/export")
    @Produces("text/csv")
    public Response export(@Parameter(hidden = true) @Auth StockroomPrincipal caller) {
        ProductExport export = catalog.export(caller.user());
        StreamingOutput csv = out -> ProductCsv.write(export, out);
        return Response.ok(csv, ProductCsv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"products.csv\"")
                .build();
    }

    @Operation(
            summary = "Create or update your products from a CSV file, matched by SKU",
            description = "The header names any of sku,name,price,quantity,description,status,category,tags,barcode,"
                    + "slug once each; a row whose SKU one of your products has changes the columns given, any other"
                    + " row adds a product. all_or_nothing (the default) applies every row or, if one has an error,"
                    + " none; per_row applies the good rows. A dry run checks everything and changes nothing."
                    + " mode and dry_run may also be query parameters.",
            security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "200",
            description = "Imported (per_row: the good rows), or a dry run's report",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProductJson.ImportReply.class)))
    @ApiResponse(
            responseCode = "400",
            description = "all_or_nothing with bad rows (the report, nothing applied), or a file that is not an"
                    + " importable CSV (errors.file says why; nothing applied)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(oneOf = {ProductJson.ImportReply.class, ErrorBody.class})))
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "Not a VERIFIED user")
    @ApiResponse(responseCode = "413", description = "The file is too large")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA,
                            schema = @Schema(implementation = ProductJson.ImportFormBody.class)))
    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importProducts(
            @Parameter(hidden = true) @Auth StockroomPrincipal caller,
            @Parameter(description = "all_or_nothing (default) or per_row") @QueryParam("mode") String mode,
            @Parameter(description = "true or false (default)") @QueryParam("dry_run") String dryRun,
            @Parameter(hidden = true) FormDataMultiPart form)
            throws IOException {
        ImportForm parsed = ImportForm.read(form, mode, dryRun);
        try (ProductCsvImport rows = parsed.open()) {
            ImportReport report = catalog.importProducts(caller.user(), rows, parsed.options());
            ProductJson.ImportReply reply = ProductJson.ImportReply.from(report);
            return Response.status(reply.status() ? 200 : 400)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(reply)
                    .build();
        }
    }

    @Operation(summary = "Upload a product's photo", security = @SecurityRequirement(name = OpenApiDocument.BEARER))
    @ApiResponse(
            responseCode = "200",
            description = "Photo uploaded",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProductJson.Reply.class)),
            headers = {
                @io.swagger.v3.oas.annotations.headers.Header(
                        name = "ETag",
                        description = "The product's version, for If-Match")
            })
    @ApiResponse(responseCode = "400", description = "No photo part, another part, or not a supported image")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "Not the owner or an admin")
    @ApiResponse(responseCode = "404", description = "No such product")
    @ApiResponse(responseCode = "412", description = "If-Match does not match the current ETag")
    @ApiResponse(responseCode = "413", description = "Photo too large")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA,
                            schema = @Schema(implementation = ProductJson.PhotoFormBody.class)))
    @POST
    @Path("/{id}/photo")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response attachPhoto(
            @Parameter(hidden = true) @Auth StockroomPrincipal caller,
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(hidden = true) FormDataMultiPart form,
            @Context UriInfo uri)
            throws IOException {
        Form parsed = Form.read(form, maxPhotoBytes);
        if (!parsed.fields().isEmpty()) {
            throw RequestFailure.invalidField("photo", "Send only the photo file in this form.");
        }
        PhotoUpload photo = parsed.photo()
                .orElseThrow(
                        () -> RequestFailure.invalidField("photo", "Attach an image file as the form field 'photo'."));
        Product product = catalog.attachPhoto(caller.user(), productId(id), photo, expectedVersion(ifMatch));
        return Response.ok(reply("Photo uploaded", product, uri))
                .tag(etag(product))
                .build();
    }

    private ProductJson.Reply reply(String message, Product product, UriInfo uri) {
        return reply(message, product, images, uri);
    }

    /** The envelope around a product as it is now, with its images. */
    static ProductJson.Reply reply(String message, Product product, ProductImages images, UriInfo uri) {
        return new ProductJson.Reply(
                true,
                message,
                ProductJson.ProductBody.from(product, new PhotoLinks(uri), images.imagesOf(product.id())));
    }

    private static URI pageLink(UriInfo uri, int page) {
        return uri.getRequestUriBuilder().replaceQueryParam("page", page).build();
    }

    /** A path id that is not a product id names no product. */
    static ProductId productId(String text) {
        try {
            return new ProductId(Long.parseLong(text));
        } catch (IllegalArgumentException e) {
            throw new RequestFailure(RequestFailure.Kind.UNKNOWN_ID, "No product with id " + text + ".");
        }
    }

    static EntityTag etag(Product product) {
        return new EntityTag("v" + product.version());
    }

    /** {@code If-Match: "v3"} expects version 3; {@code *} or no header expects nothing. */
    static OptionalLong expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return OptionalLong.empty();
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() > 3 && tag.startsWith("\"v") && tag.endsWith("\"")) {
            try {
                return OptionalLong.of(Long.parseLong(tag.substring(2, tag.length() - 1)));
            } catch (NumberFormatException e) {
                // falls through: a tag we never issued matches nothing
            }
        }
        throw new RequestFailure(
                RequestFailure.Kind.IF_MATCH_MISMATCH,
                "The If-Match header does not match the product's current ETag.");
    }

    /** The import form: the CSV file part, and {@code mode} and {@code dry_run} from the form or the query. */
    private record ImportForm(FormDataBodyPart file, ProductImport.Options options) {
        private static final String FILE = "file";
        private static final String MODE = "mode";
        private static final String DRY_RUN = "dry_run";

        static ImportForm read(FormDataMultiPart form, String queryMode, String queryDryRun) {
            if (form == null) {
                throw RequestFailure.invalidField(FILE, "Send a multipart form with the CSV file as 'file'.");
            }
            FormDataBodyPart file = null;
            String mode = queryMode;
            String dryRun = queryDryRun;
            for (Map.Entry<String, List<FormDataBodyPart>> field :
                    form.getFields().entrySet()) {
                String name = field.getKey();
                if (field.getValue().size() > 1) {
                    throw RequestFailure.invalidField(name, "Given more than once.");
                }
                FormDataBodyPart part = field.getValue().get(0);
                if (FILE.equals(name)) {
                    file = part;
                } else if (MODE.equals(name) || DRY_RUN.equals(name)) {
                    if ((MODE.equals(name) ? queryMode : queryDryRun) != null) {
                        throw RequestFailure.invalidField(name, "Give it in the form or in the query, not both.");
                    }
                    if (MODE.equals(name)) {
                        mode = part.getValue();
                    } else {
                        dryRun = part.getValue();
                    }
                } else {
                    throw RequestFailure.invalidField(
                            name == null || name.isBlank() ? FILE : name,
                            "Unknown field: send file, mode and dry_run.");
                }
            }
            if (file == null) {
                throw RequestFailure.invalidField(FILE, "Attach the CSV file as the form field 'file'.");
            }
            ProductImport.Mode parsedMode = mode == null
                    ? ProductImport.Mode.ALL_OR_NOTHING
                    : ProductImport.Mode.parse(mode.strip())
                            .orElseThrow(() -> RequestFailure.invalidField(MODE, "Must be all_or_nothing or per_row."));
            boolean parsedDryRun;
            if (dryRun == null || dryRun.strip().equals("false")) {
                parsedDryRun = false;
            } else if (dryRun.strip().equals("true")) {
                parsedDryRun = true;
            } else {
                throw RequestFailure.invalidField(DRY_RUN, "Must be true or false.");
            }
            return new ImportForm(file, new ProductImport.Options(parsedMode, parsedDryRun));
        }

        ProductCsvImport open() throws IOException {
            try (InputStream in = file.getValueAs(InputStream.class)) {
                return ProductCsvImport.of(in);
            }
        }
    }

    /** A multipart form: its text fields, and the photo file if one was attached. */
    private record Form(ProductFields fields, Optional<PhotoUpload> photo) {

        static Form read(FormDataMultiPart form, int maxPhotoBytes) throws IOException {
            if (form == null) {
                throw RequestFailure.invalidField("photo", "Send a multipart form.");
            }
            Map<String, String> text = new LinkedHashMap<>();
            Optional<PhotoUpload> photo = Optional.empty();
            for (Map.Entry<String, List<FormDataBodyPart>> field :
                    form.getFields().entrySet()) {
                if (field.getValue().size() > 1) {
                    throw RequestFailure.invalidField(field.getKey(), "Given more than once.");
                }
                FormDataBodyPart part = field.getValue().get(0);
                if (part.getContentDisposition() == null
                        || field.getKey() == null
                        || field.getKey().isBlank()) {
                    throw new RequestFailure(
                            RequestFailure.Kind.MALFORMED_BODY,
                            "Every part of the form needs a Content-Disposition with a name.");
                }
                boolean isFile = part.getContentDisposition().getFileName() != null
                        || !MediaType.TEXT_PLAIN_TYPE.isCompatible(part.getMediaType());
                if (field.getKey().equals(ProductFields.PHOTO) && isFile) {
                    try (InputStream in = part.getValueAs(InputStream.class)) {
                        // One byte over the limit is enough for the core to refuse it as too large.
                        photo = Optional.of(PhotoUpload.of(in.readNBytes(maxPhotoBytes + 1)));
                    }
                } else {
                    text.put(field.getKey(), part.getValue());
                }
            }
            return new Form(ProductFields.fromForm(text), photo);
        }
    }
}
