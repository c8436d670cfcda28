package dev.stockroom.adapters.persistence.catalog;

import dev.stockroom.adapters.persistence.row.Like;
import dev.stockroom.core.catalog.domain.ProductOrdering;
import dev.stockroom.core.catalog.domain.ProductQuery;
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

    /** The live products matching {@code query}. */
    static ProductFilter of(ProductQuery query) {
        return of(query, false);
    }

    /** The live or ({@code deleted}) the soft-deleted products matching {@code query}. */
    static ProductFilter of(ProductQuery query, boolean deleted) {
        List<String> conditions = new ArrayList<>();
        conditions.add(deleted ? "deleted_at IS NOT NULL" : "deleted_at IS NULL");
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
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return new ProductFilter(where, values);
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
