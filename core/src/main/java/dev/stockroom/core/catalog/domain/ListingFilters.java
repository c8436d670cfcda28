package dev.stockroom.core.catalog.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The list filters of a shop's catalogue, and who is listing: {@code status}, {@code category}
 * (the same name without regard to case), {@code tag} (one of the product's tags) and {@code sku}
 * (exactly). Whatever they say, a viewer lists only the products they may see
 * ({@link Product#isVisibleTo}).
 */
public record ListingFilters(
        Optional<ProductStatus> status,
        Optional<Category> category,
        Optional<String> tag,
        Optional<Sku> sku,
        Viewer viewer) {

    /** No filter, as an anonymous viewer: the published products. */
    public static final ListingFilters NONE = new ListingFilters(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Viewer.ANONYMOUS);

    public ListingFilters {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(viewer, "viewer");
        tag = tag.map(Tags::tag);
    }

    public ListingFilters withViewer(Viewer newViewer) {
        return new ListingFilters(status, category, tag, sku, newViewer);
    }

    public ListingFilters withStatus(Optional<ProductStatus> newStatus) {
        return new ListingFilters(newStatus, category, tag, sku, viewer);
    }

    /** The category as the stores compare it: lower case ({@link java.util.Locale#ROOT}). */
    public Optional<String> categoryKey() {
        return category.map(c -> c.value().toLowerCase(java.util.Locale.ROOT));
    }

    public boolean matches(Product p) {
        return p.isVisibleTo(viewer)
                && status.map(s -> p.attributes().status() == s).orElse(true)
                && categoryKey()
                        .map(key -> p.attributes()
                                .category()
                                .map(c -> c.value()
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .equals(key))
                                .orElse(false))
                        .orElse(true)
                && tag.map(t -> p.attributes().tags().contains(t)).orElse(true)
                && sku.map(s -> p.attributes().sku().equals(Optional.of(s))).orElse(true);
    }
}
