package dev.stockroom.adapters.rest.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.core.catalog.domain.Product;
import dev.stockroom.core.catalog.domain.ProductImage;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;

/** The catalogue's response bodies. Requests are read field by field in {@link ProductFields}. */
final class ProductJson {
    private ProductJson() {}

    /** A product as the sketch's detail shows it, plus owner and times. Price is a decimal string. */
    record ProductBody(
            @JsonProperty("id") long id,
            @JsonProperty("name") String name,
            @JsonProperty("price") String price,
            @JsonProperty("photo") String photo,
            @JsonProperty("description") String description,
            @JsonProperty("quantity") int quantity,
            @JsonProperty("owner") String owner,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("updated_at") String updatedAt,

            @Schema(description = "When the product was soft-deleted; null while it is live", nullable = true)
            @JsonProperty("deleted_at")
            String deletedAt,

            @Schema(description = "At most 10, in order; `photo` is the first one's `url`") @JsonProperty("images")
            List<ImageBody> images) {

        static ProductBody from(Product p, PhotoLinks links, List<ProductImage> images) {
            return new ProductBody(
                    p.id().value(),
                    p.name().value(),
                    p.price().toString(),
                    p.photo().map(links::urlOf).orElse(null),
                    p.description().value(),
                    p.quantity().value(),
                    p.owner().toString(),
                    p.createdAt().toString(),
                    p.updatedAt().toString(),
                    p.deletedAt().map(Object::toString).orElse(null),
                    images.stream().map(i -> ImageBody.from(i, links)).toList());
        }
    }

    /** One of a product's images: the stored original (metadata stripped) and its thumbnails. */
    record ImageBody(
            @JsonProperty("id") long id,
            @JsonProperty("url") String url,
            @JsonProperty("thumbnails") Thumbnails thumbnails,

            @Schema(description = "0 is first") @JsonProperty("position")
            int position) {

        static ImageBody from(ProductImage image, PhotoLinks links) {
            return new ImageBody(
                    image.id().value(),
                    links.urlOf(image.original()),
                    new Thumbnails(links.urlOf(image.small()), links.urlOf(image.medium())),
                    image.position());
        }
    }

    record Thumbnails(
            @Schema(description = "Fits 160 × 160") @JsonProperty("small")
            String small,

            @Schema(description = "Fits 640 × 640") @JsonProperty("medium")
            String medium) {}

    @Schema(name = "ImageForm", description = "The `image` part, an image file, and optionally its `position`.")
    record ImageFormBody(
            @Schema(
                    type = "string",
                    format = "binary",
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "The image file (PNG, JPEG, GIF or WebP)")
            @JsonProperty("image")
            String image,

            @Schema(description = "Where in the list: 0 is first; none, or past the end: last", example = "0")
            @JsonProperty("position")
            Integer position) {}

    @Schema(name = "ImageOrder", description = "Every image id of the product, once each, in the new order.")
    record ImageOrderBody(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("order")
            List<Long> order) {}

    @Schema(name = "ProductReply")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Reply(
            @JsonProperty("status") boolean status,
            @JsonProperty("message") String message,
            @JsonProperty("data") ProductBody data) {}

    @Schema(name = "ProductPage")
    record PageReply(
            @JsonProperty("status") boolean status,
            @JsonProperty("count") long count,
            @JsonProperty("next") URI next,
            @JsonProperty("previous") URI previous,
            @JsonProperty("results") List<ProductBody> results) {}

    // The request bodies as the OpenAPI document describes them; ProductFields reads them field by field.

    @Schema(
            name = "ProductFields",
            description = "A product's editable fields. POST and PUT need name, price and quantity; PATCH any subset,"
                    + " and null clears a field. Unknown and server-owned fields are refused; the sketch's"
                    + " `decription` is read as `description`.")
    record FieldsBody(
            @JsonProperty("name") String name,

            @Schema(description = "A decimal, as a string or a number", example = "24.90") @JsonProperty("price")
            String price,

            @Schema(description = "An image URL; a `/media/` URL of ours keeps the stored photo") @JsonProperty("photo")
            String photo,

            @JsonProperty("description") String description,

            @Schema(description = "A whole number, as a number or a string", example = "5") @JsonProperty("quantity")
            String quantity) {}

    @Schema(name = "ProductForm", description = "The same fields as text parts, and `photo` as an image file.")
    record FormBody(
            @JsonProperty("name") String name,
            @JsonProperty("price") String price,
            @JsonProperty("description") String description,
            @JsonProperty("quantity") String quantity,

            @Schema(type = "string", format = "binary", description = "The image file (PNG, JPEG, GIF or WebP)")
            @JsonProperty("photo")
            String photo) {}

    @Schema(name = "StockAdjustment", description = "A signed change of the quantity, as one conditional write.")
    record StockBody(
            @Schema(
                    description = "What to add: negative takes away; not 0",
                    example = "-1",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @JsonProperty("delta")
            int delta,

            @Schema(description = "Why, in at most 200 characters", example = "sold at the counter")
            @JsonProperty("reason")
            String reason) {}

    @Schema(name = "PhotoForm", description = "Only the `photo` part, an image file.")
    record PhotoFormBody(
            @Schema(
                    type = "string",
                    format = "binary",
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "The image file (PNG, JPEG, GIF or WebP)")
            @JsonProperty("photo")
            String photo) {}
}
