package dev.stockroom.core.catalog.domain;

import dev.stockroom.core.shared.InvalidValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a keyset walk through a product list stands: the ordering it follows and, past the first
 * slice, the sort key and id of the last product it gave out. The next slice starts right after
 * that product, so a deep slice costs what the first one does (no {@code OFFSET}), and products
 * added or removed meanwhile neither repeat nor skip the ones already walked past.
 *
 * <p>Its {@link #token()} is opaque to clients: URL-safe Base64 of a versioned text. A token is
 * only good for the ordering it was made for; anything else is refused with {@link InvalidValue}.
 *
 * @param ordering the list's ordering; never {@link ProductOrdering#RELEVANCE}, whose rank is no key
 * @param after    empty for the first slice
 */
public record ProductCursor(ProductOrdering ordering, Optional<Position> after) {
    /** The longest token accepted: a 200-character name as sort key fits with room to spare. */
    public static final int MAX_TOKEN_LENGTH = 2048;

    private static final String VERSION = "1";
    private static final String RULE =
            "Must be empty, to start, or a cursor from this list's next link, with the same ordering.";

    /**
     * The last product a slice gave out.
     *
     * @param sortKey that product's value of the ordering's key, in the form {@link #sortKeyOf} gives
     * @param id      its id, the tie-break
     */
    public record Position(String sortKey, ProductId id) {
        public Position {
            Objects.requireNonNull(sortKey, "sortKey");
            Objects.requireNonNull(id, "id");
        }
    }

    public ProductCursor {
        Objects.requireNonNull(ordering, "ordering");
        Objects.requireNonNull(after, "after");
        if (ordering == ProductOrdering.RELEVANCE) {
            throw new InvalidValue(relevanceRule());
        }
    }

    /** The start of a walk in {@code ordering}. */
    public static ProductCursor start(ProductOrdering ordering) {
        return new ProductCursor(ordering, Optional.empty());
    }

    /** The cursor whose slice starts right after {@code last}. */
    public static ProductCursor after(ProductOrdering ordering, Product last) {
        return new ProductCursor(ordering, Optional.of(new Position(sortKeyOf(ordering.key(), last), last.id())));
    }

    /**
     * Reads the API's {@code cursor} parameter for a list in {@code ordering}: empty starts a walk.
     *
     * @throws InvalidValue when the token is not one this list gave out
     */
    public static ProductCursor parse(String token, ProductOrdering ordering) {
        if (ordering == ProductOrdering.RELEVANCE) {
            throw new InvalidValue(relevanceRule());
        }
        String text = token == null ? "" : token.strip();
        if (text.isEmpty()) {
            return start(ordering);
        }
        if (text.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidValue(RULE);
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidValue(RULE);
        }
        // version, ordering, id, then the sort key, which may itself hold the separator
        String[] parts = decoded.split("\n", 4);
        if (parts.length != 4 || !parts[0].equals(VERSION) || !parts[1].equals(ordering.apiName())) {
            throw new InvalidValue(RULE);
        }
        ProductId id;
        try {
            id = new ProductId(Long.parseLong(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new InvalidValue(RULE);
        }
        String sortKey = parts[3];
        if (!isSortKey(ordering.key(), sortKey)) {
            throw new InvalidValue(RULE);
        }
        return new ProductCursor(ordering, Optional.of(new Position(sortKey, id)));
    }

    /** The token for the API's {@code cursor} parameter; the start of a walk is the empty token. */
    public String token() {
        return after.map(p -> Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(String.join(
                                        "\n", VERSION, ordering.apiName(), Long.toString(p.id().value()), p.sortKey())
                                .getBytes(StandardCharsets.UTF_8)))
                .orElse("");
    }

    /**
     * A product's value of {@code key} as a cursor holds it: the plain decimal price, the name lower
     * cased as lists order it, the creation instant in ISO-8601, the quantity.
     */
    public static String sortKeyOf(ProductOrdering.Key key, Product product) {
        return switch (key) {
            case PRICE -> product.price().amount().toPlainString();
            case NAME -> product.name().value().toLowerCase(Locale.ROOT);
            case CREATED_AT -> product.createdAt().toString();
            case QUANTITY -> Integer.toString(product.quantity().value());
            case RELEVANCE -> throw new IllegalArgumentException(relevanceRule());
        };
    }

    private static boolean isSortKey(ProductOrdering.Key key, String text) {
        try {
            switch (key) {
                case PRICE -> new Price(new BigDecimal(text));
                case NAME -> {
                    // a lower-cased name: as long as a name may grow when lower cased, never blank
                    return !text.isBlank() && text.length() <= 4 * ProductName.MAX_LENGTH;
                }
                case CREATED_AT -> Instant.parse(text);
                case QUANTITY -> new Quantity(Integer.parseInt(text));
                case RELEVANCE -> {
                    return false;
                }
            }
            return true;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return false;
        }
    }

    private static String relevanceRule() {
        return "Keyset paging follows the ordering by price, name, created_at or quantity, not relevance.";
    }
}
