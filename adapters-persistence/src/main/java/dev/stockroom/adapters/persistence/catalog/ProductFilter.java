package dev.stockroom.adapters.persistence.catalog;

import dev.stockroom.adapters.persistence.row.Like;
import dev.stockroom.core.catalog.domain.ListingFilters;
import dev.stockroom.core.catalog.domain.ProductOrdering;
import dev.stockroom.core.catalog.domain.ProductQuery;
import dev.stockroom.core.catalog.domain.Tags;
import dev.stockroom.core.catalog.domain.Viewer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of a product list: a {@code WHERE} clause assembled from fixed fragments, with every
 * value the client chose bound as a parameter, and an {@code ORDER BY} picked from the ordering
 * enum. No client text ever becomes SQL.
 *
 * @param where  empty, or {@code " WHERE …"} with named parameters
 * @param values the parameters of {@code where}
 */
record ProductFilter(String where, Map<String, Object> values) {
    private static final String MATCHES_SEARCH = "(name_key LIKE :search" + Like.ESCAPE_CLAUSE
            + " OR description_key LIKE :search" + Like.ESCAPE_CLAUSE + ")";

    ProductFilter {
        values = Map.copyOf(values);
    }

    static ProductFilter of(ProductQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> values = new HashMap<>();
        query.searchKey().ifPresent(key -> {
            conditions.add(MATCHES_SEARCH);
            values.put("search", "%" + escapeLike(key) + "%");
        });
        query.minPrice().ifPresent(min -> {
            conditions.add("price >= :min_price");
            values.put("min_price", min.amount());
        });
        query.maxPrice().ifPresent(max -> {
            conditions.add("price <= :max_price");
            values.put("max_price", max.amount());
        });
        query.inStock().ifPresent(inStock -> conditions.add(inStock ? "quantity > 0" : "quantity = 0"));
        query.owner().ifPresent(owner -> {
            conditions.add("owner_id = :owner_id");
            values.put("owner_id", owner.value());
        });
        listing(query.listing(), conditions, values);
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return new ProductFilter(where, values);
    }

    /** The catalogue filters, and the drafts the viewer may see (all for an admin, their own for a user). */
    private static void listing(ListingFilters listing, List<String> conditions, Map<String, Object> values) {
        Viewer viewer = listing.viewer();
        if (!viewer.isAdmin()) {
            if (viewer.user().isPresent()) {
                conditions.add("(status = 'published' OR owner_id = :viewer_id)");
                values.put("viewer_id", viewer.user().get().value());
            } else {
                conditions.add("status = 'published'");
            }
        }
        listing.status().ifPresent(status -> {
            conditions.add("status = :status");
            values.put("status", status.apiName());
        });
        listing.categoryKey().ifPresent(key -> {
            conditions.add("category_key = :category_key");
            values.put("category_key", key);
        });
        listing.tag().ifPresent(tag -> {
            conditions.add("tags LIKE :tag" + Like.ESCAPE_CLAUSE);
            values.put("tag", "%" + escapeLike(Tags.SEPARATOR + tag + Tags.SEPARATOR) + "%");
        });
        listing.sku().ifPresent(sku -> {
            conditions.add("sku = :sku");
            values.put("sku", sku.value());
        });
    }

    /** The sort key of {@code ordering}, then the id in the same direction, so that pages are stable. */
    static String orderBy(ProductOrdering ordering) {
        String column = switch (ordering.key()) {
            case PRICE -> "price";
            case NAME -> "name_key";
            case CREATED_AT -> "created_at";
            case QUANTITY -> "quantity";
        };
        String direction = ordering.descending() ? "DESC" : "ASC";
        return " ORDER BY " + column + " " + direction + ", id " + direction;
    }

    /** {@code text} as a LIKE pattern that matches itself only: wildcards and the escape are escaped. */
    static String escapeLike(String text) {
        return Like.escape(text);
    }
}
