package dev.stockroom.core.catalog.domain;

import dev.stockroom.core.shared.InvalidValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How a product list is ordered, named as in the API ({@code -} means descending). Ties are
 * broken by id in the same direction, so pages are stable. Names compare without regard to case
 * (by their lower-case form), so that every store orders them alike whatever its collation.
 */
public enum ProductOrdering {
    PRICE("price", Key.PRICE, false),
    PRICE_DESC("-price", Key.PRICE, true),
    NAME("name", Key.NAME, false),
    NAME_DESC("-name", Key.NAME, true),
    CREATED_AT("created_at", Key.CREATED_AT, false),
    CREATED_AT_DESC("-created_at", Key.CREATED_AT, true),
    QUANTITY("quantity", Key.QUANTITY, false),
    QUANTITY_DESC("-quantity", Key.QUANTITY, true),
    /**
     * Best matches of the {@code search} text first: products whose name contains it before those
     * where only the description does (a store with full-text ranking, PostgreSQL, ranks further
     * within each), then newest first. The default when a search is given and no ordering named;
     * without a search it is the default ordering.
     */
    RELEVANCE("relevance", Key.RELEVANCE, true);

    /** Newest first, when the client names no ordering. */
    public static final ProductOrdering DEFAULT = CREATED_AT_DESC;

    /** What a list is sorted by before the tie-break on id. */
    public enum Key {
        PRICE,
        NAME,
        CREATED_AT,
        QUANTITY,
        RELEVANCE
    }

    private final String apiName;
    private final Key key;
    private final boolean descending;

    ProductOrdering(String apiName, Key key, boolean descending) {
        this.apiName = apiName;
        this.key = key;
        this.descending = descending;
    }

    public static ProductOrdering parse(String text) {
        String wanted = text == null ? "" : text.strip();
        return Arrays.stream(values())
                .filter(o -> o.apiName.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new InvalidValue("Must be one of: "
                        + Arrays.stream(values()).map(ProductOrdering::apiName).collect(Collectors.joining(", "))
                        + "."));
    }

    public String apiName() {
        return apiName;
    }

    public Key key() {
        return key;
    }

    public boolean descending() {
        return descending;
    }

    @Override
    public String toString() {
        return apiName;
    }
}
