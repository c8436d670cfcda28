package dev.stockroom.core.catalog.port.in;

import dev.stockroom.core.catalog.domain.Barcode;
import dev.stockroom.core.catalog.domain.Category;
import dev.stockroom.core.catalog.domain.ProductAttributes;
import dev.stockroom.core.catalog.domain.ProductStatus;
import dev.stockroom.core.catalog.domain.Sku;
import dev.stockroom.core.catalog.domain.Slug;
import dev.stockroom.core.catalog.domain.Tags;
import dev.stockroom.core.shared.InvalidValue;
import dev.stockroom.core.shared.Violations;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The catalogue attributes a request names, for add, PUT and PATCH alike: an empty component
 * leaves the attribute as it is (on add: its default), an empty inner one clears it. Clearing the
 * slug gives the product one made from its name again; the status cannot be cleared.
 *
 * <p>The sketch's clients send none of these, so a PUT of theirs keeps what a newer client set.
 */
public record AttributeChanges(
        Optional<Optional<Sku>> sku,
        Optional<Optional<Barcode>> barcode,
        Optional<Optional<Slug>> slug,
        Optional<ProductStatus> status,
        Optional<Optional<Category>> category,
        Optional<Tags> tags) {

    public static final AttributeChanges NONE = new AttributeChanges(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public AttributeChanges {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(barcode, "barcode");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(tags, "tags");
    }

    /** Collects into {@code violations}, under the API's field names; see {@link Builder}. */
    public static Builder builder(Violations violations) {
        return new Builder(violations);
    }

    public ProductAttributes applyTo(ProductAttributes current) {
        return new ProductAttributes(
                sku.orElse(current.sku()),
                barcode.orElse(current.barcode()),
                slug.orElse(current.slug()),
                status.orElse(current.status()),
                category.orElse(current.category()),
                tags.orElse(current.tags()));
    }

    /** Called only for the attributes a client sent; null or blank text clears one. */
    public static final class Builder {
        private final Violations violations;
        private Optional<Optional<Sku>> sku = Optional.empty();
        private Optional<Optional<Barcode>> barcode = Optional.empty();
        private Optional<Optional<Slug>> slug = Optional.empty();
        private Optional<ProductStatus> status = Optional.empty();
        private Optional<Optional<Category>> category = Optional.empty();
        private Optional<Tags> tags = Optional.empty();

        private Builder(Violations violations) {
            this.violations = Objects.requireNonNull(violations, "violations");
        }

        public Builder sku(String value) {
            sku = clearable("sku", value, Sku::new);
            return this;
        }

        public Builder barcode(String value) {
            barcode = clearable("barcode", value, Barcode::new);
            return this;
        }

        public Builder slug(String value) {
            slug = clearable("slug", value, Slug::new);
            return this;
        }

        public Builder status(String value) {
            status = Optional.ofNullable(violations.field("status", () -> {
                if (value == null) {
                    throw new InvalidValue("This field cannot be cleared.");
                }
                return ProductStatus.parse(value);
            }));
            return this;
        }

        public Builder category(String value) {
            category = clearable("category", value, Category::new);
            return this;
        }

        /** Null or empty clears the tags. */
        public Builder tags(List<String> values) {
            tags = Optional.ofNullable(violations.field("tags", () -> values == null ? Tags.NONE : new Tags(values)));
            return this;
        }

        /** The changes read so far; a field that was invalid is left out (the violations say why). */
        public AttributeChanges changes() {
            return new AttributeChanges(sku, barcode, slug, status, category, tags);
        }

        private <T> Optional<Optional<T>> clearable(
                String field, String value, java.util.function.Function<String, T> parse) {
            if (value == null || value.isBlank()) {
                return Optional.of(Optional.empty());
            }
            T parsed = violations.field(field, () -> parse.apply(value));
            return parsed == null ? Optional.empty() : Optional.of(Optional.of(parsed));
        }
    }
}
