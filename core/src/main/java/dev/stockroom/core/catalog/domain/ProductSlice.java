package dev.stockroom.core.catalog.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One slice of a keyset walk through a product list.
 *
 * @param items the products of this slice, in the walk's ordering
 * @param total how many products match the query in all
 * @param next  where the following slice starts; empty after the last one
 */
public record ProductSlice(List<Product> items, long total, Optional<ProductCursor> next) {
    public ProductSlice {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
        if (total < 0) {
            throw new IllegalArgumentException("total must not be negative: " + total);
        }
    }

    /**
     * The slice of {@code query}'s page size out of {@code fetched}, matches read in the cursor's
     * ordering with one more than a slice holds, so that one more tells there is a next slice.
     */
    public static ProductSlice of(List<Product> fetched, long total, ProductQuery query, ProductCursor cursor) {
        if (fetched.size() <= query.pageSize()) {
            return new ProductSlice(fetched, total, Optional.empty());
        }
        List<Product> items = fetched.subList(0, query.pageSize());
        return new ProductSlice(
                items, total, Optional.of(ProductCursor.after(cursor.ordering(), items.get(items.size() - 1))));
    }
}
