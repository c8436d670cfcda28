package dev.stockroom.adapters.rest.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.adapters.rest.error.LocalizedBody;
import dev.stockroom.core.catalog.domain.Barcode;
import dev.stockroom.core.catalog.domain.Category;
import dev.stockroom.core.catalog.domain.Product;
import dev.stockroom.core.catalog.domain.ProductAttributes;
import dev.stockroom.core.catalog.domain.ProductImage;
import dev.stockroom.core.catalog.domain.Sku;
import dev.stockroom.core.catalog.domain.Slug;
import dev.stockroom.core.catalog.port.in.ImportReport;
import dev.stockroom.core.catalog.port.in.ProductImport;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.ArrayList;
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
            @JsonProperty("sku") String sku,
            @JsonProperty("barcode") String barcode,
            @JsonProperty("slug") String slug,

            @Schema(allowableValues = {"draft", "published"}) @JsonProperty("status")
            String status,

            @JsonProperty("category") String category,
            @JsonProperty("tags") List<String> tags,

            @Schema(description = "When the product was soft-deleted; null while it is live", nullable = true)
            @JsonProperty("deleted_at")
            String deletedAt,

            @Schema(description = "At most 10, in order; `photo` is the first one's `url`") @JsonProperty("images")
            List<ImageBody> images) {

        static ProductBody from(Product p, PhotoLinks links, List<ProductImage> images) {
            ProductAttributes a = p.attributes();
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
                    a.sku().map(Sku::value).orElse(null),
                    a.barcode().map(Barcode::value).orElse(null),
                    a.slug().map(Slug::value).orElse(null),
                    a.status().apiName(),
                    a.category().map(Category::value).orElse(null),
                    a.tags().values(),
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

    @Schema(
            name = "ImportReport",
            description = "What an import did; in a dry run, or when an all_or_nothing import had errors, what it"
                    + " would have done: the counts are those of the rows without errors")
    record ImportReply(
            @JsonProperty("status") boolean status,
            @JsonProperty("message") String message,
            @JsonProperty("mode") String mode,
            @JsonProperty("dry_run") boolean dryRun,

            @Schema(description = "Whether the counted changes are stored") @JsonProperty("applied")
            boolean applied,

            @JsonProperty("created") int created,
            @JsonProperty("updated") int updated,
            @JsonProperty("unchanged") int unchanged,
            @JsonProperty("errors") List<ImportError> errors)
            implements LocalizedBody<ImportReply> {

        static final String APPLIED = "Imported.";
        static final String APPLIED_BUT = "Imported, except the rows listed in errors.";
        static final String NOT_APPLIED =
                "Nothing was imported: fix the rows listed in errors and send the file again.";
        static final String DRY_RUN = "Dry run: nothing was changed.";

        static ImportReply from(ImportReport report) {
            boolean allOrNothing = report.options().mode() == ProductImport.Mode.ALL_OR_NOTHING;
            String message;
            if (report.options().dryRun()) {
                message = DRY_RUN;
            } else if (!report.hasErrors()) {
                message = APPLIED;
            } else {
                message = allOrNothing ? NOT_APPLIED : APPLIED_BUT;
            }
            return new ImportReply(
                    !(allOrNothing && report.hasErrors()),
                    message,
                    report.options().mode().apiName(),
                    report.options().dryRun(),
                    report.applied(),
                    report.created(),
                    report.updated(),
                    report.unchanged(),
                    report.errors().stream()
                            .map(e -> new ImportError(e.row(), e.column().orElse(null), e.message()))
                            .toList());
        }

        @Override
        public List<String> texts() {
            List<String> texts = new ArrayList<>(errors.size() + 1);
            texts.add(message);
            errors.forEach(e -> texts.add(e.message()));
            return texts;
        }

        @Override
        public ImportReply withTexts(List<String> translated) {
            List<ImportError> translatedErrors = new ArrayList<>(errors.size());
            for (int i = 0; i < errors.size(); i++) {
                ImportError e = errors.get(i);
                translatedErrors.add(new ImportError(e.row(), e.column(), translated.get(i + 1)));
            }
            return new ImportReply(
                    status, translated.get(0), mode, dryRun, applied, created, updated, unchanged, translatedErrors);
        }
    }

    @Schema(name = "ImportError")
    record ImportError(
            @Schema(description = "The row, counted from 1 after the header") @JsonProperty("row")
            int row,

            @Schema(description = "The column at fault; null when the row as a whole is", nullable = true)
            @JsonProperty("column")
            String column,

            @JsonProperty("message") String message) {}

    @Schema(name = "ImportForm")
    record ImportFormBody(
            @Schema(
                    type = "string",
                    format = "binary",
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "UTF-8 CSV with a header row naming any of sku,name,price,quantity,"
                            + "description,status,category,tags,barcode,slug")
            @JsonProperty("file")
            String file,

            @Schema(
                    allowableValues = {"all_or_nothing", "per_row"},
                    defaultValue = "all_or_nothing")
            @JsonProperty("mode")
            String mode,

            @Schema(
                    allowableValues = {"true", "false"},
                    defaultValue = "false")
            @JsonProperty("dry_run")
            String dryRun) {}

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
                    + " and null clears a field. On PUT the fields the sketch does not know (sku to tags) keep"
                    + " their values when left out. Unknown and server-owned fields are refused; the sketch's"
                    + " `decription` is read as `description`.")
    record FieldsBody(
            @JsonProperty("name") String name,

            @Schema(description = "A decimal, as a string or a number", example = "24.90") @JsonProperty("price")
            String price,

            @Schema(description = "An image URL; a `/media/` URL of ours keeps the stored photo") @JsonProperty("photo")
            String photo,

            @JsonProperty("description") String description,

            @Schema(description = "A whole number, as a number or a string", example = "5") @JsonProperty("quantity")
            String quantity,

            @Schema(description = "1 to 64 of A-Z a-z 0-9 . _ -, unique among your products", example = "LAMP-01")
            @JsonProperty("sku")
            String sku,

            @Schema(description = "A GTIN-8, -12, -13 or -14 with its check digit", example = "4006381333931")
            @JsonProperty("barcode")
            String barcode,

            @Schema(
                    description = "1 to 100 of a-z 0-9 -, unique; made from the name when not given, and again when"
                            + " cleared",
                    example = "desk-lamp")
            @JsonProperty("slug")
            String slug,

            @Schema(
                    description = "Who sees it: draft (its owner and admins) or published (everyone, the default)",
                    allowableValues = {"draft", "published"})
            @JsonProperty("status")
            String status,

            @Schema(description = "1 to 100 characters", example = "Lighting") @JsonProperty("category")
            String category,

            @Schema(description = "Up to 20 tags of 1 to 50 characters, kept in lower case once each")
            @JsonProperty("tags")
            List<String> tags) {}

    @Schema(name = "ProductForm", description = "The same fields as text parts, and `photo` as an image file.")
    record FormBody(
            @JsonProperty("name") String name,
            @JsonProperty("price") String price,
            @JsonProperty("description") String description,
            @JsonProperty("quantity") String quantity,
            @JsonProperty("sku") String sku,
            @JsonProperty("barcode") String barcode,
            @JsonProperty("slug") String slug,
            @JsonProperty("status") String status,
            @JsonProperty("category") String category,

            @Schema(description = "Tags separated by ;", example = "brass;desk") @JsonProperty("tags")
            String tags,

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
