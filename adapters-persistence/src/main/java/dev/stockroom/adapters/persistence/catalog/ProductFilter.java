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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final String PREFIX_QUERY = "to_tsquery('simple', :search_prefixes)";
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    ProductFilter {
        values = Map.copyOf(values);
    }

    /**
     * A {@code tsquery} of every word of {@code text} as a prefix ({@code lamp:* & desk:*}). Words
     * are runs of letters and digits, so no operator of the query syntax ever comes from the
     * client; empty for text of fewer than two words, which only the substring matches.
     */
    static Optional<String> prefixQuery(String text) {
        List<String> terms = new ArrayList<>();
        Matcher words = WORD.matcher(text);
        while (words.find()) {
            terms.add(words.group() + ":*");
        }
        return terms.size() < 2 ? Optional.empty() : Optional.of(String.join(" & ", terms));
    }

    /**
     * The conditions of {@code query}. A search matches where its text occurs in the name or the
     * description. With {@code fullText} (PostgreSQL), a search of several words also matches where
     * every one of them starts a word of the name or description, in any order, through the
     * full-text index; the substring match, served there by trigram indexes, stays as it is, so a
     * single term such as {@code 50%} matches exactly what it matches on H2.
     */
    static ProductFilter of(ProductQuery query, boolean fullText) {
        return of(query, fullText, false);
    }

    /** As {@link #of(ProductQuery, boolean)}, over the soft-deleted products when {@code deleted}, else the live ones. */
    static ProductFilter of(ProductQuery query, boolean fullText, boolean deleted) {
        List<String> conditions = new ArrayList<>();
        conditions.add(deleted ? "deleted_at IS NOT NULL" : "deleted_at IS NULL");
        Map<String, Object> values = new HashMap<>();
        query.searchKey().ifPresent(key -> {
            values.put("search", "%" + escapeLike(key) + "%");
            Optional<String> prefixes = fullText ? prefixQuery(key) : Optional.empty();
            if (prefixes.isPresent()) {
                conditions.add("(" + MATCHES_SEARCH.substring(1, MATCHES_SEARCH.length() - 1) + " OR search_vector @@ "
                        + PREFIX_QUERY + ")");
                values.put("search_prefixes", prefixes.get());
            } else {
                conditions.add(MATCHES_SEARCH);
            }
            if (fullText) {
                values.put("search_words", key);
            }
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

    /** This filter and also {@code condition}, whose parameters are {@code more}. */
    ProductFilter and(String condition, Map<String, Object> more) {
        Map<String, Object> all = new HashMap<>(values);
        all.putAll(more);
        return new ProductFilter(where.isEmpty() ? " WHERE " + condition : where + " AND " + condition, all);
    }

    /**
     * The sort key of the query's ordering, then the id in the same direction, so that pages are
     * stable. Relevance, with a search, puts name matches first; on PostgreSQL the full-text rank
     * of name (weight A) and description (weight B) orders within those; then newest first.
     */
    static String orderBy(ProductQuery query, boolean fullText) {
        ProductOrdering ordering = query.ordering();
        if (ordering.key() == ProductOrdering.Key.RELEVANCE) {
            String newest = orderBy(ProductOrdering.DEFAULT);
            if (query.searchKey().isEmpty()) {
                return newest;
            }
            String rank = fullText ? ", ts_rank(search_vector, plainto_tsquery('simple', :search_words)) DESC" : "";
            return " ORDER BY CASE WHEN name_key LIKE :search" + Like.ESCAPE_CLAUSE + " THEN 0 ELSE 1 END" + rank + ", "
                    + newest.substring(" ORDER BY ".length());
        }
        return orderBy(ordering);
    }

    /** The column a keyset walk in {@code ordering} seeks on, beside the id. */
    static String column(ProductOrdering ordering) {
        return switch (ordering.key()) {
            case PRICE -> "price";
            case NAME -> "name_key";
            case CREATED_AT -> "created_at";
            case QUANTITY -> "quantity";
            case RELEVANCE -> throw new IllegalArgumentException("relevance has no column");
        };
    }

    private static String orderBy(ProductOrdering ordering) {
        String direction = ordering.descending() ? "DESC" : "ASC";
        return " ORDER BY " + column(ordering) + " " + direction + ", id " + direction;
    }

    /** {@code text} as a LIKE pattern that matches itself only: wildcards and the escape are escaped. */
    static String escapeLike(String text) {
        return Like.escape(text);
    }
}
